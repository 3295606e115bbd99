import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { token } from '@atlaskit/tokens';

const NAVIGATION: Array<[string, string]> = [
  ['↑ / ↓', 'Previous / next row'],
  ['Shift+↑ / Shift+↓, Shift/Ctrl+click', 'Select several rows (editors)'],
  ['Page Up / Page Down', 'A screen up / down'],
  ['Home / End', 'First / last row'],
  ['→ / ←', 'Open / close a row; ← on a closed row goes to its parent'],
  ['Space', 'Open or close the row'],
  ['Enter', "Open the row's issue in Jira"],
];
const EDITING: Array<[string, string]> = [
  ['Ctrl+↑ / Ctrl+↓', 'Move the row up / down among its siblings'],
  ['Ctrl+→', 'Indent: under the row above (every selected row)'],
  ['Ctrl+←', 'Outdent: out of its parent (every selected row)'],
  ['Delete', 'Remove the row, or the selected rows (the issues stay in Jira)'],
  ['Ctrl+C / Ctrl+X', 'Copy / cut the row, or the selected rows, with the rows under them'],
  ['Ctrl+V', 'Paste copied or cut rows after the row (also into another structure)'],
  ['F2', 'Rename the folder'],
  ['Ctrl+Z', 'Undo your last edit on this page (the History page lists every change)'],
  [
    'Mouse: drag a row by its grip',
    'Move it, and the selected rows with it: drop on the top or bottom of a row to go above or below it, on its middle to go under it. A click on the grip offers the moves in a menu; the keys above make them too.',
  ],
];

/** The structure view's keyboard shortcuts; editing ones only for viewers who may edit. Opened with "?". */
export function ShortcutsDialog(props: { canEdit: boolean; onClose: () => void }) {
  const table = (caption: string, rows: Array<[string, string]>) => (
    <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: token('space.200') }}>
      <caption style={{ textAlign: 'left', font: token('font.heading.xsmall'), paddingBottom: token('space.100') }}>
        {caption}
      </caption>
      <tbody>
        {rows.map(([keys, what]) => (
          <tr key={keys}>
            <th
              scope="row"
              style={{ textAlign: 'left', fontWeight: 600, padding: `${token('space.050')} 0`, width: '40%' }}
            >
              <kbd>{keys}</kbd>
            </th>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ModalTransition>
      <Modal onClose={props.onClose} label="Keyboard shortcuts" testId="shortcuts-dialog">
        <ModalHeader>
          <ModalTitle>Keyboard shortcuts</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <p>In the structure's tree, once it has the focus (Tab to it):</p>
          {table('Moving around', NAVIGATION)}
          {props.canEdit && table('Editing', EDITING)}
        </ModalBody>
        <ModalFooter>
          <Button appearance="primary" onClick={props.onClose} autoFocus>
            Close
          </Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
