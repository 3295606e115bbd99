// Loads the handlers manifest.yml names ("index.worker" → export `worker` of src/index.*) from the app's
// source. Plain `require`, so the same code path works under tsx (npm start) and ts-jest (tests).
import path from 'node:path';
import { AppManifest, FunctionDefinition } from './manifest';

export type Handler = (...args: unknown[]) => unknown;

export function loadHandler(appDir: string, fn: FunctionDefinition): Handler {
  const modulePath = path.join(appDir, 'src', fn.file);
  // A dynamic path is the point here: which module to load is data from the manifest.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(modulePath) as Record<string, unknown>;
  const handler = mod[fn.exportName];
  if (typeof handler !== 'function') {
    throw new Error(
      `manifest.yml: function '${fn.key}' names handler '${fn.handler}', but ${modulePath} has no exported function '${fn.exportName}'`,
    );
  }
  return handler as Handler;
}

/** Every function of the manifest, loaded up front so that a broken handler name fails at start. */
export function loadHandlers(appDir: string, manifest: AppManifest): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const fn of manifest.functions.values()) handlers.set(fn.key, loadHandler(appDir, fn));
  return handlers;
}
