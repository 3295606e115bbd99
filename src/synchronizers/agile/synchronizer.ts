import { defineSynchronizer } from '../../domain/synchronizers/types';
import { AgileImportData } from './data';
import { AgileParams } from './params';
import { planAgileImport } from './plan-import';

export { AgileParams, AgileSource } from './params';
export type { AgileParamsInput } from './params';
export type { AgileImportData, AgileIssueFacts } from './data';
export { planAgileImport, agileImportVisibilityQuestions, agileModel } from './plan-import';
export type { AgileImportInput } from './plan-import';

export const agileSynchronizer = defineSynchronizer<AgileParams, AgileImportData>({
  key: 'agile',
  label: 'Agile',
  description:
    'Arranges a board’s issues (or projects’ issues) in rank order, grouped under their epics, optionally with sub-tasks.',
  directions: ['import', 'export'],
  params: AgileParams,
  planImport: ({ forest, params, data, visible }) => planAgileImport({ forest, params, data, visible }),
});
