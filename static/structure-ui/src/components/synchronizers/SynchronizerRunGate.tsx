import type { ReactNode } from 'react';
import SectionMessage from '@atlaskit/section-message';
import type { Direction, StructureDetails, SynchronizerInfo } from '../../../../../src/contract';
import { atLeast } from '../../api/permissions';
import { useResolver } from '../../api/useResolver';
import { RouteLink } from '../../routing/RouteLink';
import { ErrorMessage } from '../ErrorMessage';
import { Loading } from '../Loading';
import { PageLayout } from '../PageLayout';
import { structureCrumbs } from '../StructureGate';
import { RUN_GATE_WORDS } from './runGateWords';

/**
 * The frame and the refusals Import and Export share: a one-off run needs control, synchronizers
 * turned on and at least one synchronizer that goes the page's way. Only then does the page render
 * its editor, with the synchronizers that support its direction.
 */
export function SynchronizerRunGate(props: {
  structure: StructureDetails;
  direction: Direction;
  children: (synchronizers: SynchronizerInfo[]) => ReactNode;
}) {
  const { structure, direction } = props;
  const words = RUN_GATE_WORDS[direction];
  const synchronizers = useResolver('listSynchronizers', {});
  const settings = useResolver('getSettings', {});
  const frame = (children: ReactNode) => (
    <PageLayout
      title={words.title}
      windowTitle={`${words.title} · ${structure.name}`}
      breadcrumbs={structureCrumbs(structure, words.title)}
      description={words.description(structure.name)}
      actions={<RouteLink to={{ page: 'jobs', structureId: structure.id }}>Job history</RouteLink>}
    >
      {children}
    </PageLayout>
  );
  if (!atLeast(structure.level, 'control')) {
    return frame(
      <ErrorMessage
        title={words.cannot}
        error={{
          code: 'PERMISSION_LEVEL',
          message: `${words.title} needs control on the structure; you have ${structure.level}.`,
          needed: 'control',
        }}
      />,
    );
  }
  // Whether synchronizers are on decides what the page may offer: a failed check is shown with a retry,
  // never taken for "on" or "off".
  if (settings.state.status === 'loading') return frame(<Loading label="Checking the app settings" />);
  if (settings.state.status === 'error') {
    return frame(
      <ErrorMessage
        error={settings.state.error}
        title="Whether synchronizers are on could not be checked"
        onRetry={settings.reload}
      />,
    );
  }
  if (!settings.state.data.synchronizersEnabled) {
    return frame(
      <ErrorMessage
        title="Synchronizers are turned off"
        error={{
          code: 'SYNCHRONIZERS_DISABLED',
          message: `${words.title} runs a synchronizer, and synchronizers are turned off on this site.`,
        }}
      />,
    );
  }
  if (synchronizers.state.status === 'loading') return frame(<Loading label="Loading synchronizers" />);
  if (synchronizers.state.status === 'error') {
    return frame(
      <ErrorMessage
        error={synchronizers.state.error}
        title="Synchronizers could not be loaded"
        onRetry={synchronizers.reload}
      />,
    );
  }
  const usable = synchronizers.state.data.synchronizers.filter((s) => s.directions.includes(direction));
  if (usable.length === 0) {
    return frame(
      <SectionMessage appearance="information" title={words.noneTitle}>
        <p>{words.noneText}</p>
      </SectionMessage>,
    );
  }
  return frame(props.children(usable));
}
