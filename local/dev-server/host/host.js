/* global window, document, location, history -- runs in the browser, not in Node */
// The local stand-in for Jira around the Custom UI iframe: an "Acting as" user switch, a module
// switch (global page / admin page), and window.__forgeHost.callBridge, which the app's iframe
// reaches through /__local/bridge.js. Plain browser JavaScript, served as-is (no build step).
//
// Host URL:  /?as=<accountId>&module=global|admin&theme=light|dark#<app path>
// The app's own routes (view.createHistory) live in the hash, so a reload or a shared link opens
// the same page of the app as the same user.
(function () {
  'use strict';

  var MODULES = {
    global: { moduleKey: 'structure-global', type: 'jira:globalPage', title: 'Structure' },
    admin: { moduleKey: 'structure-admin', type: 'jira:adminPage', title: 'Structure Sync' },
  };

  var frame = document.getElementById('app-frame');
  var actingAs = document.getElementById('acting-as');
  var themeSelect = document.getElementById('theme');
  var message = document.getElementById('host-message');
  var flags = document.getElementById('flags');

  var users = [];
  var site = { cloudId: 'local-cloud', name: 'Local Jira', url: location.origin };
  var params = new URLSearchParams(location.search);
  var state = {
    accountId: params.get('as') || localStorage.getItem('structure-sync.as') || '',
    module: MODULES[params.get('module')] ? params.get('module') : 'global',
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
  };

  // ---- host URL and app history -------------------------------------------------------------

  function appPathFromHash() {
    var raw = location.hash.replace(/^#/, '');
    return raw.charAt(0) === '/' ? raw : '/' + raw;
  }

  function hostUrl(appPath) {
    var q = new URLSearchParams();
    if (state.accountId) q.set('as', state.accountId);
    q.set('module', state.module);
    if (state.theme !== 'light') q.set('theme', state.theme);
    return location.pathname + '?' + q.toString() + '#' + (appPath || '/');
  }

  function toPath(to) {
    if (typeof to === 'string') return to;
    return (to.pathname || '/') + (to.search || '') + (to.hash || '');
  }

  function parseLocation(path, appState) {
    var hashAt = path.indexOf('#');
    var hash = hashAt >= 0 ? path.slice(hashAt) : '';
    var rest = hashAt >= 0 ? path.slice(0, hashAt) : path;
    var q = rest.indexOf('?');
    return {
      pathname: (q >= 0 ? rest.slice(0, q) : rest) || '/',
      search: q >= 0 ? rest.slice(q) : '',
      hash: hash,
      state: appState,
      key: Math.random().toString(36).slice(2, 8),
    };
  }

  // Histories handed to the current frame; dropped when the frame reloads.
  var histories = [];

  function notifyHistories(action) {
    var location_ = parseLocation(appPathFromHash(), (history.state && history.state.appState) || undefined);
    histories.forEach(function (h) {
      h.location = location_;
      h.action = action;
      h.length = window.history.length;
      h._listeners.forEach(function (listener) {
        try {
          listener(location_, action); // history v4 signature, which @forge/bridge expects
        } catch (e) {
          console.error('app history listener failed', e);
        }
      });
    });
  }

  function createHistory() {
    var h = {
      _listeners: [],
      action: 'POP',
      length: window.history.length,
      location: parseLocation(appPathFromHash(), undefined),
      push: function (to, appState) {
        window.history.pushState({ appState: appState }, '', hostUrl(toPath(to)));
        notifyHistories('PUSH');
      },
      replace: function (to, appState) {
        window.history.replaceState({ appState: appState }, '', hostUrl(toPath(to)));
        notifyHistories('REPLACE');
      },
      go: function (n) {
        window.history.go(n);
      },
      goBack: function () {
        window.history.back();
      },
      goForward: function () {
        window.history.forward();
      },
      back: function () {
        window.history.back();
      },
      forward: function () {
        window.history.forward();
      },
      block: function () {
        return function () {};
      },
      createHref: function (to) {
        return hostUrl(toPath(to));
      },
      listen: function (listener) {
        h._listeners.push(listener);
        return function () {
          h._listeners = h._listeners.filter(function (l) {
            return l !== listener;
          });
        };
      },
    };
    histories.push(h);
    return h;
  }

  window.addEventListener('popstate', function () {
    notifyHistories('POP');
  });

  // ---- the bridge calls ----------------------------------------------------------------------

  function currentUser() {
    return users.find(function (u) {
      return u.accountId === state.accountId;
    });
  }

  function flag(text) {
    var el = document.createElement('div');
    el.className = 'flag';
    el.textContent = text;
    flags.appendChild(el);
    setTimeout(function () {
      el.remove();
    }, 6000);
  }

  async function invoke(payload) {
    var mod = MODULES[state.module];
    var res = await fetch('/__local/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        key: payload.functionKey,
        payload: payload.payload === undefined ? {} : payload.payload,
        accountId: state.accountId || undefined,
        moduleKey: mod.moduleKey,
      }),
    });
    var text = await res.text();
    var body;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      // The real bridge rejects when the function fails; mirror that with the server's message.
      var detail = body && body.error ? body.error.message || JSON.stringify(body.error) : text || res.statusText;
      throw new Error('Resolver "' + payload.functionKey + '" failed (' + res.status + '): ' + detail);
    }
    return payload.metadata ? { body: body, metadata: {} } : body;
  }

  async function fetchProduct(payload) {
    var init = payload.fetchRequestInit || {};
    var headers = new Headers(init.headers || []);
    if (state.accountId) headers.set('X-Forge-Account-Id', state.accountId);
    var path = payload.restPath.charAt(0) === '/' ? payload.restPath : '/' + payload.restPath;
    var res = await fetch(path, {
      method: init.method || 'GET',
      headers: headers,
      body: init.body === null || init.body === undefined || init.body === '' ? undefined : init.body,
    });
    var responseHeaders = {};
    res.headers.forEach(function (value, key) {
      responseHeaders[key] = value;
    });
    // The shape the product hands back to @forge/bridge, which builds the Response in the app's window.
    return {
      body: await res.text(),
      headers: responseHeaders,
      status: res.status,
      statusText: res.statusText,
      isAttachment: false,
    };
  }

  function getContext() {
    var mod = MODULES[state.module];
    return {
      accountId: state.accountId || undefined,
      cloudId: site.cloudId,
      siteUrl: location.origin,
      moduleKey: mod.moduleKey,
      localId: 'local-' + mod.moduleKey,
      environmentId: 'local-development',
      environmentType: 'DEVELOPMENT',
      extension: { type: mod.type },
      locale: (navigator.language || 'en-US').replace('_', '-'),
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      theme: { colorMode: state.theme, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' },
      userAccess: { enabled: false, hasAccess: true },
    };
  }

  function enableTheming(frameWindow) {
    var root = frameWindow && frameWindow.document && frameWindow.document.documentElement;
    if (!root) return;
    root.setAttribute('data-color-mode', state.theme);
    root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography');
  }

  function navigate(payload) {
    if (payload && payload.url) {
      var url = new URL(payload.url, location.href);
      if (payload.type === 'new-tab') window.open(url.href, '_blank', 'noopener');
      else if (url.origin === location.origin) location.assign(url.href);
      else flag('Jira would open ' + url.href);
      return;
    }
    flag('Jira would navigate to ' + JSON.stringify(payload));
  }

  var handlers = {
    invoke: invoke,
    getContext: getContext,
    fetchProduct: fetchProduct,
    createHistory: createHistory,
    enableTheming: function (_p, frameWindow) {
      enableTheming(frameWindow);
    },
    changeWindowTitle: function (title) {
      document.title = String(title) + ' - Jira (local)';
    },
    navigate: navigate,
    getUrl: function (loc) {
      return location.origin + '/browse/' + encodeURIComponent((loc && (loc.issueKey || loc.target)) || '');
    },
    reload: function () {
      loadFrame();
    },
    showFlag: function (p) {
      flag((p && (p.title || p.description)) || 'Flag');
    },
    emitReadyEvent: function () {},
    refresh: function () {
      loadFrame();
    },
  };

  window.__forgeHost = {
    callBridge: function (name, payload, frameWindow) {
      var handler = handlers[name];
      if (!handler)
        return Promise.reject(new Error('The local Jira host does not implement the bridge call "' + name + '".'));
      try {
        return Promise.resolve(handler(payload, frameWindow));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };

  // ---- chrome: users, modules, theme ---------------------------------------------------------

  function loadFrame() {
    histories = [];
    var user = currentUser();
    document.documentElement.setAttribute('data-color-mode', state.theme);
    var admin = state.module === 'admin';
    if (admin && user && !user.siteAdmin) {
      // Jira shows admin pages to Jira admins only.
      frame.hidden = true;
      message.hidden = false;
      message.textContent =
        user.displayName +
        ' is not a Jira admin, so Jira does not show the Structure Sync administration page. Switch "Acting as" to an admin, or go to Apps › Structure.';
      return;
    }
    message.hidden = true;
    frame.hidden = false;
    // Always /app/ itself: the build's asset URLs are relative to it.
    frame.src = '/app/?v=' + Date.now();
  }

  function render() {
    Object.keys(MODULES).forEach(function (m) {
      var button = document.getElementById('module-' + m);
      button.setAttribute('aria-pressed', String(state.module === m));
    });
    actingAs.value = state.accountId;
    themeSelect.value = state.theme;
    document.title = MODULES[state.module].title + ' - Jira (local)';
    window.history.replaceState(window.history.state, '', hostUrl(appPathFromHash()));
  }

  function change(patch, resetPath) {
    Object.assign(state, patch);
    if (state.accountId) localStorage.setItem('structure-sync.as', state.accountId);
    if (resetPath) window.history.pushState(null, '', hostUrl('/'));
    render();
    loadFrame();
  }

  document.querySelectorAll('.modules button').forEach(function (button) {
    button.addEventListener('click', function () {
      if (button.dataset.module !== state.module) change({ module: button.dataset.module }, true);
    });
  });
  actingAs.addEventListener('change', function () {
    change({ accountId: actingAs.value }, false);
  });
  themeSelect.addEventListener('change', function () {
    change({ theme: themeSelect.value }, false);
  });

  async function start() {
    try {
      var [usersRes, siteRes] = await Promise.all([
        fetch('/__local/users'),
        fetch('/__local/site').catch(function () {
          return null;
        }),
      ]);
      if (!usersRes.ok) throw new Error('GET /__local/users answered ' + usersRes.status);
      users = await usersRes.json();
      if (siteRes && siteRes.ok) site = Object.assign(site, await siteRes.json());
    } catch (e) {
      message.hidden = false;
      message.textContent =
        'The local Jira host could not load its users: ' + e.message + '. Is the dev server running (npm start)?';
      return;
    }
    actingAs.innerHTML = '';
    users.forEach(function (u) {
      var option = document.createElement('option');
      option.value = u.accountId;
      option.textContent = u.displayName + (u.siteAdmin ? ' (Jira admin)' : '');
      actingAs.appendChild(option);
    });
    if (!currentUser())
      state.accountId =
        (
          users.find(function (u) {
            return u.siteAdmin;
          }) ||
          users[0] ||
          {}
        ).accountId || '';
    render();
    loadFrame();
  }

  void start();
})();
