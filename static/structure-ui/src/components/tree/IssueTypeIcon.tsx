import { useState, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

/**
 * Jira's usual glyph for each standard type, each a different shape as well as a different colour, so
 * that types are told apart without colour (Story and Sub-task once shared a blue-or-green "S").
 */
const glyphs: Record<string, { colour: string; shape: ReactNode }> = {
  // A lightning bolt.
  epic: { colour: token('color.icon.discovery'), shape: <path d="M9 2 4 9h3.5L6.5 14 12 6.5H8.5L9 2Z" fill="#fff" /> },
  // A bookmark.
  story: { colour: token('color.icon.success'), shape: <path d="M5 3h6v10l-3-2.5L5 13V3Z" fill="#fff" /> },
  // A dot in a ring.
  bug: {
    colour: token('color.icon.danger'),
    shape: <circle cx="8" cy="8" r="3" fill="#fff" />,
  },
  // A tick.
  task: {
    colour: token('color.icon.information'),
    shape: <path d="m4.5 8.5 2.5 2.5 4.5-5" stroke="#fff" strokeWidth="2" fill="none" strokeLinecap="round" />,
  },
  // Two joined squares: a piece of a bigger issue.
  'sub-task': {
    colour: token('color.icon.information'),
    shape: (
      <>
        <rect x="3.5" y="3.5" width="5" height="5" rx="0.5" fill="none" stroke="#fff" strokeWidth="1.5" />
        <rect x="7.5" y="7.5" width="5" height="5" rx="0.5" fill="#fff" />
      </>
    ),
  },
  // Three stacked bars: above epics.
  initiative: {
    colour: token('color.icon.warning'),
    shape: <path d="M4 4.5h8M4 8h8M4 11.5h8" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />,
  },
};
glyphs.subtask = glyphs['sub-task']!;

/** Which glyph a type name gets, or undefined for types without one (they get their initial). */
export function issueTypeGlyph(name: string): string | undefined {
  const key = name.toLowerCase();
  return key in glyphs ? (key === 'subtask' ? 'sub-task' : key) : undefined;
}

/** Jira's own icon when it loads; otherwise a distinct glyph per standard type, or the type's initial. */
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
  const glyph = issueTypeGlyph(name);
  if (glyph) {
    const { colour, shape } = glyphs[glyph]!;
    return (
      <svg
        role="img"
        aria-label={name}
        data-glyph={glyph}
        width={16}
        height={16}
        viewBox="0 0 16 16"
        style={{ flex: 'none' }}
      >
        <title>{name}</title>
        <rect width="16" height="16" rx={glyph === 'bug' ? 8 : 3} fill={colour} />
        {shape}
      </svg>
    );
  }
  return (
    <span
      role="img"
      aria-label={name}
      title={name}
      data-glyph="initial"
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
        background: token('color.icon.subtle'),
      }}
    >
      {name[0]?.toUpperCase()}
    </span>
  );
}
