// `npm run lint:layers`: the layer rules of .dependency-cruiser.cjs over the backend and the Custom UI.
//
//   node scripts/lint-layers.mjs [--json] [path ...]      paths default to src and static/structure-ui/src
//
// Prints one line when the rules pass, else each violation; exits 1 when any rule of severity error
// fails. `--json` prints `{ summary, violations }` instead (test/unit/layers.test.ts reads it).
//
// Why not `depcruise` itself: dependency-cruiser's command line refuses to start on Node 20 (its engines
// say ^22 || ^24 || >=26), which this project supports (package.json: node >=20.18), while its API runs
// there unchanged. So this script does what the command line does: it reads the config with the package's
// own reader, parses tsconfig.json for TypeScript resolution, cruises, and formats with the `err` reporter.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, format } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const CONFIG = './.dependency-cruiser.cjs';
const DEFAULT_PATHS = ['src', 'static/structure-ui/src'];

async function main(args) {
  // Paths in the rules are relative to the project root, whatever directory this is started from.
  process.chdir(dirname(dirname(fileURLToPath(import.meta.url))));
  const json = args.includes('--json');
  const paths = args.filter((a) => a !== '--json');

  const options = await extractDepcruiseOptions(CONFIG);
  const tsConfigFile = options.ruleSet?.options?.tsConfig?.fileName;
  const tsConfig = tsConfigFile ? extractTSConfig(tsConfigFile) : undefined;
  const { output } = await cruise(paths.length > 0 ? paths : DEFAULT_PATHS, options, {}, { tsConfig });
  const { summary } = output;

  if (json) {
    const violations = summary.violations.map((v) => ({
      rule: v.rule.name,
      severity: v.rule.severity,
      from: v.from,
      to: v.to,
      ...(v.cycle ? { cycle: v.cycle.map((c) => c.name) } : {}),
    }));
    const counts = { error: summary.error, warn: summary.warn, totalCruised: summary.totalCruised };
    process.stdout.write(`${JSON.stringify({ summary: counts, violations })}\n`);
  } else {
    process.stdout.write((await format(output, { outputType: 'err' })).output);
  }
  return summary.error > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
