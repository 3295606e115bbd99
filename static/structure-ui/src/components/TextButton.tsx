import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

/**
 * An action that sits among links (the Operations column): a real <button> for the keyboard and
 * screen readers, drawn like its neighbouring links so the row reads as one list.
 */
export function TextButton(props: {
  onClick: () => void;
  children: ReactNode;
  'aria-label'?: string;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={props.onClick}
      aria-label={props['aria-label']}
      style={{
        border: 'none',
        background: 'none',
        padding: 0,
        font: 'inherit',
        cursor: 'pointer',
        color: props.danger ? token('color.text.danger') : token('color.link'),
      }}
    >
      {props.children}
    </button>
  );
}
