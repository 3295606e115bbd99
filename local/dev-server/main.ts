// `npm start`: the whole app on one machine — Jira emulator, local Forge runtime, Custom UI and a host page.
import path from 'node:path';
import { parseArgs, USAGE } from './args';
import { startDevServer } from './server';
import { ensureUiBuild } from './ui-build';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const args = parseArgs(process.argv.slice(2), repoRoot);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  ensureUiBuild(repoRoot);
  const server = await startDevServer({
    repoRoot,
    port: args.port,
    host: args.host,
    dataset: args.dataset,
    kvsFile: args.memory ? undefined : path.join(args.dataDir, 'kvs.sqlite'),
    queueFile: args.memory ? undefined : path.join(args.dataDir, 'queue.sqlite'),
    faults: args.faults,
    pointsPool: args.pointsPool,
    clockSpeed: args.clockSpeed,
  });
  const users = server.dataset.users
    .map((u) => `    ${u.displayName.padEnd(20)} ${u.accountId}${u.siteAdmin ? '  (Jira admin)' : ''}`)
    .join('\n');
  console.log(`
Structure Sync is running on ${server.url}

  ${server.url}/                 Jira host page with the app (switch "Acting as" at the top)
  ${server.url}/rest/api/3/...   Jira Cloud emulator (${server.dataset.issues.length} issues from ${args.dataset ? path.relative(process.cwd(), args.dataset) : 'the demo dataset'})
  POST ${server.url}/__local/invoke   { "key", "payload", "accountId" } calls a resolver
  KVS: ${args.memory ? 'in memory' : path.join(args.dataDir, 'kvs.sqlite')}
  Points: ${args.pointsPool === 'off' ? "the app's pool is counted, not enforced" : `the app's pool is ${args.pointsPool} an hour`}${args.clockSpeed !== 1 ? `, Jira's clock at ${args.clockSpeed}×` : ''}
  Queue: ${args.memory ? 'in memory' : `${path.join(args.dataDir, 'queue.sqlite')} (undelivered events survive a restart)`}

  Users:
${users}

Press Ctrl+C to stop.`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
