// `npm start` on a fresh clone must show the UI, so build it when the build is missing or older than
// its sources. Vite is fast enough that this costs seconds, and only when something changed.
import { execFileSync, type StdioOptions } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export function uiBuildDir(repoRoot: string): string {
  return path.join(repoRoot, 'static', 'structure-ui', 'build');
}

/**
 * Builds the Custom UI if needed; returns whether it built. `npm start` and `npm run bench` call it
 * (the bench with Vite's output on stderr, so its stdout stays JSON).
 */
export function ensureUiBuild(
  repoRoot: string,
  log: (m: string) => void = console.log,
  stdio: StdioOptions = 'inherit',
): boolean {
  const uiDir = path.join(repoRoot, 'static', 'structure-ui');
  const built = path.join(uiBuildDir(repoRoot), 'index.html');
  const sources = [
    path.join(uiDir, 'src'),
    path.join(uiDir, 'index.html'),
    path.join(uiDir, 'vite.config.mts'),
    path.join(repoRoot, 'src', 'contract'),
  ];
  const sourceTime = Math.max(...sources.map(newestMtime));
  if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) return false;
  log('Building the Custom UI (static/structure-ui) …');
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      path.join(uiDir, 'vite.config.mts'),
      '--logLevel',
      'warn',
    ],
    {
      cwd: repoRoot,
      stdio,
    },
  );
  return true;
}
