// Job log lines name people by display name: read once per invocation, the account id when Jira
// does not know the account or does not answer.
import { createInvocation } from '../../../../src/app';
import { displayNameOf } from '../../../../src/app/names/display-name';
import { answer, fakeTransport } from '../../jira/fake-transport';

describe('displayNameOf', () => {
  it('reads the display name once per invocation and account', async () => {
    // given
    const jira = fakeTransport(answer(200, { accountId: 'acc-olivia', displayName: 'Olivia Owner' }));
    const inv = createInvocation('acc-olivia', { transport: jira.transport });
    // when
    const names = [await displayNameOf(inv, 'acc-olivia'), await displayNameOf(inv, 'acc-olivia')];
    // then
    expect(names).toEqual(['Olivia Owner', 'Olivia Owner']);
    expect(jira.requests.map((r) => r.path)).toEqual(['/rest/api/3/user?accountId=acc-olivia']);
  });

  it.each([
    [
      'Jira does not know the account',
      answer(404, { errorMessages: ['Specified user does not exist or you do not have required permissions'] }),
    ],
    ['Jira answers without a name', answer(200, { accountId: 'acc-gone' })],
    ['Jira refuses the caller', answer(403, { errorMessages: ['Forbidden'] })],
  ])('shows the account id when %s', async (_why, reply) => {
    // given
    const inv = createInvocation('acc-olivia', {
      transport: fakeTransport(reply).transport,
      retry: { maxAttempts: 1 },
    });
    // when / then
    expect(await displayNameOf(inv, 'acc-gone')).toBe('acc-gone');
  });
});
