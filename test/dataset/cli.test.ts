import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../local/dataset/generate-cli';
import { generateDataset } from '../../local/dataset/generate';
import { loadDataset } from '../../local/dataset/load';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dataset-cli-'));

describe('npm run dataset', () => {
  beforeEach(() => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes a dataset file that loads and matches the generator', () => {
    // given
    const out = path.join(tmp, 'cli.json');
    // when
    const code = main(['--issues', '1200', '--seed', '9', '--out', out]);
    // then
    expect(code).toBe(0);
    expect(loadDataset(out)).toEqual(generateDataset({ issues: 1200, seed: 9 }));
    expect(
      readFileSync(out, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('    {"id"') && l.includes('"key":')),
    ).toHaveLength(1200);
  });

  it.each([
    ['no --out', ['--issues', '1000']],
    ['no --issues', ['--out', path.join(tmp, 'x.json')]],
    ['a size out of range', ['--issues', '5', '--out', path.join(tmp, 'y.json')]],
    ['an unknown option', ['--issues', '1000', '--out', path.join(tmp, 'z.json'), '--pretty']],
  ])('refuses %s with exit code 2', (_, args) => {
    expect(main(args)).toBe(2);
  });
});
