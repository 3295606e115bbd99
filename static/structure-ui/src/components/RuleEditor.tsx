import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import {
  PERMISSION_LEVELS,
  type PermissionLevel,
  type PermissionRule,
  type PermissionSubject,
} from '../../../../src/contract';
import { GroupPicker } from './GroupPicker';
import { ProjectRolePicker } from './ProjectRolePicker';
import { UserPicker } from './UserPicker';

const subjectTypes: Array<{ label: string; value: PermissionSubject['type'] }> = [
  { label: 'User', value: 'user' },
  { label: 'Group', value: 'group' },
  { label: 'Project role', value: 'projectRole' },
  { label: 'Anyone', value: 'anyone' },
];

const levelOptions = PERMISSION_LEVELS.map((l) => ({ label: l[0]!.toUpperCase() + l.slice(1), value: l }));

function emptySubject(type: PermissionSubject['type']): PermissionSubject {
  switch (type) {
    case 'user':
      return { type, accountId: '' };
    case 'group':
      return { type, groupName: '' };
    case 'projectRole':
      return { type, projectKey: '', roleName: '' };
    case 'anyone':
      return { type };
  }
}

/** One permission rule: who (subject) gets which level. Every control has its own label. */
export function RuleEditor(props: {
  index: number;
  rule: PermissionRule;
  onChange: (rule: PermissionRule) => void;
  onRemove: () => void;
}) {
  const { rule, index } = props;
  const id = (name: string) => `rule-${index}-${name}`;
  const setSubject = (subject: PermissionSubject) => props.onChange({ ...rule, subject });
  const srOnly = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } as const;
  return (
    <tr data-testid={`rule-${index}`}>
      <td style={{ verticalAlign: 'top', padding: token('space.100'), width: 180 }}>
        <label htmlFor={id('type')} style={srOnly}>
          Rule {index + 1} subject type
        </label>
        <Select
          inputId={id('type')}
          options={subjectTypes}
          value={subjectTypes.find((o) => o.value === rule.subject.type)}
          onChange={(o) => o && setSubject(emptySubject(o.value))}
          menuPortalTarget={document.body}
          styles={{ menuPortal: (base) => ({ ...base, zIndex: 9999 }) }}
        />
      </td>
      <td style={{ verticalAlign: 'top', padding: token('space.100') }}>
        {rule.subject.type === 'user' && (
          <>
            <label htmlFor={id('user')} style={srOnly}>
              Rule {index + 1} user
            </label>
            <UserPicker
              inputId={id('user')}
              accountId={rule.subject.accountId}
              onChange={(accountId) => setSubject({ type: 'user', accountId })}
            />
          </>
        )}
        {rule.subject.type === 'group' && (
          <>
            <label htmlFor={id('group')} style={srOnly}>
              Rule {index + 1} group
            </label>
            <GroupPicker
              inputId={id('group')}
              groupName={rule.subject.groupName}
              onChange={(groupName) => setSubject({ type: 'group', groupName })}
            />
          </>
        )}
        {rule.subject.type === 'projectRole' && (
          <ProjectRolePicker
            idPrefix={id('role')}
            labelPrefix={`Rule ${index + 1}`}
            projectKey={rule.subject.projectKey}
            roleName={rule.subject.roleName}
            onChange={(v) => setSubject({ type: 'projectRole', ...v })}
          />
        )}
        {rule.subject.type === 'anyone' && (
          <span style={{ display: 'block', lineHeight: '40px', color: token('color.text.subtle') }}>
            Every user who can use Jira
          </span>
        )}
      </td>
      <td style={{ verticalAlign: 'top', padding: token('space.100'), width: 160 }}>
        <label htmlFor={id('level')} style={srOnly}>
          Rule {index + 1} level
        </label>
        <Select
          inputId={id('level')}
          options={levelOptions}
          value={levelOptions.find((o) => o.value === rule.level)}
          onChange={(o) => o && props.onChange({ ...rule, level: o.value as PermissionLevel })}
          menuPortalTarget={document.body}
          styles={{ menuPortal: (base) => ({ ...base, zIndex: 9999 }) }}
        />
      </td>
      <td style={{ verticalAlign: 'top', padding: token('space.100'), paddingTop: token('space.150'), width: 100 }}>
        <Button appearance="subtle" onClick={props.onRemove} aria-label={`Remove rule ${index + 1}`}>
          Remove
        </Button>
      </td>
    </tr>
  );
}
