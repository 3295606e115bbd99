import { listSynchronizers } from '../../../src/app/synchronizers';
import type { JobDto, StructureDetails, SynchronizerInfo } from '../../../src/contract';

export const alice = 'acc-alice';
export const bob = 'acc-bob';

export function givenStructure(overrides: Partial<StructureDetails> = {}): StructureDetails {
  return {
    id: 's1',
    name: 'Release 1',
    description: 'Everything in the first release',
    ownerAccountId: alice,
    level: 'control',
    rowCount: 3,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    rules: [],
    forestVersion: 1,
    ...overrides,
  };
}

/** The Filter synchronizer exactly as the backend's listSynchronizers describes it. */
export const filterSynchronizer: SynchronizerInfo = listSynchronizers().synchronizers.find((s) => s.key === 'filter')!;

/** Another synchronizer's schema with other names (`placement.type`), to show the form is generated, not hard-wired. */
export const otherParamsSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    source: {
      oneOf: [
        {
          type: 'object',
          properties: { type: { type: 'string', const: 'jql' }, jql: { type: 'string', minLength: 1 } },
          required: ['type', 'jql'],
        },
        {
          type: 'object',
          properties: { type: { type: 'string', const: 'filter' }, filterId: { type: 'string', minLength: 1 } },
          required: ['type', 'filterId'],
        },
      ],
    },
    placement: {
      oneOf: [
        { type: 'object', properties: { type: { type: 'string', const: 'top' } }, required: ['type'] },
        {
          type: 'object',
          properties: {
            type: { type: 'string', const: 'under' },
            issueKey: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*-\\d+$' },
          },
          required: ['type', 'issueKey'],
        },
      ],
    },
    allowMove: { type: 'boolean', default: false },
    remove: { type: 'boolean', default: false },
    removeOnlyWhereAdded: { type: 'boolean', default: false },
    doubleCheckSubIssues: { type: 'boolean', default: false },
  },
  required: ['source', 'placement'],
};

export const otherSynchronizer: SynchronizerInfo = {
  key: 'other',
  label: 'Other',
  description: 'A synchronizer described with other parameter names.',
  directions: ['import'],
  paramsSchema: otherParamsSchema,
  defaults: {},
};

export function givenJob(overrides: Partial<JobDto> = {}): JobDto {
  return {
    id: 'j1',
    kind: 'import',
    structureId: 's1',
    synchronizer: 'filter',
    params: {},
    startedBy: alice,
    state: 'queued',
    createdAt: '2026-11-01T10:00:00Z',
    progress: { phase: 'queued', done: 0 },
    log: [],
    cost: { jiraCalls: 0, jiraPoints: 0, kvsWrites: 0 },
    cancellable: true,
    ...overrides,
  };
}
