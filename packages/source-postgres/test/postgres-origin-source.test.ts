import { performance } from 'node:perf_hooks';
import type { OriginListProvider, OriginLookupProvider } from '@org/cors-core/runtime';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addOrigin, postgresOriginSource, removeOrigin, setupOriginTable } from '../src/index.js';
import { startPostgres, type PostgresServer } from '../test-utils/postgres-server.js';
import { waitUntil } from '../test-utils/wait.js';

const SHOP = 'https://shop.customer.example';
const BLOG = 'https://blog.customer.example';
const live = () => new AbortController().signal;

let server: PostgresServer;
let pool: pg.Pool;
let database = 0;
const pools: pg.Pool[] = [];

beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

// Every test gets a database of its own: no table, trigger or notification leaks between tests.
beforeEach(async () => {
  database += 1;
  pool = newPool(await server.createDatabase(`providers_${database}`));
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

function newPool(connection: pg.PoolConfig): pg.Pool {
  const created = new pg.Pool({ max: 4, ...connection });
  pools.push(created);
  return created;
}

async function rows(sql: string, values: unknown[] = []): Promise<unknown[]> {
  return (await pool.query(sql, values)).rows;
}

describe('postgresOriginSource over pg', () => {
  it('lists and looks up what addOrigin added, and stops at once when removeOrigin removed it', async () => {
    await setupOriginTable(pool);
    const source = postgresOriginSource({ pool });
    expect([...(await source.list(live()))]).toEqual([]);

    expect(await addOrigin(pool, SHOP)).toBe(true);
    expect(await addOrigin(pool, BLOG)).toBe(true);
    expect([...(await source.list(live()))].sort()).toEqual([BLOG, SHOP]);
    expect(await source.has(SHOP, live())).toBe(true);
    expect(await source.has('https://other.example', live())).toBe(false);

    expect(await removeOrigin(pool, SHOP)).toBe(true);
    expect(await removeOrigin(pool, SHOP)).toBe(false);
    expect([...(await source.list(live()))]).toEqual([BLOG]);
    expect(await source.has(SHOP, live())).toBe(false);
  });

  it('sets up idempotently (twice, and from three instances at once): one table, a unique index, one trigger', async () => {
    await Promise.all([setupOriginTable(pool), setupOriginTable(pool), setupOriginTable(pool)]);
    await setupOriginTable(pool);
    expect(await addOrigin(pool, SHOP)).toBe(true);
    expect(await addOrigin(pool, SHOP)).toBe(false);
    await expect(pool.query('INSERT INTO cors_origins (origin) VALUES ($1)', [SHOP])).rejects.toThrow(/duplicate key/);
    expect(await rows(`SELECT indexrelid::regclass::text AS name, indisunique AS "unique" FROM pg_index WHERE indrelid = 'cors_origins'::regclass`))
      .toEqual([{ name: 'cors_origins_origin_key', unique: true }]);
    expect(await rows(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'cors_origins'::regclass`)).toEqual([{ tgname: 'notify_cors_origins_changed' }]);
  });

  it('looks an origin up with a statement prepared once per connection', async () => {
    await setupOriginTable(pool);
    await addOrigin(pool, SHOP);
    const single = newPool({ ...server.connection, database: `providers_${database}`, max: 1 });
    const source = postgresOriginSource({ pool: single });
    for (let i = 0; i < 3; i += 1) expect(await source.has(SHOP, live())).toBe(true);
    const prepared = await single.query(`SELECT name, statement FROM pg_prepared_statements`);
    expect(prepared.rows).toEqual([{ name: expect.stringMatching(/^cors_source_has_/), statement: 'SELECT 1 FROM "cors_origins" WHERE "origin" = $1 LIMIT 1' }]);
  });

  it('reads a table and column the application names, or a view over its own table', async () => {
    await pool.query(`CREATE TABLE tenants (id serial PRIMARY KEY, domain text NOT NULL, verified boolean NOT NULL)`);
    await pool.query(`INSERT INTO tenants (domain, verified) VALUES ($1, true), ($2, false)`, [SHOP, BLOG]);
    await pool.query(`CREATE VIEW verified_domains AS SELECT domain FROM tenants WHERE verified`);
    expect([...(await postgresOriginSource({ pool, table: 'tenants', column: 'domain' }).list(live()))].sort()).toEqual([BLOG, SHOP]);
    const verified = postgresOriginSource({ pool, table: 'verified_domains', column: 'domain' });
    expect([...(await verified.list(live()))]).toEqual([SHOP]);
    expect(await verified.has(BLOG, live())).toBe(false);
  });

  it('binds origins as values: a quote or a statement inside one is stored and matched as text', async () => {
    await setupOriginTable(pool);
    const hostile = `https://x.example'); DROP TABLE cors_origins; --`;
    const source = postgresOriginSource({ pool });
    expect(await addOrigin(pool, hostile)).toBe(true);
    expect(await source.has(hostile, live())).toBe(true);
    expect(await source.has(`' OR 1=1 --`, live())).toBe(false);
    expect([...(await source.list(live()))]).toEqual([hostile]);
  });

  it('is a list provider with push and a lookup provider of the runtime’s interface', async () => {
    await setupOriginTable(pool);
    await addOrigin(pool, SHOP);
    const asList: OriginListProvider = postgresOriginSource({ pool });
    const asLookup: OriginLookupProvider = postgresOriginSource({ pool });
    expect([...(await asList.list(live()))]).toEqual([SHOP]);
    expect(await asLookup.has(SHOP, live())).toBe(true);
    expect(typeof asList.subscribe).toBe('function');
  });

  it('refuses something that is not a pool, with what to pass instead', () => {
    expect(() => postgresOriginSource({ pool: undefined as unknown as pg.Pool })).toThrow('`pool` must be a pg Pool (new pg.Pool(...))');
    expect(() => postgresOriginSource({ pool: { connectionString: 'postgres://x' } as unknown as pg.Pool })).toThrow(TypeError);
  });
});

describe('table, column and channel names', () => {
  const HOSTILE: unknown[] = [
    'cors_origins"; DROP TABLE cors_origins; --',
    'cors_origins; DELETE FROM cors_origins',
    "x') ; SELECT pg_sleep(10); --",
    'public.cors_origins',
    'Cors_Origins',
    '1origins',
    '',
    'cors_origins ',
    'cors-origins',
    'cörs_origins',
    'a'.repeat(64),
    null,
    7,
  ];
  const message = /^@org\/cors-source-postgres: (table|column|channel) .* is not a plain SQL identifier \(lower-case letters, digits and _, starting with a letter or _, at most 63 characters\)$/;

  it.each(HOSTILE)('refuses %j as a table, column or channel before any SQL runs', async (name) => {
    await setupOriginTable(pool);
    await addOrigin(pool, SHOP);
    const bad = name as string;
    for (const options of [{ table: bad }, { column: bad }, { channel: bad }]) {
      expect(() => postgresOriginSource({ pool, ...options })).toThrow(TypeError);
      expect(() => postgresOriginSource({ pool, ...options })).toThrow(message);
      await expect(setupOriginTable(pool, options)).rejects.toThrow(message);
    }
    await expect(addOrigin(pool, BLOG, { table: bad })).rejects.toThrow(message);
    await expect(removeOrigin(pool, SHOP, { column: bad })).rejects.toThrow(message);
    expect(await rows('SELECT origin FROM cors_origins')).toEqual([{ origin: SHOP }]);
    expect(await rows(`SELECT relname FROM pg_class WHERE relkind IN ('r', 'v') AND relnamespace = 'public'::regnamespace`)).toEqual([{ relname: 'cors_origins' }]);
  });

  it('refuses names whose index or trigger name PostgreSQL would cut to 63 characters', async () => {
    const table = 't'.repeat(60);
    await expect(setupOriginTable(pool, { table })).rejects.toThrow(`the index name "${table}_origin_key" would be longer than 63 characters`);
    const channel = 'c'.repeat(60);
    await expect(setupOriginTable(pool, { channel })).rejects.toThrow(`the trigger name "notify_${channel}" would be longer than 63 characters`);
    expect(await rows(`SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`)).toEqual([]);
  });
});

describe('signals: the runtime’s timeout', () => {
  async function slowSource() {
    await setupOriginTable(pool);
    await addOrigin(pool, SHOP);
    // Every read of this view takes 10 s on the server.
    await pool.query(`CREATE VIEW slow_origins AS SELECT origin FROM cors_origins, pg_sleep(10)`);
    return postgresOriginSource({ pool, table: 'slow_origins' });
  }
  const sleeping = async () => rows(`SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%slow_origins%' AND pid <> pg_backend_pid()`);

  it.each(['list', 'has'] as const)('%s: gives up when the signal aborts, cancels the query on the server, and frees its connection', async (call) => {
    const source = await slowSource();
    const started = performance.now();
    const signal = AbortSignal.timeout(200);
    const pending = call === 'list' ? source.list(signal) : source.has(SHOP, signal);
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(waited).toBeLessThan(1_000);

    const cancelled = await waitUntil(async () => (await sleeping()).length === 0, { what: 'the slow query to be cancelled', timeoutMs: 3_000 });
    expect(cancelled).toBeLessThan(3_000);
    // Nothing is held: the pool answers, with every one of its connections.
    await waitUntil(() => pool.totalCount === pool.idleCount, { what: 'every connection back in the pool' });
    expect(await postgresOriginSource({ pool }).has(SHOP, live())).toBe(true);
  });

  it('gives up waiting for a connection of an exhausted pool, and returns that connection once it comes', async () => {
    await setupOriginTable(pool);
    await addOrigin(pool, SHOP);
    const single = newPool({ ...server.connection, database: `providers_${database}`, max: 1 });
    const source = postgresOriginSource({ pool: single });
    const held = await single.connect();
    await expect(source.list(AbortSignal.timeout(100))).rejects.toMatchObject({ name: 'TimeoutError' });
    held.release();
    expect([...(await source.list(AbortSignal.timeout(2_000)))]).toEqual([SHOP]);
    expect(single.waitingCount).toBe(0);
  });

  it('does not query when the signal is already aborted', async () => {
    const source = postgresOriginSource({ pool, table: 'no_such_table' });
    const aborted = AbortSignal.abort(new Error('too late'));
    await expect(source.list(aborted)).rejects.toThrow('too late');
    await expect(source.has(SHOP, aborted)).rejects.toThrow('too late');
    expect(pool.totalCount).toBe(0);
  });

  it('reports a failing query as a rejection (a missing table), and keeps the pool usable', async () => {
    const source = postgresOriginSource({ pool, table: 'no_such_table' });
    await expect(source.list(live())).rejects.toThrow(/relation "no_such_table" does not exist/);
    await setupOriginTable(pool);
    expect([...(await postgresOriginSource({ pool }).list(live()))]).toEqual([]);
  });
});

describe('subscribe: LISTEN/NOTIFY', () => {
  const listeners = async () => rows(`SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN "cors_origins_changed"' AND datname = current_database()`);

  it('calls changed() after each insert, update, delete and truncate commits, and stops when unsubscribed', async () => {
    await setupOriginTable(pool);
    const source = postgresOriginSource({ pool });
    let calls = 0;
    const stop = await source.subscribe(() => (calls += 1));
    const expectCall = async (change: () => Promise<unknown>, what: string) => {
      const before = calls;
      await change();
      await waitUntil(() => calls > before, { what: `changed() after ${what}`, timeoutMs: 1_000 });
    };
    await expectCall(() => addOrigin(pool, SHOP), 'an insert');
    await expectCall(() => pool.query('UPDATE cors_origins SET origin = $1', [BLOG]), 'an update');
    await expectCall(() => removeOrigin(pool, BLOG), 'a delete');
    await expectCall(() => pool.query('TRUNCATE cors_origins'), 'a truncate');

    // Nothing before commit: a transaction still open notifies nobody.
    const writer = await pool.connect();
    await writer.query('BEGIN');
    await writer.query('INSERT INTO cors_origins (origin) VALUES ($1)', [SHOP]);
    const beforeCommit = calls;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls).toBe(beforeCommit);
    await expectCall(() => writer.query('COMMIT'), 'a commit');
    writer.release();

    expect(await listeners()).toHaveLength(1);
    stop();
    await waitUntil(async () => (await listeners()).length === 0, { what: 'the LISTEN connection to be handed back' });
    const after = calls;
    await addOrigin(pool, 'https://late.example');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls).toBe(after);
    expect(pool.totalCount).toBe(pool.idleCount);
  });

  it('listens on the channel it is given, and ignores others', async () => {
    await setupOriginTable(pool, { channel: 'tenant_domains' });
    const mine = postgresOriginSource({ pool, channel: 'tenant_domains' });
    const other = postgresOriginSource({ pool });
    let mineCalls = 0;
    let otherCalls = 0;
    const stops = [await mine.subscribe(() => (mineCalls += 1)), await other.subscribe(() => (otherCalls += 1))];
    await addOrigin(pool, SHOP);
    await waitUntil(() => mineCalls > 0, { what: 'changed() on tenant_domains', timeoutMs: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(otherCalls).toBe(0);
    for (const stop of stops) stop();
  });

  it('connects again with backoff after the listening connection is killed, and reports changes after it', async () => {
    await setupOriginTable(pool);
    const errors: string[] = [];
    const source = postgresOriginSource({ pool, reconnect: { minDelayMs: 50 }, onError: (error) => errors.push(error.message) });
    let calls = 0;
    const stop = await source.subscribe(() => (calls += 1));
    const [first] = (await listeners()) as { pid: number }[];
    expect(first).toBeDefined();

    await pool.query('SELECT pg_terminate_backend($1)', [first!.pid]);
    await waitUntil(() => errors.length > 0, { what: 'the lost connection to be reported' });
    expect(errors[0]).toMatch(/terminat/i);
    // Listening again: one changed() for whatever happened while it was away.
    await waitUntil(() => calls === 1, { what: 'changed() once listening again' });
    const [second] = (await listeners()) as { pid: number }[];
    expect(second?.pid).not.toBe(first!.pid);

    await addOrigin(pool, SHOP);
    await waitUntil(() => calls === 2, { what: 'changed() for a change after the reconnect', timeoutMs: 1_000 });
    stop();
  });

  it('keeps retrying when the database cannot be reached, and listens once it can', async () => {
    await setupOriginTable(pool);
    // A pool that fails to connect until `reachable` (the server is up; its clients are refused).
    let reachable = false;
    const errors: string[] = [];
    const flaky = {
      query: pool.query.bind(pool),
      connect: async () => {
        if (!reachable) throw new Error('connect ECONNREFUSED');
        return pool.connect();
      },
    } as unknown as pg.Pool;
    const source = postgresOriginSource({ pool: flaky, reconnect: { minDelayMs: 20, maxDelayMs: 80 }, onError: (error) => errors.push(error.message) });
    let calls = 0;
    const stop = await source.subscribe(() => (calls += 1));
    await waitUntil(() => errors.length >= 3, { what: 'three failed attempts' });
    expect(errors.every((message) => message === 'connect ECONNREFUSED')).toBe(true);
    reachable = true;
    await waitUntil(async () => (await listeners()).length === 1, { what: 'listening once the database is reachable' });
    // Listening late: one changed() for whatever happened before, then one per change.
    await waitUntil(() => calls === 1, { what: 'changed() once listening after failed attempts' });
    await addOrigin(pool, SHOP);
    await waitUntil(() => calls === 2, { what: 'changed() after the late LISTEN', timeoutMs: 1_000 });
    stop();
  });
});
