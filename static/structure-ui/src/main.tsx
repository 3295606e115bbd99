import '@atlaskit/css-reset';
import { createRoot } from 'react-dom/client';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { App } from './App';
import { BootScreen } from './components/BootScreen';

const root = createRoot(document.getElementById('root')!);

async function boot(): Promise<void> {
  root.render(<BootScreen />);
  // @forge/bridge throws at import time without a host bridge; check first so a page opened
  // outside Jira (or the local host page) explains itself instead of staying blank.
  if (!(globalThis as { __bridge?: { callBridge?: unknown } }).__bridge?.callBridge) {
    root.render(
      <BootScreen failure="This page runs inside Jira. Open it from the Structure page in Jira, or locally from the dev server's host page (npm start, then the address it prints)." />,
    );
    return;
  }
  try {
    const { bridgeServices, enableTheme } = await import('./api/bridgeServices');
    const [context, history] = await Promise.all([bridgeServices.getContext(), bridgeServices.createHistory()]);
    // Theming is cosmetic: a host that refuses it still gets a working app in the light theme.
    await enableTheme().catch(() => undefined);
    await setGlobalTheme({ colorMode: context.colorMode ?? 'light' }).catch(() => undefined);
    root.render(<App services={bridgeServices} context={context} history={history} />);
  } catch (e) {
    root.render(
      <BootScreen
        failure={`The app could not start: ${e instanceof Error ? e.message : String(e)}. Reload the page; if it keeps happening, tell your Jira admin.`}
      />,
    );
  }
}

void boot();
