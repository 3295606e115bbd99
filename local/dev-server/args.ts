// Command-line options of `npm start`. Unknown options are an error with the usage text, not a surprise.
import path from 'node:path';

export interface DevServerArgs {
  port: number;
  host: string;
  dataset?: string;
  dataDir: string;
  /** Fresh KVS and queue in memory instead of the data dir (demos, tests). */
  memory: boolean;
  faults: { rate429?: number; rate5xx?: number; latencyMs?: number };
  /** The app's hourly Tier 1 pool, enforced; 'off' counts and announces it without refusing. */
  pointsPool: number | 'off';
  /** Emulated seconds per real second for the Jira emulator's clock. */
  clockSpeed: number;
  help: boolean;
}

export const USAGE = `Usage: npm start -- [options]

  --port P          port to listen on (default 4700; 0 picks a free one)
  --host H          interface to bind (default 127.0.0.1)
  --dataset FILE    seed the Jira emulator from FILE (default: the demo dataset)
  --data-dir DIR    where the local KVS and the queue's undelivered events (SQLite) are kept
                    (default .data/ in the repo); a restart delivers what the queue still owed
  --memory          keep the KVS and the queue in memory: every start is a clean install
  --fault-429 R     answer a fraction R (0..1) of Jira calls with 429 Too Many Requests
  --fault-5xx R     answer a fraction R (0..1) of Jira calls with 503
  --latency MS      add MS milliseconds to every Jira call
  --points-pool N   the app's hourly points pool (default 65000, Jira's Tier 1); when it is used up
                    every call is refused until the top of the hour; "off" counts without refusing
  --clock-speed X   run the emulator's clock X times faster (default 1): with 60 an hour's reset
                    comes in a minute (Retry-After is given in real seconds)
  --help            this text`;

export function parseArgs(argv: readonly string[], repoRoot: string): DevServerArgs {
  const args: DevServerArgs = {
    port: 4700,
    host: '127.0.0.1',
    dataDir: path.join(repoRoot, '.data'),
    memory: false,
    faults: {},
    pointsPool: 65_000,
    clockSpeed: 1,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`Option ${flag} needs a value.\n\n${USAGE}`);
      return v;
    };
    const number = (min: number, max: number): number => {
      const raw = value();
      const n = Number(raw);
      if (!Number.isFinite(n) || n < min || n > max)
        throw new Error(`Option ${flag} must be a number from ${min} to ${max}, got "${raw}".`);
      return n;
    };
    switch (flag) {
      case '--port':
        args.port = number(0, 65535);
        break;
      case '--host':
        args.host = value();
        break;
      case '--dataset':
        args.dataset = path.resolve(value());
        break;
      case '--data-dir':
        args.dataDir = path.resolve(value());
        break;
      case '--memory':
        args.memory = true;
        break;
      case '--fault-429':
        args.faults.rate429 = number(0, 1);
        break;
      case '--fault-5xx':
        args.faults.rate5xx = number(0, 1);
        break;
      case '--latency':
        args.faults.latencyMs = number(0, 60000);
        break;
      case '--points-pool': {
        if (argv[i + 1] === 'off') {
          i++;
          args.pointsPool = 'off';
        } else args.pointsPool = number(1, 10_000_000);
        break;
      }
      case '--clock-speed':
        args.clockSpeed = number(0.001, 10_000);
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`Unknown option "${flag}".\n\n${USAGE}`);
    }
  }
  return args;
}
