// Filter import of a generated 100k-issue dataset into an empty structure (issue 3's acceptance figures):
// at most 25 Jira calls and 100,025 points, under 30 s, worker peak RSS under 512 MB, and a repeated
// import with nothing changed writes nothing to the forest (forestWrites 0).
import path from 'node:path';
import { generateDataset } from '../../local/dataset/generate';
import { createJiraEmulator } from '../../local/emulator';
import { measureInChild } from './measure';

export const name = 'import-filter-100k';

export async function run(): Promise<Record<string, number | string>> {
  const dataset = generateDataset({ issues: 100_000, seed: 1 });
  const admin = dataset.users.find((u) => u.siteAdmin);
  if (!admin) throw new Error('The generated dataset has no site admin');
  const jira = createJiraEmulator({ dataset });
  const { url } = await jira.listen(0);
  try {
    const jql = `project in (${dataset.projects.map((p) => p.key).join(', ')}) ORDER BY Rank ASC`;
    return await measureInChild(path.join(__dirname, 'import-filter-child.ts'), [url, admin.accountId, jql]);
  } finally {
    await jira.close();
  }
}
