import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { RowClipboard } from '../../api/rowClipboard';

/** Copy, Cut and Paste of rows (also Ctrl+C, Ctrl+X, Ctrl+V in the tree), and what is on the clipboard. */
export function ClipboardButtons(props: {
  busy: boolean;
  canCopy: boolean;
  clipboard?: RowClipboard;
  onCopy: () => void;
  onCut: () => void;
  onPaste: () => void;
}) {
  const { clipboard } = props;
  return (
    <>
      <Button onClick={props.onCopy} isDisabled={!props.canCopy || props.busy} testId="copy-rows">
        Copy
      </Button>
      <Button onClick={props.onCut} isDisabled={!props.canCopy || props.busy} testId="cut-rows">
        Cut
      </Button>
      <Button onClick={props.onPaste} isDisabled={!clipboard || props.busy} testId="paste-rows">
        Paste
      </Button>
      {clipboard && (
        <span data-testid="clipboard" style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
          {clipboard.mode === 'cut' ? 'Cut' : 'Copied'}: {clipboard.rowCount}{' '}
          {clipboard.rowCount === 1 ? 'row' : 'rows'} from “{clipboard.structureName}”
        </span>
      )}
    </>
  );
}
