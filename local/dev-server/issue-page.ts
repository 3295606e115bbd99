// Jira's issue view stands at /browse/<KEY> on a real site; the app opens it through @forge/bridge's
// router. Locally the host page follows that navigation to this stand-in: the issue's key, summary,
// type and status as the emulator holds them, and a way back to the app — enough to see that
// "open the issue" went to the right one.
import type { ServerResponse } from 'node:http';
import type { JiraEmulator } from '../emulator';

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function sendIssuePage(res: ServerResponse, jira: JiraEmulator, key: string): void {
  const issue = jira.store.issueByIdOrKey(key);
  const body = issue
    ? `<h1 data-testid="issue-view-key">${escape(issue.key)}</h1>
<p data-testid="issue-view-summary">${escape(issue.summary)}</p>
<dl><dt>Type</dt><dd>${escape(issue.type.name)}</dd><dt>Status</dt><dd>${escape(issue.status.name)}</dd></dl>`
    : `<h1>Issue does not exist</h1><p>${escape(key)} does not exist, or you do not have permission to see it.</p>`;
  res.writeHead(issue ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(key)} - Jira (local)</title>
<link rel="stylesheet" href="/host.css"></head><body><main style="padding:24px;font-family:sans-serif">
<p><a href="javascript:history.back()">← Back</a> · Jira's issue view, as the local host stands in for it</p>
${body}</main></body></html>`);
}
