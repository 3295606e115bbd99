// The Links synchronizer: import and export. People read its link type by name ("Blocks"), not id.
import { linkTypeNameOf } from '../../app/names/link-type-name';
import { defineModule } from '../module';
import { linksExport } from './export';
import { linksImport } from './import';
import { linksSynchronizer } from './synchronizer';

export const linksModule = defineModule({
  synchronizer: linksSynchronizer,
  import: linksImport,
  export: linksExport,
  async names(inv, params): Promise<Record<string, string>> {
    const name = typeof params.linkTypeId === 'string' ? await linkTypeNameOf(inv, params.linkTypeId) : undefined;
    return name !== undefined ? { linkType: name } : {};
  },
  summary: (p, names) =>
    `Link type ${names.linkType !== undefined ? `“${names.linkType}”` : String(p.linkTypeId)}, parent is the ${String(p.parentEnd ?? 'inward')} issue, scope ${String(p.scope ?? 'structure')}${p.parentJql ? `, parents: ${String(p.parentJql)}` : ''}${p.childJql ? `, sub-issues: ${String(p.childJql)}` : ''}`,
  // Link events of its type; issue events of issues in the structure (a filter may now fail).
  interest(p) {
    const linkType = p.linkType as Record<string, unknown> | string | undefined;
    const linkTypeId =
      typeof p.linkTypeId === 'string'
        ? p.linkTypeId
        : typeof linkType === 'object' && linkType !== null && typeof linkType.id === 'string'
          ? linkType.id
          : undefined;
    const scope = p.scope === 'structure' || p.scope === 'expand' || p.scope === 'all' ? p.scope : undefined;
    return { on: 'links-of-type', linkTypeId, scope };
  },
});
