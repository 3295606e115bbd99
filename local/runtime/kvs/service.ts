// The Forge KVS / Custom Entity Store service: the operations behind `/api/v1/*`, with the request and
// response bodies @forge/kvs 1.6 sends and parses (node_modules/@forge/kvs/out/storage-api.js).
import {
  compareValues,
  FilterGroup,
  matchesFilterGroup,
  parseFilterGroup,
  Clause,
  matches,
  validateClause,
} from './conditions';
import { EntityDefinition, EntityRegistry, IndexDefinition } from './entities';
import {
  badRequest,
  KvsError,
  keyNotFound,
  UNDOCUMENTED_ANSWERS,
  type UndocumentedAnswer,
  type UndocumentedRefusal,
} from './errors';
import { encodeValue, KVS_LIMITS, validateKey, validatePageLimit } from './limits';
import { entityNamespace, PLAIN_NAMESPACE, SECRET_NAMESPACE, SqliteStore, StoredItem } from './sqlite-store';
import { UsageMeter } from './usage';

/** An answer of the service: HTTP status and JSON body (none for 204). */
export interface KvsAnswer {
  status: number;
  body?: unknown;
}

type Json = Record<string, unknown>;
type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';

const TTL_UNIT_MS: Record<string, number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

const ok = (body: unknown): KvsAnswer => ({ status: 200, body });
const noContent: KvsAnswer = { status: 204 };

function asObject(body: unknown): Json {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid');
  }
  return body as Json;
}

function ttlMs(options: unknown): number | undefined {
  const ttl = (options as { ttl?: { value?: unknown; unit?: unknown } } | undefined)?.ttl;
  if (ttl === undefined) return undefined;
  const unitMs = typeof ttl.unit === 'string' ? TTL_UNIT_MS[ttl.unit] : undefined;
  if (!unitMs || typeof ttl.value !== 'number' || !(ttl.value > 0)) {
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid: ttl needs a positive value and a unit');
  }
  return ttl.value * unitMs;
}

function itemBody(item: StoredItem, fields?: readonly MetadataField[]): Json {
  const all = fields === undefined;
  return {
    key: item.key,
    value: JSON.parse(item.json) as unknown,
    ...(all || fields.includes('CREATED_AT') ? { createdAt: item.createdAt } : {}),
    ...(all || fields.includes('UPDATED_AT') ? { updatedAt: item.updatedAt } : {}),
    ...((all || fields.includes('EXPIRE_TIME')) && item.expireAt !== null
      ? { expireTime: new Date(item.expireAt).toISOString() }
      : {}),
  };
}

const encodeCursor = (position: unknown): string => Buffer.from(JSON.stringify(position)).toString('base64url');

function decodeCursor<T>(cursor: unknown): T | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    return JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as T;
  } catch {
    throw badRequest('INVALID_CURSOR', 'The provided cursor is invalid.');
  }
}

interface Target {
  ns: string;
  entity?: EntityDefinition;
}

const keyKind = (target: Target): 'kvs' | 'entity' => (target.entity ? 'entity' : 'kvs');

interface IndexEntry {
  item: StoredItem;
  value: Json;
  range: unknown;
}

export class KvsService {
  /** Status and code of each refusal Forge does not publish (see errors.ts); tests may change them. */
  readonly undocumented: Record<UndocumentedRefusal, UndocumentedAnswer> = { ...UNDOCUMENTED_ANSWERS };

  constructor(
    private readonly store: SqliteStore,
    private readonly entities: EntityRegistry,
    readonly usage: UsageMeter,
  ) {}

  private refuse(refusal: UndocumentedRefusal, message: string): KvsError {
    const { status, code } = this.undocumented[refusal];
    return new KvsError(status, code, message);
  }

  // ---- plain keys, secrets, entities: get / set / delete -------------------------------------------

  get(body: unknown): KvsAnswer {
    return this.getFrom({ ns: PLAIN_NAMESPACE }, asObject(body));
  }

  getSecret(body: unknown): KvsAnswer {
    return this.getFrom({ ns: SECRET_NAMESPACE }, asObject(body));
  }

  getEntity(body: unknown): KvsAnswer {
    const request = asObject(body);
    return this.getFrom(this.entityTarget(request.entityName), request);
  }

  set(body: unknown): KvsAnswer {
    return this.setIn({ ns: PLAIN_NAMESPACE }, asObject(body));
  }

  setSecret(body: unknown): KvsAnswer {
    return this.setIn({ ns: SECRET_NAMESPACE }, asObject(body));
  }

  setEntity(body: unknown): KvsAnswer {
    const request = asObject(body);
    return this.setIn(this.entityTarget(request.entityName), request);
  }

  delete(body: unknown): KvsAnswer {
    return this.deleteFrom({ ns: PLAIN_NAMESPACE }, asObject(body));
  }

  deleteSecret(body: unknown): KvsAnswer {
    return this.deleteFrom({ ns: SECRET_NAMESPACE }, asObject(body));
  }

  deleteEntity(body: unknown): KvsAnswer {
    const request = asObject(body);
    return this.deleteFrom(this.entityTarget(request.entityName), request);
  }

  private entityTarget(entityName: unknown): Target {
    const entity = this.entities.get(entityName);
    return { ns: entityNamespace(entity.name), entity };
  }

  private getFrom(target: Target, request: Json): KvsAnswer {
    validateKey(request.key, keyKind(target));
    const item = this.store.get(target.ns, request.key);
    this.usage.read(item ? Buffer.byteLength(item.json) : 0);
    if (!item) throw keyNotFound();
    return ok(itemBody(item));
  }

  private setIn(target: Target, request: Json): KvsAnswer {
    validateKey(request.key, keyKind(target));
    const key = request.key;
    const json = encodeValue(request.value);
    if (target.entity) this.entities.validateValue(target.entity, request.value);
    const options = (request.options ?? {}) as {
      keyPolicy?: string;
      returnValue?: string;
      returnMetadataFields?: MetadataField[];
    };
    const ttl = ttlMs(options);
    this.usage.write(Buffer.byteLength(key) + Buffer.byteLength(json));
    return this.store.atomically(() => {
      const previous = this.store.get(target.ns, key);
      if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
        throw this.refuse('keyExists', `The key '${key}' already exists and keyPolicy is FAIL_IF_EXISTS.`);
      }
      const latest = this.store.put(target.ns, key, json, ttl);
      if (options.returnValue === 'PREVIOUS') return previous ? ok(itemBody(previous)) : noContent;
      if (options.returnValue === 'LATEST') return ok(itemBody(latest));
      return noContent;
    });
  }

  private deleteFrom(target: Target, request: Json): KvsAnswer {
    validateKey(request.key, keyKind(target));
    this.usage.write(Buffer.byteLength(request.key));
    this.store.delete(target.ns, request.key);
    return noContent;
  }

  // ---- queries ----------------------------------------------------------------------------------------

  query(body: unknown): KvsAnswer {
    const request = asObject(body);
    const limit = validatePageLimit(request.limit);
    const where = request.where as Array<Clause & { property: string }> | undefined;
    let prefix = '';
    if (where !== undefined) {
      if (
        !Array.isArray(where) ||
        where.length !== 1 ||
        where[0].property !== 'key' ||
        where[0].condition !== 'BEGINS_WITH'
      ) {
        throw badRequest(
          'BAD_REQUEST',
          'Provided request body is invalid: only where("key", beginsWith(...)) is supported',
        );
      }
      validateClause(where[0], 'range');
      prefix = String(where[0].values[0]);
    }
    const after = decodeCursor<{ k: string }>(request.after)?.k ?? '';
    // One more than asked tells whether another page exists, so the last page carries no cursor.
    const rows = this.store.scanPrefix(PLAIN_NAMESPACE, prefix, after, limit + 1);
    const page = rows.slice(0, limit);
    const fields = ((request.options as Json | undefined)?.metadataFields ?? []) as MetadataField[];
    const data = page.map((item) => itemBody(item, fields));
    this.usage.read(page.reduce((n, item) => n + Buffer.byteLength(item.json), 0));
    return ok({ data, ...(rows.length > limit ? { cursor: encodeCursor({ k: page[page.length - 1].key }) } : {}) });
  }

  queryEntity(body: unknown): KvsAnswer {
    const request = asObject(body);
    const entity = this.entities.get(request.entityName);
    const index = this.entities.index(entity, request.indexName);
    const limit = validatePageLimit(request.limit);
    const partition = this.partitionOf(index, request.partition);
    const range = request.range as Clause | undefined;
    if (range !== undefined) validateClause(range, 'range');
    const filters = request.filters as FilterGroup | undefined;
    if (filters !== undefined) parseFilterGroup(filters);
    const descending = request.sort === 'DESC';
    if (request.sort !== undefined && request.sort !== 'ASC' && request.sort !== 'DESC') {
      throw badRequest('BAD_REQUEST', `Provided request body is invalid: sort must be ASC or DESC`);
    }

    const order = (a: { range: unknown; key: string }, b: { range: unknown; key: string }): number => {
      const byRange = compareValues(a.range, b.range);
      const cmp = byRange !== 0 ? byRange : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      return descending ? -cmp : cmp;
    };
    const entries = this.indexEntries(entity, index, partition)
      .filter((e) => range === undefined || matches(e.range, range))
      .sort((a, b) => order({ range: a.range, key: a.item.key }, { range: b.range, key: b.item.key }));
    const cursor = decodeCursor<{ r: unknown; k: string }>(request.cursor);
    const start = cursor
      ? entries.findIndex((e) => order({ range: e.range, key: e.item.key }, { range: cursor.r, key: cursor.k }) > 0)
      : 0;
    const from = start < 0 ? entries.length : start;
    // As in Forge, filters apply to the page read from the index, so a page may hold fewer than `limit`
    // results (even none) while a cursor says more exist.
    const page = entries.slice(from, from + limit);
    const hasMore = entries.length > from + limit;
    const fields = ((request.options as Json | undefined)?.metadataFields ??
      request.metadataFields ??
      []) as MetadataField[];
    const data = page
      .filter((e) => filters === undefined || matchesFilterGroup(e.value, filters))
      .map((e) => itemBody(e.item, fields));
    this.usage.read(page.reduce((n, e) => n + Buffer.byteLength(e.item.json), 0));
    const last = page[page.length - 1];
    return ok({ data, ...(hasMore && last ? { cursor: encodeCursor({ r: last.range, k: last.item.key }) } : {}) });
  }

  private partitionOf(index: IndexDefinition, partition: unknown): unknown[] {
    if (index.partition.length === 0) {
      if (partition !== undefined && (!Array.isArray(partition) || partition.length > 0)) {
        throw badRequest('BAD_REQUEST', `Index '${index.name}' has no partition`);
      }
      return [];
    }
    if (!Array.isArray(partition) || partition.length !== index.partition.length) {
      throw badRequest(
        'BAD_REQUEST',
        `Index '${index.name}' needs partition values for [${index.partition.join(', ')}]`,
      );
    }
    return partition;
  }

  /** Items of the entity that are in the index (all index attributes present) and in the partition. */
  private indexEntries(entity: EntityDefinition, index: IndexDefinition, partition: unknown[]): IndexEntry[] {
    const rangeAttribute = index.range[0];
    const entries: IndexEntry[] = [];
    for (const item of this.store.scanAll(entityNamespace(entity.name))) {
      const value = JSON.parse(item.json) as Json;
      const inPartition = index.partition.every(
        (attr, i) => value[attr] !== undefined && JSON.stringify(value[attr]) === JSON.stringify(partition[i]),
      );
      if (!inPartition) continue;
      const range = rangeAttribute === undefined ? item.key : value[rangeAttribute];
      if (range === undefined) continue;
      entries.push({ item, value, range });
    }
    return entries;
  }

  // ---- batches ----------------------------------------------------------------------------------------

  batchSet(body: unknown): KvsAnswer {
    const items = this.batchItems(body);
    const successfulKeys: Json[] = [];
    const failedKeys: Json[] = [];
    let bytes = 0;
    for (const raw of items) {
      const item = asObject(raw);
      const id = { key: item.key, ...(item.entityName !== undefined ? { entityName: item.entityName } : {}) };
      try {
        const target = item.entityName !== undefined ? this.entityTarget(item.entityName) : { ns: PLAIN_NAMESPACE };
        validateKey(item.key, keyKind(target));
        const json = encodeValue(item.value);
        if (target.entity) this.entities.validateValue(target.entity, item.value);
        this.store.put(target.ns, item.key, json, ttlMs(item.options));
        bytes += Buffer.byteLength(item.key) + Buffer.byteLength(json);
        successfulKeys.push(id);
      } catch (e) {
        failedKeys.push({ ...id, error: this.itemError(e) });
      }
    }
    this.usage.write(bytes);
    return ok({ successfulKeys, failedKeys });
  }

  batchGet(body: unknown): KvsAnswer {
    const items = this.batchItems(body);
    const successfulKeys: Json[] = [];
    const failedKeys: Json[] = [];
    let bytes = 0;
    for (const raw of items) {
      const item = asObject(raw);
      const id = { key: item.key, ...(item.entityName !== undefined ? { entityName: item.entityName } : {}) };
      try {
        const target = item.entityName !== undefined ? this.entityTarget(item.entityName) : { ns: PLAIN_NAMESPACE };
        validateKey(item.key, keyKind(target));
        const stored = this.store.get(target.ns, item.key);
        if (!stored) throw keyNotFound();
        bytes += Buffer.byteLength(stored.json);
        successfulKeys.push({ ...itemBody(stored), ...id });
      } catch (e) {
        failedKeys.push({ ...id, error: this.itemError(e) });
      }
    }
    this.usage.read(bytes);
    return ok({ successfulKeys, failedKeys });
  }

  batchDelete(body: unknown): KvsAnswer {
    const items = this.batchItems(body);
    const successfulKeys: Json[] = [];
    const failedKeys: Json[] = [];
    for (const raw of items) {
      const item = asObject(raw);
      const id = { key: item.key, ...(item.entityName !== undefined ? { entityName: item.entityName } : {}) };
      try {
        const target = item.entityName !== undefined ? this.entityTarget(item.entityName) : { ns: PLAIN_NAMESPACE };
        validateKey(item.key, keyKind(target));
        this.store.delete(target.ns, item.key);
        successfulKeys.push(id);
      } catch (e) {
        failedKeys.push({ ...id, error: this.itemError(e) });
      }
    }
    this.usage.write(0);
    return ok({ successfulKeys, failedKeys });
  }

  private batchItems(body: unknown): unknown[] {
    if (!Array.isArray(body) || body.length === 0)
      throw badRequest('BAD_REQUEST', 'Provided request body is invalid: expected a non-empty array');
    if (body.length > KVS_LIMITS.maxBatchItems) {
      throw this.refuse(
        'tooManyBatchItems',
        `A batch can contain at most ${KVS_LIMITS.maxBatchItems} items, got ${body.length}.`,
      );
    }
    return body;
  }

  private itemError(e: unknown): { code: string; message: string } {
    if (e instanceof KvsError) return { code: e.code, message: e.message };
    throw e;
  }

  // ---- transactions -----------------------------------------------------------------------------------

  /** `requestBytes` is the size of the request body, which the 4 MB transaction limit is about. */
  transaction(body: unknown, requestBytes: number): KvsAnswer {
    const request = asObject(body);
    type Op = {
      kind: 'set' | 'delete' | 'check';
      key: unknown;
      value?: unknown;
      entityName?: unknown;
      conditions?: FilterGroup;
      options?: unknown;
    };
    const list = (name: 'set' | 'delete' | 'check'): Op[] => {
      const raw = request[name];
      if (raw === undefined) return [];
      if (!Array.isArray(raw))
        throw badRequest('BAD_REQUEST', `Provided request body is invalid: '${name}' must be an array`);
      return raw.map((op) => ({ ...asObject(op), kind: name }) as Op);
    };
    const ops = [...list('set'), ...list('delete'), ...list('check')];
    if (ops.length === 0)
      throw badRequest('BAD_REQUEST', 'Provided request body is invalid: a transaction needs at least one operation');
    if (ops.length > KVS_LIMITS.maxTransactionOperations) {
      throw this.refuse(
        'tooManyOperations',
        `A transaction can contain at most ${KVS_LIMITS.maxTransactionOperations} operations, got ${ops.length}.`,
      );
    }
    if (requestBytes > KVS_LIMITS.maxTransactionBytes) {
      throw this.refuse(
        'payloadTooLarge',
        `A transaction payload is limited to ${KVS_LIMITS.maxTransactionBytes} bytes, got ${requestBytes}.`,
      );
    }

    const prepared = ops.map((op) => {
      const target: Target = op.entityName !== undefined ? this.entityTarget(op.entityName) : { ns: PLAIN_NAMESPACE };
      validateKey(op.key, keyKind(target));
      if (op.conditions !== undefined) {
        if (!target.entity)
          throw badRequest('BAD_REQUEST', 'Provided request body is invalid: conditions need an entityName');
        parseFilterGroup(op.conditions);
      }
      if (op.kind === 'check' && (!target.entity || op.conditions === undefined)) {
        throw badRequest('BAD_REQUEST', 'Provided request body is invalid: check needs an entityName and conditions');
      }
      let json: string | undefined;
      if (op.kind === 'set') {
        json = encodeValue(op.value);
        if (target.entity) this.entities.validateValue(target.entity, op.value);
      }
      return { ...op, key: op.key, target, json, ttl: op.kind === 'set' ? ttlMs(op.options) : undefined };
    });
    const seen = new Set<string>();
    for (const op of prepared) {
      const id = `${op.target.ns}\u0000${op.key}`;
      if (seen.has(id)) {
        throw this.refuse('duplicateKeys', `Each key can only be used once in a transaction: '${op.key}' is repeated.`);
      }
      seen.add(id);
    }

    this.usage.write(requestBytes);
    this.store.atomically(() => {
      // Every condition is judged on the state before the transaction; one failure applies nothing.
      prepared.forEach((op, i) => {
        if (op.conditions === undefined && op.kind !== 'check') return;
        const current = this.store.get(op.target.ns, op.key);
        const value = current ? (JSON.parse(current.json) as Json) : undefined;
        const holds =
          (op.kind !== 'check' || current !== undefined) &&
          (op.conditions === undefined || matchesFilterGroup(value, op.conditions));
        if (!holds) {
          throw this.refuse(
            'conditionFailed',
            `Transaction cancelled: the condition of operation ${i} (${op.kind} '${op.key}') was not met.`,
          );
        }
      });
      for (const op of prepared) {
        if (op.kind === 'set' && op.json !== undefined) this.store.put(op.target.ns, op.key, op.json, op.ttl);
        if (op.kind === 'delete') this.store.delete(op.target.ns, op.key);
      }
    });
    return noContent;
  }
}
