// scripts/ensure-chromium.js, run as `npm test` runs it, but against fake paths and a fake apt-get so
// the machine's own Chromium and packages are never touched.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const script = path.resolve(__dirname, '../../scripts/ensure-chromium.js');
let dir: string;
let missing: string;
let bin: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ensure-chromium-'));
  missing = path.join(dir, 'no-such-dir', 'chromium');
  bin = path.join(dir, 'bin');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A fake apt-get on PATH: logs its arguments; `install` puts an executable at `installs` when given. */
function fakeAptGet(installs?: string): string {
  const log = path.join(dir, 'apt-get.log');
  mkdirSync(bin, { recursive: true });
  const file = path.join(bin, 'apt-get');
  const install = installs
    ? `case "$*" in *install*) mkdir -p "${path.dirname(installs)}"; printf '#!/bin/sh\\n' > "${installs}"; chmod +x "${installs}";; esac\n`
    : '';
  writeFileSync(file, `#!/bin/sh\nPATH=/usr/bin:/bin\necho "$*" >> "${log}"\n${install}exit 0\n`);
  chmodSync(file, 0o755);
  return log;
}

function run(env: Record<string, string>) {
  const { CHROMIUM_PATH: _ignored, ...rest } = process.env;
  const result = spawnSync(process.execPath, [script], {
    env: { ...rest, PATH: bin, npm_lifecycle_event: 'test', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/ensure-chromium.js', () => {
  it('without root stops with one line that says what to run, and never calls apt-get', () => {
    const log = fakeAptGet();
    const result = run({ ENSURE_CHROMIUM_AS_USER: '1', ENSURE_CHROMIUM_DEBIAN_PATH: missing });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'Chromium is missing: run "sudo apt-get install -y chromium" (Debian/Ubuntu), then npm test again.\n',
    );
    expect(existsSync(log)).toBe(false);
  });

  it('names the npm script to run again', () => {
    fakeAptGet();
    const result = run({
      ENSURE_CHROMIUM_AS_USER: '1',
      ENSURE_CHROMIUM_DEBIAN_PATH: missing,
      npm_lifecycle_event: 'bench',
    });
    expect(result.stderr).toMatch(/then npm run bench again\.\n$/);
  });

  it('without apt-get stops with one line', () => {
    const result = run({ ENSURE_CHROMIUM_AS_USER: '1', ENSURE_CHROMIUM_DEBIAN_PATH: missing });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toBe(
      'Chromium is missing and there is no apt-get: install Chromium and set CHROMIUM_PATH to it, then npm test again.\n',
    );
  });

  it('says nothing when Chromium is there', () => {
    const result = run({ ENSURE_CHROMIUM_AS_USER: '1', ENSURE_CHROMIUM_DEBIAN_PATH: process.execPath });
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('checks CHROMIUM_PATH and does not install for it', () => {
    const log = fakeAptGet();
    const result = run({ CHROMIUM_PATH: missing, ENSURE_CHROMIUM_DEBIAN_PATH: missing });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `Chromium is not at ${missing} (CHROMIUM_PATH): point CHROMIUM_PATH at a Chromium or unset it, then npm test again.\n`,
    );
    expect(existsSync(log)).toBe(false);
    expect(run({ CHROMIUM_PATH: process.execPath }).status).toBe(0);
  });

  (process.getuid?.() === 0 ? it : it.skip)('as root runs apt-get update, then install -y chromium', () => {
    const log = fakeAptGet(missing);
    const result = run({ ENSURE_CHROMIUM_DEBIAN_PATH: missing });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(
      '-qq -o DPkg::Lock::Timeout=600 update\n-qq -o DPkg::Lock::Timeout=600 install -y chromium\n',
    );
    expect(result.stdout).toContain(`Installed ${missing}.`);
  });
});
