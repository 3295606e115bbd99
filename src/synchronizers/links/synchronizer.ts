import { defineSynchronizer } from '../../domain/synchronizers/types';
import { LinksImportData } from './data';
import { LinksParams } from './params';
import { planLinksImport } from './plan-import';

export { LinksParams, MAX_LINK_LEVELS } from './params';
export type { LinksParamsInput } from './params';
export type { LinksImportData, LinksIssueFacts } from './data';
export { planLinksImport, linksImportVisibilityQuestions, linksModel } from './plan-import';
export type { LinksImportInput } from './plan-import';

export const linksSynchronizer = defineSynchronizer<LinksParams, LinksImportData>({
  key: 'links',
  label: 'Links',
  description:
    'Builds the hierarchy from issue links of one type: linked issues go under the issue at the parent end, level by level.',
  directions: ['import', 'export'],
  params: LinksParams,
  planImport: ({ forest, params, data, visible }) => planLinksImport({ forest, params, data, visible }),
});
