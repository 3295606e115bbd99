// Child of the dataset-load benchmark: writes a generated dataset (untimed), then times loadDataset,
// which is what the emulator does at start-up: parse, schema check, referential integrity.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeGeneratedDataset } from '../../../local/dataset/generate';
import { loadDataset } from '../../../local/dataset/load';
import type { Figures } from '../benchmark';

export async function main([issuesArg = '1000', seed = '1']: string[]): Promise<Figures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-dataset-'));
  try {
    const file = path.join(dir, 'dataset.json');
    const { bytes } = writeGeneratedDataset({ issues: Number(issuesArg), seed: Number(seed) }, file);
    const started = performance.now();
    const dataset = loadDataset(file);
    const wallMs = Math.round(performance.now() - started);
    return { issues: dataset.issues.length, wallMs, mb: Math.round((bytes / 1e6) * 10) / 10 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
