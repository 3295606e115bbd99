// The grip's menu: the moves a drag makes, for whoever cannot drag (Atlassian's drag and drop
// accessibility guidance: a drag handle that is also a menu button with the movement outcomes).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { token } from '@atlaskit/tokens';

export type MenuMove = 'up' | 'down' | 'indent' | 'outdent';

const MOVES: Array<[MenuMove, string]> = [
  ['up', 'Move up'],
  ['down', 'Move down'],
  ['indent', 'Indent (under the row above)'],
  ['outdent', 'Outdent (out of its parent)'],
];

/** Opened below the grip, outside the tree's scrolled box so no row clips it; focus goes to its first item. */
export function RowMoveMenu(props: {
  label: string;
  anchor: DOMRect;
  onChoose: (move: MenuMove) => void;
  onClose: () => void;
}) {
  const menu = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose.current();
    };
    // The menu stays where the grip was: once the rows scroll, it would point at another row.
    const scrolled = () => onClose.current();
    document.addEventListener('mousedown', outside);
    document.addEventListener('scroll', scrolled, true);
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('scroll', scrolled, true);
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // A portal's events still bubble to the tree in React: its keys (Enter opens the issue) must not see these.
    e.stopPropagation();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key as 'Home'];
    if (next !== undefined) items[(next + items.length) % items.length]?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') onClose.current();
    else return;
    e.preventDefault();
  };
  return createPortal(
    <div
      ref={menu}
      role="menu"
      aria-label={`Move ${props.label}`}
      data-testid="row-move-menu"
      onKeyDown={onKeyDown}
      style={{
        position: 'fixed',
        top: props.anchor.bottom + 4,
        left: props.anchor.left,
        zIndex: 510,
        minWidth: 220,
        padding: `${token('space.050')} 0`,
        background: token('elevation.surface.overlay'),
        boxShadow: token('elevation.shadow.overlay'),
        borderRadius: token('radius.small', '4px'),
      }}
    >
      {MOVES.map(([move, text], i) => (
        <button
          key={move}
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={() => props.onChoose(move)}
          onFocus={() => setCurrent(i)}
          onMouseEnter={(e) => e.currentTarget.focus()}
          style={{
            display: 'block',
            width: '100%',
            textAlign: 'left',
            border: 'none',
            background: i === current ? token('color.background.neutral.subtle.hovered') : 'transparent',
            color: token('color.text'),
            font: token('font.body'),
            outline: 'none',
            padding: `${token('space.075')} ${token('space.150')}`,
            cursor: 'pointer',
          }}
        >
          {text}
        </button>
      ))}
    </div>,
    document.body,
  );
}
