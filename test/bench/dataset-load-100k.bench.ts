// Loading (parse + schema + integrity) a 100k-issue dataset, as the emulator does when it starts on
// one; peak RSS is the whole child, including the parsed dataset.

import path from 'node:path';
import { measureInChild } from './measure';

export const name = 'dataset-load-100k';

export function run(): ReturnType<typeof measureInChild> {
  return measureInChild(path.join(__dirname, 'children', 'dataset-load.ts'), ['100000', '1']);
}
