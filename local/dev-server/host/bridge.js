/* global window -- runs in the app iframe (browser), not in Node */
// Loaded into the app's iframe (the dev server injects <script src="/__local/bridge.js"> at the top
// of /app/index.html), before the app's own script. @forge/bridge looks for
// globalThis.__bridge.callBridge in its own window; in Jira the product defines it and talks to the
// host page with postMessage. Here the host page is same-origin, so we simply forward every call
// to it, together with this window so the host can theme and reload the frame.
(function () {
  'use strict';
  var host;
  try {
    host = window.parent !== window ? window.parent.__forgeHost : undefined;
  } catch {
    host = undefined; // cross-origin parent: not our host page
  }
  if (!host) return; // opened on its own: the app explains that it needs a host
  window.__bridge = {
    callBridge: function (name, payload) {
      return host.callBridge(name, payload, window);
    },
  };
})();
