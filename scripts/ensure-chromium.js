// `npm test` and `npm run bench` drive Debian's Chromium (playwright-core, never a downloaded browser).
// On a fresh machine it is missing, so install it with apt-get when we can (root, apt-get on PATH);
// when we cannot, stop with exactly one line that says what to run, before any test starts.
//
//   node scripts/ensure-chromium.js     exit 0 when Chromium is there (or was just installed), 1 if not
//
// CHROMIUM_PATH (as in test/e2e/support/browser.ts) names a Chromium elsewhere: it is checked, never
// installed. Test hooks: ENSURE_CHROMIUM_AS_USER=1 behaves as if not root; ENSURE_CHROMIUM_DEBIAN_PATH
// replaces /usr/bin/chromium as the place Debian's package puts it.
const { accessSync, constants } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const DEBIAN_CHROMIUM = process.env.ENSURE_CHROMIUM_DEBIAN_PATH || '/usr/bin/chromium';

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** apt-get on PATH, or undefined. */
function findAptGet() {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, 'apt-get'))) return path.join(dir, 'apt-get');
  }
  return undefined;
}

function isRoot() {
  if (process.env.ENSURE_CHROMIUM_AS_USER === '1') return false;
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The command to run again afterwards: the npm script that called us, `npm test` by default. */
function againCommand() {
  const script = process.env.npm_lifecycle_event;
  if (!script || script === 'test') return 'npm test';
  if (script === 'start') return 'npm start';
  return `npm run ${script}`;
}

function fail(line) {
  console.error(line);
  return 1;
}

function apt(aptGet, args) {
  const result = spawnSync(aptGet, ['-qq', '-o', 'DPkg::Lock::Timeout=600', ...args], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0) return true;
  // Only on failure: apt's own words are what anyone needs to fix it.
  process.stderr.write(
    `${result.stdout || ''}${result.stderr || ''}${result.error ? `${result.error.message}\n` : ''}`,
  );
  return false;
}

/** Returns the exit code: 0 when Chromium is ready. */
function ensureChromium() {
  const custom = process.env.CHROMIUM_PATH;
  if (custom) {
    if (executable(custom)) return 0;
    return fail(
      `Chromium is not at ${custom} (CHROMIUM_PATH): point CHROMIUM_PATH at a Chromium or unset it, then ${againCommand()} again.`,
    );
  }
  if (executable(DEBIAN_CHROMIUM)) return 0;

  const aptGet = findAptGet();
  if (!aptGet) {
    return fail(
      `Chromium is missing and there is no apt-get: install Chromium and set CHROMIUM_PATH to it, then ${againCommand()} again.`,
    );
  }
  if (!isRoot()) {
    return fail(
      `Chromium is missing: run "sudo apt-get install -y chromium" (Debian/Ubuntu), then ${againCommand()} again.`,
    );
  }

  console.log(`Chromium is missing: installing Debian's chromium (apt-get install -y chromium) …`);
  if (!apt(aptGet, ['update']) || !apt(aptGet, ['install', '-y', 'chromium'])) {
    return fail(
      `Installing chromium with apt-get failed (above); run "apt-get install -y chromium", then ${againCommand()} again.`,
    );
  }
  if (!executable(DEBIAN_CHROMIUM)) {
    return fail(`apt-get installed chromium but ${DEBIAN_CHROMIUM} is still missing; set CHROMIUM_PATH to it.`);
  }
  console.log(`Installed ${DEBIAN_CHROMIUM}.`);
  return 0;
}

module.exports = { ensureChromium };

if (require.main === module) process.exitCode = ensureChromium();
