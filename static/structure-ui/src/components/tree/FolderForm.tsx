import { useEffect, useRef, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { folderNameProblem, MAX_FOLDER_NAME } from './folders';

/**
 * "New folder" and "Rename folder" for editors: a small inline form that names the folder (Enter saves,
 * Escape cancels). The new folder goes after the active row, at its level; rename acts on the active row
 * when it is a folder. `renameSignal` changing opens the rename form (F2 in the tree).
 */
export function FolderForm(props: {
  busy: boolean;
  /** The active row's folder name, when it is a folder. */
  activeFolder?: string;
  renameSignal?: number;
  onCreate: (name: string) => Promise<boolean>;
  onRename?: (name: string) => Promise<boolean>;
}) {
  const [mode, setMode] = useState<'new' | 'rename' | undefined>();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const opener = useRef<HTMLElement | null>(null);
  const open = (m: 'new' | 'rename') => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setMode(m);
    setName(m === 'rename' ? (props.activeFolder ?? '') : '');
    setProblem(undefined);
  };
  const close = () => {
    setMode(undefined);
    setProblem(undefined);
    // Back where the person was (the tree, after F2), so the keyboard carries on from there.
    opener.current?.focus();
  };
  useEffect(() => {
    if (props.renameSignal && props.activeFolder !== undefined && props.onRename) open('rename');
    // Only a new signal opens the form.
  }, [props.renameSignal]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wrong = folderNameProblem(name);
    if (wrong) {
      setProblem(wrong);
      return;
    }
    const send = mode === 'rename' ? props.onRename : props.onCreate;
    void send?.(name.trim()).then((ok) => ok && close());
  };

  if (mode === undefined)
    return (
      <>
        <Button onClick={() => open('new')} isDisabled={props.busy} testId="new-folder">
          New folder
        </Button>
        {props.onRename && (
          <Button
            onClick={() => open('rename')}
            isDisabled={props.busy || props.activeFolder === undefined}
            testId="rename-folder"
          >
            Rename folder
          </Button>
        )}
      </>
    );
  return (
    <form
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
      aria-label={mode === 'new' ? 'New folder' : 'Rename folder'}
      style={{ display: 'flex', gap: token('space.050'), alignItems: 'center' }}
    >
      <div style={{ width: 220 }}>
        <TextField
          aria-label="Folder name"
          placeholder="Folder name"
          value={name}
          maxLength={MAX_FOLDER_NAME + 20}
          onChange={(e) => setName(e.currentTarget.value)}
          isInvalid={problem !== undefined}
          aria-describedby={problem ? 'folder-name-problem' : undefined}
          isCompact
          autoFocus
          testId="folder-name"
        />
      </div>
      <Button type="submit" appearance="primary" isLoading={props.busy}>
        {mode === 'new' ? 'Create folder' : 'Rename'}
      </Button>
      <Button onClick={close}>Cancel</Button>
      {problem && (
        <span id="folder-name-problem" role="alert" style={{ color: token('color.text.danger') }}>
          {problem}
        </span>
      )}
    </form>
  );
}
