import Lozenge from '@atlaskit/lozenge';
import type { PermissionLevel } from '../../../../src/contract';

const appearance = {
  none: 'removed',
  view: 'default',
  edit: 'inprogress',
  automate: 'new',
  control: 'success',
} as const;

export function LevelLozenge(props: { level: PermissionLevel }) {
  return <Lozenge appearance={appearance[props.level]}>{props.level}</Lozenge>;
}
