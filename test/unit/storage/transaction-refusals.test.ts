// How a refused KVS transaction reaches the app. Forge does not publish what it answers for a failed
// condition, so the app must not care: whatever status and code the storage service picks for it, a
// write computed from an older version becomes TransactionConditionFailed, and every other refusal,
// rate limit or server error stays the ForgeKvsAPIError @forge/kvs raised.
import { ForgeKvsAPIError } from '@forge/kvs';
import type { LocalForge } from '../../../local/runtime';
import { UNDOCUMENTED_ANSWERS } from '../../../local/runtime/kvs/errors';
import {
  ForestRepository,
  KvsWriteMeter,
  runTransaction,
  TransactionConditionFailed,
  type ForestHeader,
} from '../../../src/storage';
import { startKvs } from './local-kvs';

let rt: LocalForge;
beforeAll(async () => {
  rt = await startKvs();
});
afterAll(async () => rt?.close());
afterEach(() => {
  rt.kvs.undocumented.conditionFailed = { ...UNDOCUMENTED_ANSWERS.conditionFailed };
});

let n = 0;
async function givenForestMovedOn(): Promise<{ repo: ForestRepository; header: ForestHeader }> {
  const meter = new KvsWriteMeter();
  const repo = new ForestRepository(meter);
  const structureId = `refusals-${++n}`;
  await runTransaction([repo.emptyHeaderOp(structureId, 1)], meter);
  const header = (await repo.getHeader(structureId)) as ForestHeader;
  await repo.replace(header, ['someone else'], 1, 'edit', 2);
  return { repo, header };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the transaction to be refused');
}

describe('a refused transaction', () => {
  it.each([
    ['as the local KVS does by default', UNDOCUMENTED_ANSWERS.conditionFailed],
    ['with 400 and another code', { status: 400, code: 'TRANSACTION_CANCELLED' }],
    ['with 412', { status: 412, code: 'PRECONDITION_FAILED' }],
    ['with 409 and no hint in the code', { status: 409, code: 'CONFLICT' }],
  ])('whose condition no longer holds is a condition failure, answered %s', async (_, answer) => {
    // given
    rt.kvs.undocumented.conditionFailed = answer;
    const { repo, header } = await givenForestMovedOn();
    // when
    const error = await refusal(repo.replace(header, ['stale'], 1, 'job', 3));
    // then
    expect(error).toBeInstanceOf(TransactionConditionFailed);
    expect((error as TransactionConditionFailed).failedOperationIndex).toBe(1);
  });

  it.each([
    ['a rate limit (429)', { status: 429, code: 'RATE_LIMIT_EXCEEDED' }],
    ['a server error (503)', { status: 503, code: 'SERVICE_UNAVAILABLE' }],
  ])('is left to the platform when the answer is %s, even if the condition failed', async (_, answer) => {
    // given
    rt.kvs.undocumented.conditionFailed = answer;
    const { repo, header } = await givenForestMovedOn();
    // when
    const error = await refusal(repo.replace(header, ['stale'], 1, 'job', 3));
    // then
    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    expect(error).toMatchObject({ code: answer.code, responseDetails: { status: answer.status } });
  });

  it('whose conditions all hold is the refusal it was: a value too large stays MAX_SIZE', async () => {
    // given
    const meter = new KvsWriteMeter();
    const repo = new ForestRepository(meter);
    await runTransaction([repo.emptyHeaderOp('refusals-big', 1)], meter);
    const header = (await repo.getHeader('refusals-big')) as ForestHeader;
    // when
    const error = await refusal(repo.replace(header, ['x'.repeat(240 * 1024)], 1, 'job', 2));
    // then
    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    expect(error).toMatchObject({
      code: 'MAX_SIZE',
      message: 'The provided value has exceeded the maximum size limit.',
      responseDetails: { status: 400, httpPath: '/api/v1/transaction' },
    });
    expect(await repo.getHeader('refusals-big')).toEqual(header);
  });

  it('with a bad key is the refusal it was: INVALID_KEY', async () => {
    // when
    const error = await refusal(runTransaction([{ kind: 'set', key: 'no/slashes', value: 1 }], new KvsWriteMeter()));
    // then
    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    expect(error).toMatchObject({ code: 'INVALID_KEY', responseDetails: { status: 400 } });
  });

  it('with too many operations never reaches Forge: the app counts them first', async () => {
    const ops = Array.from({ length: 26 }, (_, i) => ({ kind: 'set' as const, key: `many-${i}`, value: i }));
    await expect(runTransaction(ops, new KvsWriteMeter())).rejects.toThrow(
      new RangeError('A transaction takes at most 25 operations, got 26'),
    );
  });
});
