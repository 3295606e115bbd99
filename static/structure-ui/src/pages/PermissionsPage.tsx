import { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { AppErrorDto, PermissionRule, StructureDetails } from '../../../../src/contract';
import { atLeast } from '../api/permissions';
import { useServices } from '../api/ServicesContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { LevelLozenge } from '../components/LevelLozenge';
import { PageLayout } from '../components/PageLayout';
import { RuleEditor } from '../components/RuleEditor';
import { StructureGate, structureCrumbs } from '../components/StructureGate';
import { UserName } from '../components/UserName';

export function PermissionsPage(props: { structureId: string }) {
  return (
    <StructureGate structureId={props.structureId} pageTitle="Permissions">
      {(structure, _reload, setStructure) =>
        atLeast(structure.level, 'control') ? (
          <PermissionsEditor structure={structure} onSaved={setStructure} />
        ) : (
          <PageLayout
            title="Permissions"
            windowTitle={`Permissions · ${structure.name}`}
            breadcrumbs={structureCrumbs(structure, 'Permissions')}
          >
            <ErrorMessage
              title="You cannot change who has access"
              error={{
                code: 'PERMISSION_LEVEL',
                message: `Permissions need control on the structure; you have ${structure.level}.`,
                needed: 'control',
              }}
            />
          </PageLayout>
        )
      }
    </StructureGate>
  );
}

function PermissionsEditor(props: { structure: StructureDetails; onSaved: (s: StructureDetails) => void }) {
  const { invoke } = useServices();
  const { structure } = props;
  const [rules, setRules] = useState<PermissionRule[]>(structure.rules);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorDto | undefined>();
  const [saved, setSaved] = useState(false);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    setSaved(false);
    const answer = await invoke('setPermissions', { structureId: structure.id, rules });
    setSaving(false);
    if (answer.ok) {
      props.onSaved(answer.data);
      setRules(answer.data.rules);
      setSaved(true);
    } else setError(answer.error);
  };
  const update = (i: number, rule: PermissionRule) => setRules(rules.map((r, j) => (j === i ? rule : r)));

  return (
    <PageLayout
      title="Permissions"
      windowTitle={`Permissions · ${structure.name}`}
      breadcrumbs={structureCrumbs(structure, 'Permissions')}
      description="A user gets the highest level among the rules that match. The owner always has control; Jira admins have control on every structure."
    >
      <p style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
        <strong>Owner:</strong> <UserName accountId={structure.ownerAccountId} /> <LevelLozenge level="control" />
      </p>
      {error && <ErrorMessage error={error} title="Permissions were not saved" />}
      {saved && (
        <div role="status">
          <SectionMessage appearance="success" title="Permissions saved">
            <p>The rules apply from now on.</p>
          </SectionMessage>
        </div>
      )}
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: token('space.200') }}>
        <caption style={{ textAlign: 'left', font: token('font.heading.small'), paddingBottom: token('space.100') }}>
          Rules
        </caption>
        <thead>
          <tr
            style={{
              textAlign: 'left',
              color: token('color.text.subtle'),
              borderBottom: `2px solid ${token('color.border')}`,
            }}
          >
            <th style={{ padding: token('space.100') }}>Subject</th>
            <th style={{ padding: token('space.100') }}>Who</th>
            <th style={{ padding: token('space.100') }}>Level</th>
            <th style={{ padding: token('space.100') }}>
              <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                Actions
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.length === 0 && (
            <tr>
              <td colSpan={4} style={{ padding: token('space.200'), color: token('color.text.subtle') }}>
                No rules: only the owner and Jira admins can see this structure.
              </td>
            </tr>
          )}
          {rules.map((rule, i) => (
            <RuleEditor
              key={i}
              index={i}
              rule={rule}
              onChange={(r) => update(i, r)}
              onRemove={() => setRules(rules.filter((_, j) => j !== i))}
            />
          ))}
        </tbody>
      </table>
      <div style={{ display: 'flex', gap: token('space.100'), marginTop: token('space.200') }}>
        <Button onClick={() => setRules([...rules, { subject: { type: 'anyone' }, level: 'view' }])}>Add rule</Button>
        <Button appearance="primary" onClick={() => void save()} isLoading={saving}>
          Save permissions
        </Button>
      </div>
    </PageLayout>
  );
}
