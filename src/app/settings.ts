// App settings: synchronizers are a dark feature, off until a Jira admin turns them on.
import type { AppSettings } from '../contract';
import { SettingsRepository } from '../storage';
import { isJiraAdmin } from './access';
import { AppError } from './errors';
import type { Invocation } from './invocation';

export const settingsOf = (inv: Invocation): SettingsRepository => new SettingsRepository(inv.kvsWrites);

export async function getSettings(inv: Invocation): Promise<AppSettings> {
  const [settings, admin] = await Promise.all([settingsOf(inv).get(), isJiraAdmin(inv)]);
  return { synchronizersEnabled: settings.synchronizersEnabled, canChange: admin };
}

export async function setSettings(inv: Invocation, input: { synchronizersEnabled: boolean }): Promise<AppSettings> {
  if (!(await isJiraAdmin(inv)))
    throw new AppError('NOT_JIRA_ADMIN', 'Only Jira administrators can change the app settings.');
  await settingsOf(inv).put({ synchronizersEnabled: input.synchronizersEnabled });
  return { synchronizersEnabled: input.synchronizersEnabled, canChange: true };
}

export async function requireSynchronizersEnabled(inv: Invocation): Promise<void> {
  if (!(await settingsOf(inv).get()).synchronizersEnabled) {
    throw new AppError(
      'SYNCHRONIZERS_DISABLED',
      'Synchronizers are turned off for this site. A Jira administrator can turn them on in the app settings.',
    );
  }
}
