// Whose change a Jira event is, for the cycle guard: a person's (which ends a loop) or another app's — an
// automation rule acts as "Automation for Jira", an account of type `app` — which takes part in one. Jira
// tells the account's type once (1 request, one user object); the answer is kept, since an account's type
// never changes. When Jira cannot tell, the change counts as a person's, as it did before the guard knew
// of apps: a stop must never come from a guess.
import { getUserAccount } from '../../jira/metadata';
import type { ActorKind, InstalledSynchronizerRepository } from '../../storage';
import { createInvocation } from '../invocation';

export async function actorKindOf(
  repo: InstalledSynchronizerRepository,
  accountId: string,
  askAs: string,
): Promise<ActorKind> {
  const known = await repo.getActorKind(accountId);
  if (known) return known;
  try {
    const account = await getUserAccount(createInvocation(askAs).jira, accountId);
    if (!account) return { kind: 'person', name: accountId };
    const kind: ActorKind = {
      kind: account.accountType === 'app' ? 'app' : 'person',
      name: account.displayName ?? accountId,
    };
    await repo.putActorKind(accountId, kind);
    return kind;
  } catch {
    return { kind: 'person', name: accountId };
  }
}
