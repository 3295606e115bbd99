import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkManifest } from '../../scripts/validate-manifest';

const root = path.resolve(__dirname, '../..');
const manifest = readFileSync(path.join(root, 'manifest.yml'), 'utf8');

/** A throwaway copy of the app with its manifest edited, so the check runs on what Forge would see. */
function givenAppWithManifest(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
  cpSync(path.join(root, 'src'), path.join(dir, 'src'), { recursive: true });
  mkdirSync(path.join(dir, 'static/structure-ui/build'), { recursive: true });
  writeFileSync(path.join(dir, 'static/structure-ui/build/index.html'), '<!doctype html>');
  writeFileSync(path.join(dir, 'manifest.yml'), text);
  return dir;
}

const errorsOf = async (text: string) => {
  const dir = givenAppWithManifest(text);
  try {
    return (await checkManifest(dir)).filter((p) => p.level === 'error').map((p) => p.message);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('manifest check', () => {
  it('accepts the project manifest', async () => {
    expect(await errorsOf(manifest)).toEqual([]);
  });

  it.each([
    [
      'a consumer timeout over 900 s',
      manifest.replace('timeoutSeconds: 900', 'timeoutSeconds: 1900'),
      /timeoutSeconds/,
    ],
    ['a removed runtime', manifest.replace('nodejs22.x', 'nodejs12.x'), /runtime|name/i],
    [
      'a handler file that does not exist',
      manifest.replace('handler: index.worker', 'handler: missing.worker'),
      /missing/,
    ],
    [
      'an unknown scope',
      manifest.replace('storage:app: {}', 'storage:app: {}\n    read:bogus:jira: {}'),
      /Invalid 'scopes'/,
    ],
    [
      'the consumer function shared with a UI module',
      manifest.replace(/(jira:globalPage:[\s\S]*?function:) ui-resolver/, '$1 job-worker'),
      /must not be shared/,
    ],
  ])('rejects %s', async (_, text, expected) => {
    const errors = await errorsOf(text);
    expect(errors.join('\n')).toMatch(expected);
  });
});
