import { useState } from 'react';
import { token } from '@atlaskit/tokens';

const colours: Record<string, string> = {
  epic: token('color.icon.discovery'),
  story: token('color.icon.success'),
  bug: token('color.icon.danger'),
  task: token('color.icon.information'),
  'sub-task': token('color.icon.information'),
  subtask: token('color.icon.information'),
  initiative: token('color.icon.warning'),
};

/** Jira's own icon when it loads; a lettered badge in the type's colour when it cannot. */
export function IssueTypeIcon(props: { name?: string; iconUrl?: string }) {
  const [failed, setFailed] = useState(false);
  const name = props.name ?? 'Issue';
  if (props.iconUrl && !failed) {
    return (
      <img
        src={props.iconUrl}
        alt={name}
        title={name}
        width={16}
        height={16}
        onError={() => setFailed(true)}
        style={{ flex: 'none' }}
      />
    );
  }
  return (
    <span
      role="img"
      aria-label={name}
      title={name}
      style={{
        flex: 'none',
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: 16,
        height: 16,
        borderRadius: 3,
        fontSize: 10,
        fontWeight: 700,
        color: token('color.text.inverse'),
        background: colours[name.toLowerCase()] ?? token('color.icon.subtle'),
      }}
    >
      {name[0]?.toUpperCase()}
    </span>
  );
}
