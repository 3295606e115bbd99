// Ids-only search pages over a generated 100k-issue dataset, over HTTP (issue 2: under 150 ms a page).
// The query is what an import of every project runs: the whole dataset in rank order.
import { generateDataset } from '../../local/dataset/generate';
import { createJiraEmulator } from '../../local/emulator';

export const name = 'search-100k';

export async function run(): Promise<Record<string, number>> {
  const dataset = generateDataset({ issues: 100_000, seed: 1 });
  const admin = dataset.users.find((u) => u.siteAdmin)!;
  const jira = createJiraEmulator({ dataset });
  const { url } = await jira.listen(0);
  try {
    const jql = `project in (${dataset.projects.map((p) => p.key).join(', ')}) ORDER BY Rank ASC`;
    const pageMs: number[] = [];
    let token: string | undefined;
    let issues = 0;
    const started = performance.now();
    do {
      const t0 = performance.now();
      const res = await fetch(`${url}/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Forge-Account-Id': admin.accountId },
        body: JSON.stringify({ jql, fields: ['id'], maxResults: 5000, nextPageToken: token }),
      });
      const body = (await res.json()) as { issues: { id: string }[]; nextPageToken?: string };
      if (res.status !== 200) throw new Error(`search answered ${res.status}: ${JSON.stringify(body)}`);
      pageMs.push(performance.now() - t0);
      issues += body.issues.length;
      token = body.nextPageToken;
    } while (token);
    const wallMs = performance.now() - started;
    const ledger = jira.ledger.get(admin.accountId);
    return {
      issues,
      pages: pageMs.length,
      msPerPage: Math.round((wallMs / pageMs.length) * 10) / 10,
      firstPageMs: Math.round(pageMs[0]!),
      maxPageMs: Math.round(Math.max(...pageMs)),
      wallMs: Math.round(wallMs),
      jiraCalls: ledger.calls,
      jiraPoints: ledger.points,
    };
  } finally {
    await jira.close();
  }
}
