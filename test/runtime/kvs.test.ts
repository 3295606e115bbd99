// The local KVS through the real @forge/kvs client: semantics, limits and the errors Forge returns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Filter, FilterConditions, ForgeKvsAPIError, kvs, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { startLocalForge } from '../../local/runtime';
import { UNDOCUMENTED_ANSWERS } from '../../local/runtime/kvs/errors';
import { FIXTURE_APP, Harness, startHarness, stopHarness } from './harness';

type Item = { name?: string; owner?: string; size?: number; score?: number; done?: boolean; tags?: unknown };

async function failure(promise: Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ForgeKvsAPIError) return e;
    throw e;
  }
  throw new Error('expected the KVS call to fail');
}

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await stopHarness(h);
});

describe('plain keys', () => {
  it('sets, gets and deletes JSON values of every kind', async () => {
    // given
    const values: unknown[] = ['text', 42, true, [1, 'two'], { nested: { deep: [null] } }];
    // when
    for (const [i, value] of values.entries()) await kvs.set(`k${i}`, value);
    // then
    for (const [i, value] of values.entries()) expect(await kvs.get(`k${i}`)).toEqual(value);
    await kvs.delete('k0');
    expect(await kvs.get('k0')).toBeUndefined();
    await expect(kvs.delete('never-set')).resolves.toBeUndefined();
  });

  it('returns metadata fields when asked', async () => {
    await kvs.set('meta', 'v');
    const result = await kvs.get('meta', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });
    expect(result).toEqual({ key: 'meta', value: 'v', createdAt: expect.any(Number), updatedAt: expect.any(Number) });
  });

  it('honours keyPolicy FAIL_IF_EXISTS and returnValue', async () => {
    // given
    await kvs.set('policy', 'first');
    // when
    const refused = await failure(kvs.set('policy', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }));
    const previous = await kvs.set('policy', 'third', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    const latest = await kvs.set('policy', 'fourth', { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' });
    // then
    expect(refused.code).toBe(UNDOCUMENTED_ANSWERS.keyExists.code);
    expect(refused.responseDetails.status).toBe(UNDOCUMENTED_ANSWERS.keyExists.status);
    expect(previous).toEqual({ key: 'policy', value: 'first' });
    expect(latest).toEqual({ key: 'policy', value: 'fourth' });
    await kvs.set('fresh', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await kvs.get('fresh')).toBe(1);
  });

  it.each([
    ['empty', '', 'KEY_TOO_SHORT'],
    ['blank', '   ', 'INVALID_KEY'],
    ['with a slash', 'a/b', 'INVALID_KEY'],
    ['non-ASCII', 'ключ', 'INVALID_KEY'],
    ['of 501 characters', 'x'.repeat(501), 'KEY_TOO_LONG'],
  ])('rejects a key %s with %s', async (_label, key, code) => {
    const error = await failure(kvs.set(key, 1));
    expect(error.code).toBe(code);
    expect(error.responseDetails.status).toBe(400);
  });

  it('words an empty key as each document does: too short for a plain key, empty for an entity', async () => {
    const plain = await failure(kvs.set('', 1));
    const entity = await failure(kvs.entity('job').set('', { structureId: 's', state: 'queued', createdAt: 1 }));
    expect([plain.code, plain.message]).toEqual([
      'KEY_TOO_SHORT',
      'The provided key needs to be more than one character.',
    ]);
    expect([entity.code, entity.message]).toEqual(['EMPTY_KEY', 'Key cannot be empty.']);
  });

  it('raises what @forge/kvs raises for a refused request: a ForgeKvsAPIError with the answer and the request', async () => {
    // when
    const error = await failure(kvs.set('bad/key', 1));
    // then
    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    expect(error.name).toBe('ForgeKvsError');
    expect(error.code).toBe('INVALID_KEY');
    expect(error.message).toBe('The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
    expect(error.responseDetails).toEqual({
      status: 400,
      statusText: 'Bad Request',
      traceId: expect.stringMatching(/^[0-9a-f]{16}$/),
      httpMethod: 'POST',
      httpPath: '/api/v1/set',
      responseBodyLength: expect.any(Number),
    });
  });

  it('accepts keys of 500 characters using every allowed character class', async () => {
    const key = `aZ09:._ -#${'y'.repeat(490)}`;
    await kvs.set(key, 'ok');
    expect(await kvs.get(key)).toBe('ok');
  });

  it('accepts a value of exactly 240 KiB and refuses one byte more', async () => {
    const limit = 240 * 1024;
    await kvs.set('big', 'x'.repeat(limit - 2)); // JSON adds the two quotes
    const error = await failure(kvs.set('bigger', 'x'.repeat(limit - 1)));
    expect([error.code, error.message]).toEqual([
      'MAX_SIZE',
      'The provided value has exceeded the maximum size limit.',
    ]);
    expect(error.context).toEqual({ bytes: limit + 1, maxBytes: limit });
    expect(await kvs.get('bigger')).toBeUndefined();
  });

  it('refuses values nested deeper than 32 levels', async () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 33; i++) deep = { d: deep };
    expect((await failure(kvs.set('deep', deep))).code).toBe('MAX_DEPTH');
  });

  it('lets values expire after their ttl', async () => {
    await kvs.set('short-lived', 'v', { ttl: { value: 1, unit: 'SECONDS' } });
    await kvs.set('long-lived', 'v', { ttl: { value: 1, unit: 'DAYS' } });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await kvs.get('short-lived')).toBeUndefined();
    expect(await kvs.get('long-lived')).toBe('v');
  });
});

describe('query', () => {
  beforeEach(async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`row:${String(i).padStart(3, '0')}`, i);
    await kvs.set('rowx', 'not matched');
    await kvs.set('other:1', 'other');
  });

  it('pages through keys that begin with a prefix, in key order, with a cursor', async () => {
    // when
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('row:')).limit(10);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany<number>();
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    // then
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `row:${String(i).padStart(3, '0')}`));
  });

  it('defaults to 10 results and returns values', async () => {
    const page = await kvs.query().where('key', WhereConditions.beginsWith('row:')).getMany<number>();
    expect(page.results).toHaveLength(10);
    expect(page.results[3]).toEqual({ key: 'row:003', value: 3 });
  });

  it.each([0, 101])('refuses a page limit of %i', async (limit) => {
    const error = await failure(kvs.query().limit(limit).getMany());
    expect(error.code).toBe('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
  });

  it('does not list secrets or entities', async () => {
    await kvs.setSecret('row:secret', 's3cr3t');
    await kvs.entity<Item>('item').set('row:entity', { name: 'e' });
    const page = await kvs.query().where('key', WhereConditions.beginsWith('row:')).limit(100).getMany();
    expect(page.results.map((r) => r.key)).not.toEqual(expect.arrayContaining(['row:secret', 'row:entity']));
    expect(page.results).toHaveLength(25);
  });
});

describe('secrets', () => {
  it('keeps secrets apart from plain keys', async () => {
    await kvs.setSecret('token', 'secret-value');
    await kvs.set('token', 'plain-value');
    expect(await kvs.getSecret('token')).toBe('secret-value');
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
    expect(await kvs.get('token')).toBe('plain-value');
  });
});

describe('batches', () => {
  it('sets, gets and deletes in batches, reporting failed items separately', async () => {
    // when
    const set = await kvs.batchSet<unknown>([
      { key: 'b1', value: 1 },
      { key: 'b2', value: { two: 2 } },
      { key: 'bad/key', value: 3 },
      { key: 'e1', value: { name: 'entity' }, entityName: 'item' },
      { key: 'e2', value: { size: 'not an integer' }, entityName: 'item' },
    ]);
    const got = await kvs.batchGet([
      { key: 'b1' },
      { key: 'b2' },
      { key: 'missing' },
      { key: 'e1', entityName: 'item' },
    ]);
    const deleted = await kvs.batchDelete([{ key: 'b1' }, { key: 'e1', entityName: 'item' }]);
    // then
    expect(set.successfulKeys).toEqual([{ key: 'b1' }, { key: 'b2' }, { key: 'e1', entityName: 'item' }]);
    expect(set.failedKeys.map((f) => [f.key, f.error.code])).toEqual([
      ['bad/key', 'INVALID_KEY'],
      ['e2', 'INVALID_ENTITY_VALUE'],
    ]);
    expect(got.successfulKeys.map((s) => [s.key, s.value])).toEqual([
      ['b1', 1],
      ['b2', { two: 2 }],
      ['e1', { name: 'entity' }],
    ]);
    expect(got.failedKeys.map((f) => [f.key, f.error.code])).toEqual([['missing', 'KEY_NOT_FOUND']]);
    expect(deleted.successfulKeys).toHaveLength(2);
    expect(await kvs.get('b1')).toBeUndefined();
    expect(await kvs.entity('item').get('e1')).toBeUndefined();
  });

  it('refuses a batch of more than 25 items', async () => {
    const items = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
    expect((await failure(kvs.batchSet(items))).code).toBe(UNDOCUMENTED_ANSWERS.tooManyBatchItems.code);
    expect(await kvs.get('k0')).toBeUndefined();
  });
});

describe('custom entities', () => {
  const items = kvs.entity<Item>('item');

  beforeEach(async () => {
    const rows: Array<[string, Item]> = [
      ['i1', { name: 'alpha', owner: 'ann', size: 3, score: 0.5, done: true, tags: ['x'] }],
      ['i2', { name: 'beta', owner: 'ann', size: 1, score: 1.5, done: false, tags: ['y'] }],
      ['i3', { name: 'gamma', owner: 'bob', size: 2, score: 2.5, done: true }],
      ['i4', { name: 'delta', owner: 'ann', size: 7, score: 3.5, done: true, tags: ['x', 'y'] }],
      ['i5', { name: 'alpine', owner: 'ann', size: 5, done: false }],
      ['i6', { owner: 'ann' }], // no name, no size: in no range index
    ];
    for (const [key, value] of rows) await items.set(key, value);
  });

  it('gets, sets and deletes entity values', async () => {
    expect(await items.get('i3')).toEqual({ name: 'gamma', owner: 'bob', size: 2, score: 2.5, done: true });
    await items.delete('i3');
    expect(await items.get('i3')).toBeUndefined();
    expect(await kvs.get('i1')).toBeUndefined(); // entities are not plain keys
  });

  it.each([
    [{ size: 1.5 }, 'integer'],
    [{ name: 3 }, 'string'],
    [{ done: 'yes' }, 'boolean'],
    [{ unknown: 1 }, 'not declared'],
  ])('refuses the value %j (%s)', async (value, reason) => {
    const error = await failure(items.set('bad', value as Item));
    expect(error.code).toBe('INVALID_ENTITY_VALUE');
    expect(error.message).toContain(reason);
  });

  it('refuses entities the manifest does not declare', async () => {
    expect((await failure(kvs.entity('nope').set('k', {}))).code).toBe('INVALID_ENTITY_TYPE');
  });

  it('queries an index within a partition, sorted by its range attribute', async () => {
    const page = await items
      .query()
      .index('by-owner', { partition: ['ann'] })
      .getMany();
    expect(page.results.map((r) => r.key)).toEqual(['i2', 'i1', 'i5', 'i4']);
    const desc = await items
      .query()
      .index('by-owner', { partition: ['ann'] })
      .sort(Sort.DESC)
      .getMany();
    expect(desc.results.map((r) => r.key)).toEqual(['i4', 'i5', 'i1', 'i2']);
  });

  it('applies range conditions to the range attribute', async () => {
    const keys = async (
      where: Parameters<ReturnType<ReturnType<typeof items.query>['index']>['where']>[0],
    ): Promise<string[]> =>
      (
        await items
          .query()
          .index('by-owner', { partition: ['ann'] })
          .where(where)
          .getMany()
      ).results.map((r) => r.key);
    expect(await keys(WhereConditions.between(2, 5))).toEqual(['i1', 'i5']);
    expect(await keys(WhereConditions.greaterThan(3))).toEqual(['i5', 'i4']);
    expect(await keys(WhereConditions.lessThanEqualTo(3))).toEqual(['i2', 'i1']);
    expect(await keys(WhereConditions.equalTo(7))).toEqual(['i4']);
    const byName = await items.query().index('name').where(WhereConditions.beginsWith('alp')).getMany();
    expect(byName.results.map((r) => r.key)).toEqual(['i1', 'i5']);
  });

  it('filters with and/or conditions', async () => {
    const and = await items
      .query()
      .index('by-owner', { partition: ['ann'] })
      .filters(
        new Filter<Item>().and('done', FilterConditions.equalTo(true)).and('tags', FilterConditions.contains('x')),
      )
      .getMany();
    expect(and.results.map((r) => r.key)).toEqual(['i1', 'i4']);
    const or = await items
      .query()
      .index('name')
      .filters(new Filter<Item>().or('size', FilterConditions.lessThan(2)).or('score', FilterConditions.notExists()))
      .getMany();
    expect(or.results.map((r) => r.key).sort()).toEqual(['i2', 'i5']);
  });

  it('pages with a cursor; filters apply per page, as in Forge', async () => {
    // when
    const first = await items
      .query()
      .index('by-owner', { partition: ['ann'] })
      .filters(new Filter<Item>().and('done', FilterConditions.equalTo(false)))
      .limit(2)
      .getMany();
    const second = await items
      .query()
      .index('by-owner', { partition: ['ann'] })
      .filters(new Filter<Item>().and('done', FilterConditions.equalTo(false)))
      .limit(2)
      .cursor(first.nextCursor as string)
      .getMany();
    // then: i2 (size 1) and i1 (size 3) are read first; only i2 passes the filter
    expect(first.results.map((r) => r.key)).toEqual(['i2']);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second.results.map((r) => r.key)).toEqual(['i5']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('explains bad queries with Forge error codes', async () => {
    expect((await failure(items.query().index('missing').getMany())).code).toBe('INVALID_ENTITY_INDEX');
    expect((await failure(items.query().index('by-owner').getMany())).code).toBe('BAD_REQUEST');
    expect((await failure(items.query().index('name').limit(101).getMany())).code).toBe(
      'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
    );
    const between = { condition: 'BETWEEN', values: [1] } as unknown as ReturnType<typeof WhereConditions.between>;
    expect((await failure(items.query().index('name').where(between).getMany())).code).toBe(
      'INSUFFICIENT_FILTER_VALUES',
    );
  });
});

describe('transactions', () => {
  type Job = { structureId: string; state: string; createdAt: number };
  const queued = (): Filter<Job> =>
    new Filter<Job>().and('state', FilterConditions.equalTo('queued')) as unknown as Filter<Job>;

  it('applies sets, deletes and checks together', async () => {
    // given
    await kvs.set('to-delete', 1);
    await kvs.entity<Job>('job').set('j1', { structureId: 's1', state: 'queued', createdAt: 1 });
    // when
    await kvs
      .transact()
      .set('plain', 'v')
      .set('j2', { structureId: 's1', state: 'queued', createdAt: 2 }, { entityName: 'job' })
      .delete('to-delete')
      .check('j1', {
        entityName: 'job',
        conditions: new Filter<Job>().and('state', FilterConditions.equalTo('queued')),
      })
      .execute();
    // then
    expect(await kvs.get('plain')).toBe('v');
    expect(await kvs.entity('job').get('j2')).toEqual({ structureId: 's1', state: 'queued', createdAt: 2 });
    expect(await kvs.get('to-delete')).toBeUndefined();
  });

  it('applies nothing when one condition fails', async () => {
    // given
    await kvs.entity<Job>('job').set('j1', { structureId: 's1', state: 'running', createdAt: 1 });
    await kvs.set('untouched', 'before');
    // when
    const error = await failure(
      kvs
        .transact()
        .set('untouched', 'after')
        .set('j9', { structureId: 's1', state: 'queued', createdAt: 9 }, { entityName: 'job' })
        .set(
          'j1',
          { structureId: 's1', state: 'done', createdAt: 1 },
          { entityName: 'job', conditions: queued() as never },
        )
        .execute(),
    );
    // then
    expect([error.responseDetails.status, error.code]).toEqual([
      UNDOCUMENTED_ANSWERS.conditionFailed.status,
      UNDOCUMENTED_ANSWERS.conditionFailed.code,
    ]);
    expect(error.responseDetails.httpPath).toBe('/api/v1/transaction');
    expect(await kvs.get('untouched')).toBe('before');
    expect(await kvs.entity('job').get('j9')).toBeUndefined();
    expect(await kvs.entity<Job>('job').get('j1')).toMatchObject({ state: 'running' });
  });

  it('fails a check on an item that does not exist', async () => {
    const error = await failure(
      kvs
        .transact()
        .set('x', 1)
        .check('ghost', { entityName: 'job', conditions: new Filter<Job>().and('state', FilterConditions.exists()) })
        .execute(),
    );
    expect(error.code).toBe(UNDOCUMENTED_ANSWERS.conditionFailed.code);
    expect(await kvs.get('x')).toBeUndefined();
  });

  it('refuses more than 25 operations', async () => {
    const tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx.set(`t${i}`, i);
    expect((await failure(tx.execute())).code).toBe(UNDOCUMENTED_ANSWERS.tooManyOperations.code);
    expect(await kvs.get('t0')).toBeUndefined();
    const ok = kvs.transact();
    for (let i = 0; i < 25; i++) ok.set(`t${i}`, i);
    await ok.execute();
    expect(await kvs.get('t24')).toBe(24);
  });

  it('refuses the same key twice', async () => {
    const error = await failure(kvs.transact().set('dup', 1).delete('dup').execute());
    expect(error.code).toBe(UNDOCUMENTED_ANSWERS.duplicateKeys.code);
  });

  it('refuses more than 4 MB in one transaction', async () => {
    const chunk = 'c'.repeat(240 * 1024 - 2);
    const tx = kvs.transact();
    for (let i = 0; i < 18; i++) tx.set(`chunk${i}`, chunk);
    expect((await failure(tx.execute())).code).toBe(UNDOCUMENTED_ANSWERS.payloadTooLarge.code);
    expect(await kvs.get('chunk0')).toBeUndefined();
  });

  it('checks keys and values of every operation', async () => {
    expect((await failure(kvs.transact().set('ok', 1).set('bad key!', 2).execute())).code).toBe('INVALID_KEY');
    expect((await failure(kvs.transact().set('j', { state: 7 }, { entityName: 'job' }).execute())).code).toBe(
      'INVALID_ENTITY_VALUE',
    );
    expect(await kvs.get('ok')).toBeUndefined();
  });
});

describe('usage metering', () => {
  it('counts requests in 10 KB units; a transaction is one write request', async () => {
    // given
    h.rt.kvs.resetUsage();
    // when
    await kvs.set('small', 'v');
    await kvs.set('large', 'x'.repeat(25 * 1024));
    await kvs.transact().set('a', 1).set('b', 2).set('c', 3).execute();
    await kvs.get('large');
    // then
    const usage = h.rt.kvs.usage();
    expect(usage.writeRequests).toBe(3);
    expect(usage.writeUnits).toBe(1 + 3 + 1);
    expect(usage.readRequests).toBe(1);
    expect(usage.readUnits).toBe(3);
  });
});

describe('storage file', () => {
  it('keeps data in the SQLite file across runtimes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'local-forge-'));
    try {
      const file = path.join(dir, 'kvs.sqlite');
      const first = await startLocalForge({ appDir: FIXTURE_APP, kvsFile: file });
      await kvs.set('persisted', { v: 1 });
      await kvs.entity<Item>('item').set('p1', { name: 'kept' });
      await first.close();
      const second = await startLocalForge({ appDir: FIXTURE_APP, kvsFile: file });
      expect(await kvs.get('persisted')).toEqual({ v: 1 });
      expect(await kvs.entity('item').get('p1')).toEqual({ name: 'kept' });
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
