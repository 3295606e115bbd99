import { forwardRef, useState } from 'react';
import { token } from '@atlaskit/tokens';
import { RowMoveMenu, type MenuMove } from './RowMoveMenu';

/**
 * The grip a row is dragged by, and a menu button with the same moves for whoever cannot drag. The tree
 * keeps the keyboard focus (its Ctrl+arrow keys make the moves too, as the description says).
 */
export const DragHandle = forwardRef<
  HTMLButtonElement,
  { label: string; disabled?: boolean; onMove?: (move: MenuMove) => void }
>(function DragHandle(props, ref) {
  const [menu, setMenu] = useState<DOMRect | undefined>();
  const close = () => {
    setMenu(undefined);
    // Back to the tree, where the keyboard was.
    document.querySelector<HTMLElement>('[role="tree"]')?.focus();
  };
  return (
    <>
      <button
        ref={ref}
        type="button"
        tabIndex={-1}
        data-testid="row-drag-handle"
        aria-label={`Move ${props.label}`}
        aria-describedby="edit-keys-help"
        aria-haspopup="menu"
        aria-expanded={menu !== undefined}
        title="Drag to move the row, or click for the moves (Ctrl+arrow keys in the tree)"
        disabled={props.disabled}
        onClick={(e) => props.onMove && setMenu(e.currentTarget.getBoundingClientRect())}
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
      {menu && props.onMove && (
        <RowMoveMenu
          label={props.label}
          anchor={menu}
          onClose={close}
          onChoose={(move) => {
            close();
            props.onMove?.(move);
          }}
        />
      )}
    </>
  );
});
