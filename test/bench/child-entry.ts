// Entry point of a measureInChild process: runs the module's main(args) and reports its figures and
// this process's peak RSS to the parent over IPC.

import type { ChildMessage } from './measure';
import type { Figures } from './benchmark';

async function main(): Promise<void> {
  const [modulePath, ...args] = process.argv.slice(2);
  if (!modulePath || !process.send) throw new Error('child-entry.ts runs only under measureInChild');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is named at run time
  const loaded = require(modulePath) as { main?: (args: string[]) => Promise<Figures> };
  if (typeof loaded.main !== 'function') throw new Error(`${modulePath} exports no main(args)`);
  const figures = await loaded.main(args);
  // maxRSS is in kilobytes.
  const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  send({ ok: true, figures, peakRssMb });
}

function send(message: ChildMessage): void {
  process.send?.(message, () => process.disconnect());
}

main().catch((error: unknown) => {
  send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
});
