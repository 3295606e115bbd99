// `npm run dataset -- --issues N --seed S --out FILE`: writes a generated dataset for the emulator
// (`npm start -- --dataset FILE`) or for benchmarks.

import { parseArgs } from 'node:util';
import { writeGeneratedDataset } from './generate';

const USAGE = 'Usage: npm run dataset -- --issues N [--seed S] --out FILE';

export function main(argv: string[]): number {
  let values: { issues?: string; seed?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        issues: { type: 'string' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const issues = Number(values.issues);
  if (!values.issues || !Number.isInteger(issues) || !values.out) {
    console.error(USAGE);
    return 2;
  }
  const seed = values.seed ?? '1';
  const started = performance.now();
  try {
    const { bytes } = writeGeneratedDataset({ issues, seed: /^\d+$/.test(seed) ? Number(seed) : seed }, values.out);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Wrote ${issues} issues (seed ${seed}) to ${values.out}: ${(bytes / 1e6).toFixed(1)} MB in ${seconds} s`,
    );
    return 0;
  } catch (error) {
    if (error instanceof RangeError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
