import { forwardRef } from 'react';
import { token } from '@atlaskit/tokens';

/**
 * The grip a row is dragged by. Pointer only: the tree keeps the keyboard focus, and its Ctrl+arrow
 * keys make the same moves (the description says so, for screen readers too).
 */
export const DragHandle = forwardRef<HTMLButtonElement, { label: string; disabled?: boolean }>(
  function DragHandle(props, ref) {
    return (
      <button
        ref={ref}
        type="button"
        tabIndex={-1}
        data-testid="row-drag-handle"
        aria-label={`Move ${props.label}`}
        aria-describedby="edit-keys-help"
        title="Drag to move the row (or Ctrl+arrow keys in the tree)"
        disabled={props.disabled}
        // A click on the grip chooses the row, as a click anywhere on it does.
        style={{
          width: 16,
          height: 24,
          flex: 'none',
          border: 'none',
          borderRadius: 3,
          background: 'transparent',
          color: token('color.icon.subtle'),
          cursor: props.disabled ? 'default' : 'grab',
          padding: 0,
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
      >
        <svg width="8" height="14" viewBox="0 0 8 14" aria-hidden="true" focusable="false">
          {[0, 1].map((c) =>
            [0, 1, 2].map((r) => <circle key={`${c}${r}`} cx={2 + c * 4} cy={2 + r * 5} r={1.5} fill="currentColor" />),
          )}
        </svg>
      </button>
    );
  },
);
