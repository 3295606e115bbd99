// Everything the app needs from its host, behind one interface. Production passes the
// @forge/bridge implementation; component tests pass fakes. Nothing in pages or components
// imports @forge/bridge directly, because the bridge throws at import time outside a host.
import type { TypedInvoke } from '../../../../src/contract';
import type { AppHistory } from '../routing/history';

/** The parts of the Forge context the UI reads. */
export interface HostContext {
  accountId?: string;
  moduleKey: string;
  siteUrl?: string;
  locale?: string;
  timezone?: string;
  colorMode?: 'light' | 'dark';
}

export interface AppServices {
  invoke: TypedInvoke;
  /** `@forge/bridge` requestJira: runs as the viewing user. */
  requestJira: (path: string, init?: RequestInit) => Promise<Response>;
  getContext: () => Promise<HostContext>;
  createHistory: () => Promise<AppHistory>;
  changeWindowTitle: (title: string) => Promise<void>;
  /** Navigate the host (Jira) itself, e.g. to an issue. */
  openHostUrl: (url: string) => Promise<void>;
}

export const MODULE_GLOBAL = 'structure-global';
export const MODULE_ADMIN = 'structure-admin';
