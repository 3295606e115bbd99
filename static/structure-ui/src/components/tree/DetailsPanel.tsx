// The active row's issue without leaving the structure: what the row shows, and a few more fields read
// from Jira as the viewer when the panel opens (one GET issue, its fields only).
import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { IssueDetails } from '../../api/issueDetails';
import { useServices } from '../../api/ServicesContext';

interface MoreFields {
  status?: { name?: string } | null;
  assignee?: { displayName?: string } | null;
  priority?: { name?: string } | null;
  fixVersions?: Array<{ name?: string }>;
  duedate?: string | null;
  reporter?: { displayName?: string } | null;
  updated?: string;
}

const FIELDS = 'priority,fixVersions,duedate,reporter,updated';
/** Shown from the row when its columns read them; read here too when the structure's columns leave them out. */
const ROW_FIELDS = ['status', 'assignee'] as const;

export function DetailsPanel(props: { issue: IssueDetails; onOpen: (key: string) => void; onClose: () => void }) {
  const { requestJira } = useServices();
  const { issue } = props;
  const [more, setMore] = useState<MoreFields | 'error' | undefined>();
  useEffect(() => {
    let live = true;
    setMore(undefined);
    void (async () => {
      try {
        const missing = ROW_FIELDS.filter((f) => !(f in issue.fields));
        const fields = [FIELDS, ...missing].join(',');
        const res = await requestJira(`/rest/api/3/issue/${encodeURIComponent(issue.key)}?fields=${fields}`);
        const body = res.ok ? ((await res.json()) as { fields?: MoreFields }) : undefined;
        if (live) setMore(body?.fields ?? 'error');
      } catch {
        if (live) setMore('error');
      }
    })();
    return () => {
      live = false;
    };
  }, [requestJira, issue.key, issue.fields]);
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{label}</dt>
      <dd style={{ margin: `0 0 ${token('space.100')}` }}>{value}</dd>
    </>
  );
  const fields = more && more !== 'error' ? more : undefined;
  const status = issue.statusName ?? fields?.status?.name;
  const assignee = issue.assigneeName ?? fields?.assignee?.displayName;
  return (
    <aside
      aria-label={`Details of ${issue.key}`}
      data-testid="details-panel"
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.small', '4px'),
        padding: token('space.200'),
        marginBottom: token('space.150'),
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
        <h2 style={{ font: token('font.heading.small'), margin: 0 }}>{issue.key}</h2>
        <span style={{ flex: 1 }}>{issue.summary}</span>
        <Button onClick={() => props.onOpen(issue.key)}>Open in Jira</Button>
        <Button appearance="subtle" onClick={props.onClose}>
          Close details
        </Button>
      </div>
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
          margin: `${token('space.150')} 0 0`,
        }}
      >
        <div>{row('Type', issue.typeName ?? '—')}</div>
        <div>{row('Status', status ? <Lozenge>{status}</Lozenge> : '—')}</div>
        <div>{row('Assignee', assignee ?? (!more && !('assignee' in issue.fields) ? '…' : 'Unassigned'))}</div>
        <div>{row('Priority', fields?.priority?.name ?? '—')}</div>
        <div>{row('Fix versions', fields?.fixVersions?.map((v) => v.name).join(', ') || '—')}</div>
        <div>{row('Due', fields?.duedate ?? '—')}</div>
        <div>{row('Reporter', fields?.reporter?.displayName ?? '—')}</div>
      </dl>
      {more === 'error' && (
        <p style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
          More of its fields could not be read from Jira just now.
        </p>
      )}
    </aside>
  );
}
