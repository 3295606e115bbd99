// The Links export: read the facts of every issue in the structure with their links, and the issues
// matching the parent / sub-issue filters; create the links the structure implies and delete those of
// the type that contradict it, where the scope allows.
import { planLinksExport } from '../../domain/export';
import type { IssueId } from '../../domain/forest';
import { factsStep } from '../../app/export/gather';
import type { ExportSpec, GatherStep } from '../../app/export/spec';
import type { LinksParams } from './params';

/** The ids matching the parent or the sub-issue filter, 5000 a call. */
function matchStep(which: 'parent' | 'child'): GatherStep<LinksParams> {
  return async (jira, ctx, at) => {
    const jql = (which === 'parent' ? ctx.params.parentJql : ctx.params.childJql) ?? '';
    const page = await jira.searchIds(jql, at.nextPageToken);
    return {
      page: { facts: [], match: { which, ids: page.ids } },
      done: page.nextPageToken === undefined,
      at: { nextPageToken: page.nextPageToken },
    };
  };
}

export const linksExport: ExportSpec<LinksParams> = {
  gather: (params) => [
    factsStep({ links: true }),
    ...(params.parentJql !== undefined ? [matchStep('parent')] : []),
    ...(params.childJql !== undefined ? [matchStep('child')] : []),
  ],
  plan({ params, forest, facts, parentMatch, childMatch, names }) {
    const links = planLinksExport({
      forest,
      facts,
      linkTypeId: params.linkTypeId,
      ...(names.linkType !== undefined ? { linkTypeName: names.linkType } : {}),
      parentEnd: params.parentEnd,
      scope: params.scope,
      ...(parentMatch ? { parentMatches: (id: IssueId) => parentMatch.has(id) } : {}),
      ...(childMatch ? { childMatches: (id: IssueId) => childMatch.has(id) } : {}),
    });
    return { plan: { links }, warnings: [...links.warnings] };
  },
  linksWording: (params, names) =>
    names.linkType !== undefined ? ` of type “${names.linkType}”` : ` of type ${params.linkTypeId}`,
};
