import { useState } from 'react';
import { Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import type { AppErrorDto, AppSettings } from '../../../../src/contract';
import { useServices } from '../api/ServicesContext';
import { ErrorMessage } from './ErrorMessage';

/**
 * "Advanced configuration and dark features": the Synchronizers switch. Off by default, as in
 * Structure for Jira, which hides synchronizers and recommends Automation. Pages show it only to Jira
 * admins (settings.canChange, decided by the server); the read-only state is for a settings answer
 * that says otherwise (the admin page is Jira admins' only).
 */
export function SynchronizersSetting(props: { settings: AppSettings; onChanged: (settings: AppSettings) => void }) {
  const { invoke } = useServices();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorDto | undefined>();
  const { settings } = props;

  const toggle = async () => {
    setSaving(true);
    setError(undefined);
    const answer = await invoke('setSettings', { synchronizersEnabled: !settings.synchronizersEnabled });
    setSaving(false);
    if (answer.ok) props.onChanged(answer.data);
    else setError(answer.error);
  };

  return (
    <section
      aria-labelledby="dark-features-heading"
      style={{
        marginTop: token('space.400'),
        padding: token('space.300'),
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.large', '8px'),
        background: token('elevation.surface.raised'),
      }}
    >
      <Heading size="medium" as="h2" id="dark-features-heading">
        Advanced configuration and dark features
      </Heading>
      <div style={{ marginTop: token('space.200') }}>
        <SectionMessage appearance="discovery" title="Dark feature – Synchronizers are hidden by default">
          <p>
            Synchronizers fill and rearrange structures from Jira data (import) or change Jira from a structure
            (export). They are hidden by default: turning them on shows the Import and Export operations to users with
            control on a structure. We recommend Automation as the alternative for keeping structures up to date.
          </p>
        </SectionMessage>
      </div>
      {error && <ErrorMessage error={error} title="The setting was not changed" />}
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), marginTop: token('space.200') }}>
        {settings.canChange ? (
          <>
            <Toggle
              id="synchronizers-enabled"
              isChecked={settings.synchronizersEnabled}
              isDisabled={saving}
              onChange={() => void toggle()}
              testId="synchronizers-toggle"
            />
            <Label htmlFor="synchronizers-enabled">Synchronizers enabled</Label>
          </>
        ) : (
          <>
            <span id="synchronizers-state-label">Synchronizers:</span>
            <span aria-labelledby="synchronizers-state-label" data-testid="synchronizers-state">
              <Lozenge appearance={settings.synchronizersEnabled ? 'success' : 'default'}>
                {settings.synchronizersEnabled ? 'On' : 'Off'}
              </Lozenge>
            </span>
            <span style={{ color: token('color.text.subtlest') }}>Only Jira admins can change this setting.</span>
          </>
        )}
      </div>
    </section>
  );
}
