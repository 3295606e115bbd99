// Child of the dataset-generate-* benchmarks: streams a generated dataset to a temporary file, the way
// `npm run dataset` does, and reports how long it took and how big the file is.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeGeneratedDataset } from '../../../local/dataset/generate';
import type { Figures } from '../benchmark';

export async function main([issuesArg = '1000', seed = '1']: string[]): Promise<Figures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-dataset-'));
  try {
    const started = performance.now();
    const { issues, bytes } = writeGeneratedDataset(
      { issues: Number(issuesArg), seed: Number(seed) },
      path.join(dir, 'dataset.json'),
    );
    const wallMs = Math.round(performance.now() - started);
    return { issues, wallMs, mb: Math.round((bytes / 1e6) * 10) / 10 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
