// The structure view in headless Chromium: first screen after receiving a 100k-row forest (issue 6:
// under 2 s). The measurement lives with the browser tests; this runs it as a child and passes its figures on.
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Need } from './benchmark';

export const name = 'ui-structure-view-first-screen';
/** The runner builds the UI (static/structure-ui/build) and installs Chromium first. */
export const needs: Need[] = ['ui-build', 'chromium'];

export function run(): Promise<Record<string, number | string>> {
  const root = path.resolve(__dirname, '../..');
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [tsx, path.join(root, 'test/e2e/bench-structure-view.ts'), '--rows', '100000', '--runs', '3'],
      { cwd: root, timeout: 300_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        const line = stdout.split('\n').find((l) => l.startsWith('{'));
        if (!line) return reject(new Error(`no result line in: ${stdout}`));
        const { name: _name, ...figures } = JSON.parse(line) as Record<string, number | string>;
        resolve(figures);
      },
    );
  });
}
