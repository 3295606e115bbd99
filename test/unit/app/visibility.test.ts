// Visibility checks must survive a Jira that refuses `id in (...)` for ids it will not show.
import { visibleInBatch } from '../../../src/app/visibility';
import { JiraClient } from '../../../src/jira';
import { answer, fakeTransport } from '../jira/fake-transport';

const client = (...script: Parameters<typeof fakeTransport>) => {
  const fake = fakeTransport(...script);
  return { jira: new JiraClient(fake.transport, { sleep: async () => undefined }), requests: fake.requests };
};
const ids = (...n: number[]) => ({ issues: n.map((id) => ({ id: String(id), key: `K-${id}` })), isLast: true });

it('asks Jira once with id in (...) as the user', async () => {
  const { jira, requests } = client(answer(200, ids(1, 3)));
  expect(await visibleInBatch(jira, [1, 2, 3])).toEqual([1, 3]);
  expect(requests[0].body).toMatchObject({ jql: 'id in (1,2,3)', fields: ['id'] });
});

it('drops the ids Jira says do not exist and asks again', async () => {
  // given
  const { jira, requests } = client(
    answer(400, { errorMessages: ["An issue with key '2' does not exist for field 'id'."] }),
    answer(200, ids(1, 3)),
  );
  // when
  const visible = await visibleInBatch(jira, [1, 2, 3]);
  // then
  expect(visible).toEqual([1, 3]);
  expect(requests[1].body).toMatchObject({ jql: 'id in (1,3)' });
});

it('falls back to bulkfetch when Jira refuses without naming ids', async () => {
  const { jira, requests } = client(
    answer(400, { errorMessages: ['Something about the query.'] }),
    answer(200, { issues: [{ id: '3', key: 'K-3' }] }),
  );
  expect(await visibleInBatch(jira, [1, 3])).toEqual([3]);
  expect(requests[1].path).toBe('/rest/api/3/issue/bulkfetch');
});
