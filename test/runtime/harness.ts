// Starts the local runtime on the fixture app for a test file, with a fake Jira next to it.
import path from 'node:path';
import { LocalForge, LocalForgeOptions, startLocalForge } from '../../local/runtime';
import { FakeJira, startFakeJira } from './fake-jira';

export const FIXTURE_APP = path.join(__dirname, 'fixture-app');

export interface Harness {
  rt: LocalForge;
  jira: FakeJira;
  logs: string[];
}

export async function startHarness(options: Partial<LocalForgeOptions> = {}): Promise<Harness> {
  const jira = await startFakeJira();
  const logs: string[] = [];
  const rt = await startLocalForge({
    appDir: FIXTURE_APP,
    jiraBaseUrl: jira.baseUrl,
    timeScale: 0.001,
    log: (m) => logs.push(m),
    ...options,
  });
  return { rt, jira, logs };
}

export async function stopHarness(h: Harness | undefined): Promise<void> {
  if (!h) return;
  await h.rt.close();
  await h.jira.close();
}
