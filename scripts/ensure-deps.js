// `npm start` and `npm test` must work on a fresh clone: install dependencies when they are missing
// or older than the lockfile, so nobody has to remember `npm ci` first.
const { existsSync, statSync } = require('node:fs');
const { execSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
function stale(dir) {
  const marker = path.join(dir, 'node_modules', '.package-lock.json');
  const lock = path.join(dir, 'package-lock.json');
  if (!existsSync(marker)) return true;
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
}
for (const dir of [root, path.join(root, 'static', 'structure-ui')]) {
  if (!existsSync(path.join(dir, 'package.json'))) continue;
  if (stale(dir)) {
    console.log(`Installing dependencies in ${path.relative(root, dir) || '.'} …`);
    execSync(existsSync(path.join(dir, 'package-lock.json')) ? 'npm ci' : 'npm install', {
      cwd: dir,
      stdio: 'inherit',
    });
  }
}
