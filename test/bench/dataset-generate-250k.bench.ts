// Generating a 250k-issue dataset (issue 2: 250k must take under 60 s), with peak RSS of a separate
// process to show that the generator streams instead of holding the dataset.

import path from 'node:path';
import { measureInChild } from './measure';

export const name = 'dataset-generate-250k';

export function run(): ReturnType<typeof measureInChild> {
  return measureInChild(path.join(__dirname, 'children', 'dataset-generate.ts'), ['250000', '1']);
}
