import { defineSynchronizer } from '../../domain/synchronizers/types';
import { StatusRollupParams } from './params';

export { StatusRollupParams, StatusTransitions } from './params';
export type { StatusRollupParamsInput } from './params';

export const statusRollupSynchronizer = defineSynchronizer<StatusRollupParams, never>({
  key: 'status-rollup',
  label: 'Status Rollup',
  description:
    'Moves each parent to a status decided by its children in the structure — the earliest of the listed statuses — through the workflow’s transitions.',
  directions: ['export'],
  params: StatusRollupParams,
});
