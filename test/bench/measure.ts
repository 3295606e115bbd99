// Peak memory of one piece of work, measured in a fresh process: in the runner's own process, peak RSS
// would include every benchmark that ran before and the runner itself.

import { fork } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Figures } from './benchmark';

/** The message child-entry.ts sends back. */
export type ChildMessage = { ok: true; figures: Figures; peakRssMb: number } | { ok: false; error: string };

/**
 * Runs `main(args)` of the TypeScript module at `modulePath` in a child process and returns its figures
 * plus `peakRssMb`, the child's peak resident set size (process.resourceUsage().maxRSS). The module
 * exports `main(args: string[]): Promise<Figures>`. Its stdout is passed to stderr.
 */
export function measureInChild(
  modulePath: string,
  args: readonly string[] = [],
): Promise<Figures & { peakRssMb: number }> {
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const child = fork(path.join(__dirname, 'child-entry.ts'), [path.resolve(modulePath), ...args], {
    execArgv: ['--import', tsx],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  child.stdout?.pipe(process.stderr);
  return new Promise((resolve, reject) => {
    let answer: ChildMessage | undefined;
    child.on('message', (message: ChildMessage) => {
      answer = message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (answer?.ok) resolve({ ...answer.figures, peakRssMb: answer.peakRssMb });
      else if (answer) reject(new Error(answer.error));
      else reject(new Error(`${path.basename(modulePath)} exited (${signal ?? `code ${code}`}) without a result`));
    });
  });
}
