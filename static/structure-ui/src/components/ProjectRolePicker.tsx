import { useEffect, useState } from 'react';
import { AsyncCreatableSelect, CreatableSelect } from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { useServices } from '../api/ServicesContext';

interface Option {
  label: string;
  value: string;
}

const srOnly = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } as const;
const portal = {
  menuPortalTarget: document.body,
  styles: { menuPortal: (base: object) => ({ ...base, zIndex: 9999 }) },
};

type Roles = { state: 'none' | 'loading' } | { state: 'listed'; names: string[] } | { state: 'unavailable' };

/**
 * A project (Jira's project search, as the viewer) and one of its roles. Jira lists a project's roles
 * only to project admins; anyone else types the role name, and is told why.
 */
export function ProjectRolePicker(props: {
  idPrefix: string;
  labelPrefix: string;
  projectKey: string;
  roleName: string;
  onChange: (value: { projectKey: string; roleName: string }) => void;
}) {
  const { requestJira } = useServices();
  const { projectKey, roleName } = props;
  const [projectName, setProjectName] = useState<string | undefined>();
  const [roles, setRoles] = useState<Roles>({ state: 'none' });

  useEffect(() => {
    if (!projectKey) return setRoles({ state: 'none' });
    let live = true;
    setRoles({ state: 'loading' });
    requestJira(`/rest/api/3/project/${encodeURIComponent(projectKey)}/role`)
      .then(async (res) => {
        if (!live) return;
        if (!res.ok) return setRoles({ state: 'unavailable' });
        const names = Object.keys((await res.json()) as Record<string, string>).sort((a, b) => a.localeCompare(b));
        if (live) setRoles({ state: 'listed', names });
      })
      .catch(() => live && setRoles({ state: 'unavailable' }));
    return () => {
      live = false;
    };
  }, [projectKey, requestJira]);

  // A saved rule knows only the key; Jira gives the name to whoever can see the project.
  useEffect(() => {
    if (!projectKey || projectName) return;
    let live = true;
    requestJira(`/rest/api/3/project/${encodeURIComponent(projectKey)}`)
      .then(async (res) => res.ok && live && setProjectName(((await res.json()) as { name?: string }).name))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [projectKey, projectName, requestJira]);

  const loadProjects = async (query: string): Promise<Option[]> => {
    try {
      const res = await requestJira(
        `/rest/api/3/project/search?query=${encodeURIComponent(query.trim())}&maxResults=20&orderBy=name`,
      );
      if (!res.ok) return [];
      const page = (await res.json()) as { values?: Array<{ key: string; name: string }> };
      return (page.values ?? []).map((p) => ({ label: `${p.name} (${p.key})`, value: p.key }));
    } catch {
      return [];
    }
  };

  const projectId = `${props.idPrefix}-project`;
  const roleId = `${props.idPrefix}-role`;
  const hintId = `${props.idPrefix}-role-hint`;
  const roleOptions = roles.state === 'listed' ? roles.names.map((n) => ({ label: n, value: n })) : [];
  return (
    <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'flex-start' }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <label htmlFor={projectId} style={srOnly}>
          {props.labelPrefix} project
        </label>
        <AsyncCreatableSelect<Option>
          inputId={projectId}
          defaultOptions
          cacheOptions
          loadOptions={loadProjects}
          value={
            projectKey
              ? { label: projectName ? `${projectName} (${projectKey})` : projectKey, value: projectKey }
              : null
          }
          onChange={(o) => {
            if (!o) return;
            setProjectName(/^(.*) \([^()]+\)$/.exec(o.label)?.[1]);
            props.onChange({ projectKey: o.value, roleName: '' });
          }}
          onCreateOption={(key) => {
            setProjectName(undefined);
            props.onChange({ projectKey: key.trim().toUpperCase(), roleName: '' });
          }}
          formatCreateLabel={(key) => `Use project key “${key.trim().toUpperCase()}”`}
          placeholder="Search for a project"
          {...portal}
        />
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <label htmlFor={roleId} style={srOnly}>
          {props.labelPrefix} project role
        </label>
        <CreatableSelect<Option>
          inputId={roleId}
          isDisabled={!projectKey}
          isLoading={roles.state === 'loading'}
          options={roleOptions}
          value={roleName ? { label: roleName, value: roleName } : null}
          onChange={(o) => o && props.onChange({ projectKey, roleName: o.value })}
          onCreateOption={(name) => props.onChange({ projectKey, roleName: name.trim() })}
          formatCreateLabel={(name) => `Use role “${name.trim()}”`}
          placeholder={
            projectKey ? (roles.state === 'listed' ? 'Choose a role' : 'Type the role name') : 'Choose a project first'
          }
          aria-describedby={roles.state === 'unavailable' ? hintId : undefined}
          {...portal}
        />
        {roles.state === 'unavailable' && (
          <div
            id={hintId}
            style={{ font: token('font.body.small'), color: token('color.text.subtle'), marginTop: token('space.050') }}
          >
            Jira lists this project’s roles only to its admins: type the role name, e.g. Developers.
          </div>
        )}
      </div>
    </div>
  );
}
