// When Jira accepts a query with a warning (its search/jql `warnings`, e.g. a list clause cut at 1000
// values), the user sees it: in the import preview's warnings and, once per query, in the job's log.
import type { JobDto } from '../../src/contract';
import { data, givenStructure, runImport, useSite } from './support/site';

const local = useSite();

// 1001 ids no issue has: Jira searches the first 1000 and warns that the clause was cut short.
const unknownIds = Array.from({ length: 1001 }, (_, n) => 900_000 + n).join(', ');
const params = { source: { kind: 'jql', jql: `project = OPS OR id in (${unknownIds})` }, add: { at: 'top' } };
const WARNING =
  "Jira accepted the query with a warning: The 'id in' clause has 1001 values, more than the maximum of 1000: only the first 1000 were searched.";

describe('search warnings', () => {
  it('are shown in the preview of an import whose JQL Jira accepted with a warning', async () => {
    // given
    const structure = await givenStructure(local.site);
    // when
    const preview = data(
      await local.site.invokeAs('olivia', 'previewImport', {
        structureId: structure.id,
        synchronizer: 'filter',
        params,
      }),
    );
    // then the preview still counts what the search found, and says what Jira warned about
    expect(preview).toMatchObject({ counts: { added: 4 }, complete: true });
    expect(preview.warnings).toEqual([WARNING]);
  });

  it('end up in the job log once, as a warning', async () => {
    // given
    const structure = await givenStructure(local.site);
    // when
    const job: JobDto = await runImport(local.site, 'olivia', structure.id, params);
    // then
    expect(job).toMatchObject({ state: 'finished', result: { added: 4 } });
    expect(job.log.filter((line) => line.message === WARNING)).toEqual([
      expect.objectContaining({ level: 'warn', message: WARNING }),
    ]);
  });

  it('are absent when Jira has nothing to say', async () => {
    // given
    const structure = await givenStructure(local.site);
    // when
    const job = await runImport(local.site, 'olivia', structure.id, {
      ...params,
      source: { kind: 'jql', jql: 'project = OPS' },
    });
    // then
    expect(job.log.filter((line) => line.level === 'warn')).toEqual([]);
  });
});
