// The production AppServices: a thin, typed layer over @forge/bridge. Imported lazily by main.tsx
// only after it has checked that a host bridge exists, because @forge/bridge throws at import time
// when it finds none.
import { invoke as bridgeInvoke, requestJira, router, view } from '@forge/bridge';
import type { AppErrorDto, ResolverAnswer, TypedInvoke } from '../../../../src/contract';
import { oversizedPayload } from './payloadLimit';
import { adaptHistory, createMemoryHistory, type AppHistory } from '../routing/history';
import type { AppServices, HostContext } from './services';

/**
 * Every resolver answers the `{ok, data} | {ok: false, error}` envelope. A rejected bridge call
 * (network, platform error, resolver crash) is folded into the same envelope so callers handle
 * one shape.
 */
export const typedInvoke: TypedInvoke = async (key, payload) => {
  // Refused here, before the host refuses it with a platform error the user could not act on.
  const tooLarge = oversizedPayload(payload);
  if (tooLarge) return { ok: false, error: tooLarge };
  try {
    const answer = (await bridgeInvoke(key, payload as Record<string, unknown>)) as ResolverAnswer<never> | undefined;
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
    return { ok: false, error: internal(`The app answered ${key} in an unexpected shape.`) };
  } catch (e) {
    return { ok: false, error: internal(e instanceof Error ? e.message : String(e)) };
  }
};

function internal(message: string): AppErrorDto {
  return { code: 'INTERNAL', message };
}

async function getContext(): Promise<HostContext> {
  const ctx = await view.getContext();
  const colorMode = ctx.theme?.colorMode;
  return {
    accountId: ctx.accountId,
    moduleKey: ctx.moduleKey,
    siteUrl: ctx.siteUrl,
    locale: ctx.locale,
    timezone: ctx.timezone,
    colorMode: colorMode === 'dark' ? 'dark' : colorMode === 'light' ? 'light' : undefined,
  };
}

async function createHistory(): Promise<AppHistory> {
  try {
    return adaptHistory(await view.createHistory());
  } catch {
    // Some hosts (and older Jira surfaces) do not offer history; routing still works in memory.
    return createMemoryHistory('/');
  }
}

export const bridgeServices: AppServices = {
  invoke: typedInvoke,
  requestJira: (path, init) => requestJira(path, init),
  getContext,
  createHistory,
  changeWindowTitle: (title) => view.changeWindowTitle(title),
  openHostUrl: (url) => router.navigate(url),
};

/** Ask the host to theme the iframe (sets data-color-mode and the token variables). */
export async function enableTheme(): Promise<void> {
  await view.theme.enable();
}
