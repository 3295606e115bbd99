// One field's value as Jira returns it, shown in a cell: numbers, dates, users, options, statuses, and
// lists of versions, components, labels or sprints. Jira's JSON says what a value is by its shape.
import Avatar from '@atlaskit/avatar';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';

const statusLook = { new: 'default', indeterminate: 'inprogress', done: 'success' } as const;

type JiraObject = {
  name?: string;
  value?: string;
  displayName?: string;
  accountId?: string;
  key?: string;
  iconUrl?: string;
  avatarUrls?: Record<string, string>;
  statusCategory?: { key?: string };
  child?: { value?: string };
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}/;

/** A value as one line of text: a list is its items' names, comma separated. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value.toLocaleString(undefined, { maximumFractionDigits: 2 });
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return DATETIME.exec(value)?.[1] ?? value;
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    const o = value as JiraObject;
    const text = o.displayName ?? o.name ?? o.value ?? o.key ?? '';
    return o.child?.value ? `${text} / ${o.child.value}` : text;
  }
  return '';
}

export function FieldValue(props: { value: unknown; emptyText?: string }) {
  const { value } = props;
  const text = valueText(value);
  if (!text)
    return props.emptyText ? <span style={{ color: token('color.text.subtlest') }}>{props.emptyText}</span> : null;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as JiraObject;
    if (o.statusCategory)
      return (
        <Lozenge appearance={statusLook[o.statusCategory.key as keyof typeof statusLook] ?? 'default'}>{text}</Lozenge>
      );
    if (o.accountId || o.avatarUrls)
      return (
        <>
          <Avatar size="xsmall" src={o.avatarUrls?.['24x24'] ?? o.avatarUrls?.['16x16']} name={text} />
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{text}</span>
        </>
      );
    if (o.iconUrl)
      return (
        <>
          <img src={o.iconUrl} alt="" width={16} height={16} style={{ flex: 'none' }} />
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{text}</span>
        </>
      );
  }
  const numeric = typeof value === 'number' || (typeof value === 'string' && DATE.test(value));
  return (
    <span
      title={text}
      style={{
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        fontVariantNumeric: numeric ? 'tabular-nums' : undefined,
        // Numbers line up by their last digit, as in Jira's lists.
        marginLeft: typeof value === 'number' ? 'auto' : undefined,
      }}
    >
      {text}
    </span>
  );
}
