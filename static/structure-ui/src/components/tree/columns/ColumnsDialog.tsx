// Choosing the structure's columns: add one from the site's fields (a searchable picker), Σ of a number
// field or progress; remove and reorder with buttons (keyboard: Tab to a button, Enter). Saved for
// everyone who views the structure; nothing changes until Save succeeds.
import { useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import {
  CUSTOM_FIELD_ID,
  MAX_COLUMNS,
  SYSTEM_COLUMN_FIELDS,
  columnId,
  structureColumnsSchema,
  type StructureColumn,
} from '../../../../../../src/contract';
import { columnLabel, isNumberField, type JiraField } from './columnModel';
import type { SiteFieldsState } from './jiraFields';

const LEXO_RANK = 'com.pyxis.greenhopper.jira:gh-lexo-rank';

interface Option {
  label: string;
  value: string;
  column: StructureColumn;
}

function pickerOptions(fields: JiraField[], chosen: ReadonlySet<string>, names: ReadonlyMap<string, string>) {
  // Rank is Jira's ordering key (LexoRank text), nothing a person reads; fields Jira lists nowhere are left out too.
  const custom = fields
    .filter((f) => CUSTOM_FIELD_ID.test(f.id) && f.navigable !== false && f.schema?.custom !== LEXO_RANK)
    .sort((a, b) => a.name.localeCompare(b.name));
  const option = (column: StructureColumn, hint?: string): Option => ({
    label: hint ? `${columnLabel(column, names)} (${hint})` : columnLabel(column, names),
    value: columnId(column),
    column,
  });
  const standard = SYSTEM_COLUMN_FIELDS.filter((f) => f !== 'key')
    .map((field) => option({ kind: 'field', field }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const customOptions = custom.map((f) => option({ kind: 'field', field: f.id }, f.id));
  const sums = custom
    .filter(isNumberField)
    .map((f) => option({ kind: 'sum', field: f.id }, 'over the row and the rows under it'));
  const progress = option({ kind: 'progress' }, 'resolved issues under the row');
  const open = (list: Option[]) => list.filter((o) => !chosen.has(o.value));
  return [
    { label: 'Fields', options: open(standard) },
    { label: 'Custom fields', options: open(customOptions) },
    { label: 'Aggregates', options: open([...sums, progress]) },
  ].filter((g) => g.options.length > 0);
}

export function ColumnsDialog(props: {
  columns: StructureColumn[];
  fields: SiteFieldsState;
  /** Saves the list; answers a message to show when it could not. */
  onSave: (columns: StructureColumn[]) => Promise<string | undefined>;
  onClose: () => void;
}) {
  const [columns, setColumns] = useState(props.columns);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  // After a move the focus stays on the moved column's button, so Up can be pressed again and again.
  const [focus, setFocus] = useState<string | undefined>();
  const siteFields = props.fields.status === 'ready' ? props.fields.fields : [];
  const names = useMemo(() => new Map(siteFields.map((f) => [f.id, f.name])), [siteFields]);
  const chosen = useMemo(() => new Set(columns.map(columnId)), [columns]);
  const options = useMemo(() => pickerOptions(siteFields, chosen, names), [siteFields, chosen, names]);
  const full = columns.length >= MAX_COLUMNS;

  useEffect(() => {
    if (!focus) return;
    const button = document.getElementById(focus) as HTMLButtonElement | null;
    if (button && !button.disabled) button.focus();
    else document.getElementById(focus.replace(/^(up|down)-/, (m) => (m === 'up-' ? 'down-' : 'up-')))?.focus();
    setFocus(undefined);
  }, [focus]);

  const move = (from: number, to: number) => {
    const next = [...columns];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    setColumns(next);
    setFocus(`${to < from ? 'up' : 'down'}-${domId(moved!)}`);
  };
  const setWidth = (i: number, text: string) => {
    const width = text.trim() === '' ? undefined : Number(text);
    setColumns(columns.map((c, k) => (k !== i ? c : width === undefined ? withoutWidth(c) : { ...c, width })));
  };
  const save = async () => {
    // The server's own check first, so a width out of range is named here without a round trip.
    const checked = structureColumnsSchema.safeParse(columns);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const at = typeof issue.path[0] === 'number' ? columns[issue.path[0]] : undefined;
      const what = at ? `${columnLabel(at, names)}${issue.path[1] === 'width' ? ' width' : ''}` : 'The columns';
      setProblem(`${what}: ${issue.message}.`);
      return;
    }
    setSaving(true);
    setProblem(undefined);
    const failed = await props.onSave(columns);
    setSaving(false);
    if (failed) setProblem(failed);
    else props.onClose();
  };

  return (
    <ModalTransition>
      <Modal onClose={props.onClose} label="Columns" testId="columns-dialog" width="medium">
        <ModalHeader>
          <ModalTitle>Columns</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <p style={{ marginTop: 0 }}>
            The columns of this structure, in order, for everyone who views it. A width left empty fits the page.
          </p>
          <ol aria-label="Columns" style={{ listStyle: 'none', padding: 0, margin: `0 0 ${token('space.200')}` }}>
            {columns.map((column, i) => {
              const label = columnLabel(column, names);
              return (
                <li
                  key={columnId(column)}
                  data-testid="column-item"
                  style={{
                    display: 'flex',
                    alignItems: 'center',
                    gap: token('space.100'),
                    padding: `${token('space.050')} 0`,
                    borderBottom: `1px solid ${token('color.border')}`,
                  }}
                >
                  <span style={{ flex: 1 }}>
                    {label}
                    {i === 0 && <span style={{ color: token('color.text.subtle') }}> — first, it holds the tree</span>}
                  </span>
                  <span style={{ width: 96 }}>
                    <TextField
                      isCompact
                      type="number"
                      min={60}
                      max={1200}
                      aria-label={`Width of ${label} in pixels`}
                      placeholder="auto"
                      value={column.width === undefined ? '' : String(column.width)}
                      onChange={(e) => setWidth(i, e.currentTarget.value)}
                      elemAfterInput={<span style={{ paddingRight: 6, color: token('color.text.subtle') }}>px</span>}
                    />
                  </span>
                  <span style={{ width: 210, display: 'flex', justifyContent: 'flex-end', gap: token('space.100') }}>
                    {i > 0 && (
                      <>
                        <Button
                          id={`up-${domId(column)}`}
                          spacing="compact"
                          isDisabled={i === 1}
                          aria-label={`Move ${label} up`}
                          onClick={() => move(i, i - 1)}
                        >
                          Up
                        </Button>
                        <Button
                          id={`down-${domId(column)}`}
                          spacing="compact"
                          isDisabled={i === columns.length - 1}
                          aria-label={`Move ${label} down`}
                          onClick={() => move(i, i + 1)}
                        >
                          Down
                        </Button>
                        <Button
                          spacing="compact"
                          appearance="subtle"
                          aria-label={`Remove ${label}`}
                          onClick={() => setColumns(columns.filter((_, k) => k !== i))}
                        >
                          Remove
                        </Button>
                      </>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
          <label htmlFor="add-column" style={{ display: 'block', font: token('font.body.small'), marginBottom: 4 }}>
            Add a column
          </label>
          <Select<Option>
            inputId="add-column"
            testId="add-column"
            options={options}
            value={null}
            isDisabled={full}
            isLoading={props.fields.status === 'loading'}
            placeholder={full ? `At most ${MAX_COLUMNS} columns` : 'Search fields…'}
            onChange={(o) => o && setColumns([...columns, o.column])}
          />
          {props.fields.status === 'error' && (
            <p style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
              The site&apos;s custom fields could not be read from Jira ({props.fields.message}): only standard fields
              and progress are offered.
            </p>
          )}
          <div aria-live="polite">
            {problem && (
              <div style={{ marginTop: token('space.150') }}>
                <SectionMessage appearance="error" title="The columns were not saved">
                  <p>{problem}</p>
                </SectionMessage>
              </div>
            )}
          </div>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={props.onClose}>
            Cancel
          </Button>
          <Button appearance="primary" isLoading={saving} onClick={() => void save()}>
            Save
          </Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}

function withoutWidth(c: StructureColumn): StructureColumn {
  const { width: _width, ...rest } = c;
  return rest;
}

const domId = (c: StructureColumn) => `column-${columnId(c).replace(/[^A-Za-z0-9_-]/g, '-')}`;
