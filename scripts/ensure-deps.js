// `npm start` and `npm test` must work on a fresh clone: install dependencies when they are missing
// or older than the lockfile, so nobody has to remember `npm ci` first.
// Staleness is decided by the lockfile's content (a hash stamped after each install), not by file times:
// a fresh checkout of the same lockfile (a git worktree, a re-clone) is newer than the install, and an
// `npm ci` there would replace a working node_modules for nothing.
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { execSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const STAMP = '.structure-sync-lock-sha256';
const lockHash = (lock) => createHash('sha256').update(readFileSync(lock)).digest('hex');

function stale(dir) {
  const marker = path.join(dir, 'node_modules', '.package-lock.json');
  const lock = path.join(dir, 'package-lock.json');
  if (!existsSync(marker)) return true;
  if (!existsSync(lock)) return false;
  const stamp = path.join(dir, 'node_modules', STAMP);
  if (existsSync(stamp)) return readFileSync(stamp, 'utf8').trim() !== lockHash(lock);
  // Installed before stamps: trust file times once, then stamp.
  if (statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000) return true;
  writeFileSync(stamp, lockHash(lock));
  return false;
}
for (const dir of [root, path.join(root, 'static', 'structure-ui')]) {
  if (!existsSync(path.join(dir, 'package.json'))) continue;
  if (stale(dir)) {
    console.log(`Installing dependencies in ${path.relative(root, dir) || '.'} …`);
    const lock = path.join(dir, 'package-lock.json');
    execSync(existsSync(lock) ? 'npm ci' : 'npm install', { cwd: dir, stdio: 'inherit' });
    if (existsSync(lock)) writeFileSync(path.join(dir, 'node_modules', STAMP), lockHash(lock));
  }
}
