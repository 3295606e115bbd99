import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { BAR_STYLE } from './barStyle';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/**
 * Editing by hand, for viewers with edit: add issues after the active row — by key, or the first 100 a
 * text or JQL search finds — and remove the active row.
 */
export function EditBar(props: {
  busy: boolean;
  onAdd: (issueKeys: string[]) => void;
  /** Not a list of keys: a text or JQL whose issues to add. */
  onAddFromSearch?: (query: string) => void;
  onRemove: () => void;
  canRemove: boolean;
}) {
  const [keys, setKeys] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = keys
      .split(/[\s,]+/)
      .map((k) => k.trim().toUpperCase())
      .filter((k) => k !== '');
    if (list.length === 0) return;
    if (props.onAddFromSearch && !list.every((k) => ISSUE_KEY.test(k))) props.onAddFromSearch(keys.trim());
    else props.onAdd(list);
    setKeys('');
  };
  return (
    <div role="group" aria-label="Edit the structure" style={BAR_STYLE}>
      <form onSubmit={submit} style={{ display: 'flex', gap: token('space.050'), alignItems: 'center' }}>
        <div style={{ width: 260 }}>
          <TextField
            aria-label="Issue keys to add, or a search"
            placeholder="Keys (PLAT-12, PLAT-13), text or JQL"
            value={keys}
            onChange={(e) => setKeys(e.currentTarget.value)}
            isCompact
            testId="add-issue-keys"
          />
        </div>
        <Button type="submit" isLoading={props.busy}>
          Add issues
        </Button>
      </form>
      <Button onClick={props.onRemove} isDisabled={!props.canRemove || props.busy}>
        Remove row
      </Button>
      <span style={{ color: token('color.text.subtle'), font: token('font.body.small') }} id="edit-keys-help">
        In the tree: Ctrl+↑/↓ move a row, Ctrl+→ indent, Ctrl+← outdent, Delete removes it, Ctrl+C / Ctrl+X / Ctrl+V
        copy, cut and paste rows, F2 renames a folder.
      </span>
    </div>
  );
}
