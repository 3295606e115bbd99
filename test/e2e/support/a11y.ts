// axe-core accessibility audit of the app's frame (WCAG 2 A and AA rules).
import type { Frame } from 'playwright-core';

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function audit(frame: Frame): Promise<Violation[]> {
  await frame.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  // A string, so tsx's helpers do not leak into the page.
  return (await frame.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`)) as Violation[];
}
