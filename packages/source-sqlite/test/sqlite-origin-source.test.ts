import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OriginListProvider, OriginLookupProvider } from '@org/cors-core/runtime';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addOrigin, createOriginTable, removeOrigin, sqliteOriginSource } from '../src/index.js';

const SHOP = 'https://shop.customer.example';
const BLOG = 'https://blog.customer.example';
const live = () => new AbortController().signal;

let dir = '';
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cors-source-sqlite-'));
  db = new Database(join(dir, 'tenants.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sqliteOriginSource over better-sqlite3', () => {
  it('lists and looks up what addOrigin added and stops at once when removeOrigin removed it', async () => {
    createOriginTable(db);
    const source = sqliteOriginSource(db);
    expect([...(await source.list(live()))]).toEqual([]);

    expect(addOrigin(db, SHOP)).toBe(true);
    expect(addOrigin(db, BLOG)).toBe(true);
    expect([...(await source.list(live()))].sort()).toEqual([BLOG, SHOP]);
    expect(await source.has(SHOP, live())).toBe(true);
    expect(await source.has('https://other.example', live())).toBe(false);

    expect(removeOrigin(db, SHOP)).toBe(true);
    expect(removeOrigin(db, SHOP)).toBe(false);
    expect([...(await source.list(live()))]).toEqual([BLOG]);
    expect(await source.has(SHOP, live())).toBe(false);
  });

  it('creates the table idempotently, with a unique index that makes a second add a no-op', () => {
    createOriginTable(db);
    createOriginTable(db);
    expect(addOrigin(db, SHOP)).toBe(true);
    expect(addOrigin(db, SHOP)).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM cors_origins').get()).toEqual({ n: 1 });
    expect(() => db.prepare('INSERT INTO cors_origins (origin) VALUES (?)').run(SHOP)).toThrow(/UNIQUE/);
  });

  it('answers a lookup with one probe of that index, not a scan', () => {
    createOriginTable(db);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT 1 AS found FROM "cors_origins" WHERE "origin" = ? LIMIT 1').all(SHOP);
    expect(JSON.stringify(plan)).toMatch(/SEARCH cors_origins USING COVERING INDEX cors_origins_origin_key \(origin=\?\)/);
  });

  it('reads a table and column the application names, or a view over its own table', async () => {
    db.exec(`CREATE TABLE tenants (id INTEGER PRIMARY KEY, domain TEXT NOT NULL, verified INTEGER NOT NULL);
             INSERT INTO tenants (domain, verified) VALUES ('${SHOP}', 1), ('${BLOG}', 0);
             CREATE VIEW verified_domains AS SELECT domain FROM tenants WHERE verified = 1;`);
    const all = sqliteOriginSource(db, { table: 'tenants', column: 'domain' });
    const verified = sqliteOriginSource(db, { table: 'verified_domains', column: 'domain' });
    expect([...(await all.list(live()))].sort()).toEqual([BLOG, SHOP]);
    expect([...(await verified.list(live()))]).toEqual([SHOP]);
    expect(await verified.has(BLOG, live())).toBe(false);
  });

  it('sees what another connection (another process, a worker) wrote to the same file', async () => {
    createOriginTable(db);
    const source = sqliteOriginSource(db);
    const writer = new Database(join(dir, 'tenants.db'));
    try {
      addOrigin(writer, SHOP);
      expect(await source.has(SHOP, live())).toBe(true);
      removeOrigin(writer, SHOP);
      expect([...(await source.list(live()))]).toEqual([]);
    } finally {
      writer.close();
    }
  });

  it('binds origins as values: a quote or a statement inside one is stored and matched as text', async () => {
    createOriginTable(db);
    const hostile = `https://x.example'); DROP TABLE cors_origins; --`;
    const source = sqliteOriginSource(db);
    expect(addOrigin(db, hostile)).toBe(true);
    expect(await source.has(hostile, live())).toBe(true);
    expect(await source.has(`' OR 1=1 --`, live())).toBe(false);
    expect([...(await source.list(live()))]).toEqual([hostile]);
  });

  it('does not run when the signal is already aborted', () => {
    createOriginTable(db);
    addOrigin(db, SHOP);
    const source = sqliteOriginSource(db);
    const aborted = AbortSignal.abort(new Error('timed out'));
    expect(() => source.list(aborted)).toThrow('timed out');
    expect(() => source.has(SHOP, aborted)).toThrow('timed out');
  });

  it('is both a list and a lookup provider of the runtime’s interface', async () => {
    createOriginTable(db);
    addOrigin(db, SHOP);
    const asList: OriginListProvider = sqliteOriginSource(db);
    const asLookup: OriginLookupProvider = sqliteOriginSource(db);
    expect([...(await asList.list(live()))]).toEqual([SHOP]);
    expect(await asLookup.has(SHOP, live())).toBe(true);
    expect(asList.subscribe).toBeUndefined();
  });
});

describe('table and column names', () => {
  const HOSTILE: unknown[] = [
    'cors_origins"; DROP TABLE cors_origins; --',
    'cors_origins; DELETE FROM cors_origins',
    "cors_origins' OR '1'='1",
    'main.cors_origins',
    'Cors_Origins',
    '1origins',
    '',
    ' cors_origins',
    'cors_origins\u0000',
    'cors-origins',
    'cörs_origins',
    'a'.repeat(64),
    null,
    42,
  ];

  it.each(HOSTILE)('refuses %j as a table or a column before any SQL runs', (name) => {
    createOriginTable(db);
    addOrigin(db, SHOP);
    const message = /is not a plain SQL identifier \(lower-case letters, digits and _, starting with a letter or _, at most 63 characters\)/;
    expect(() => sqliteOriginSource(db, { table: name as string })).toThrow(TypeError);
    expect(() => sqliteOriginSource(db, { table: name as string })).toThrow(message);
    expect(() => sqliteOriginSource(db, { column: name as string })).toThrow(message);
    expect(() => createOriginTable(db, { table: name as string })).toThrow(message);
    expect(() => addOrigin(db, BLOG, { column: name as string })).toThrow(message);
    expect(() => removeOrigin(db, SHOP, { table: name as string })).toThrow(message);
    expect(db.prepare('SELECT origin FROM cors_origins').all()).toEqual([{ origin: SHOP }]);
  });

  it('names the option it refused', () => {
    expect(() => sqliteOriginSource(db, { column: 'x y' })).toThrow('@org/cors-source-sqlite: column "x y" is not a plain SQL identifier');
  });

  it('accepts the longest plain name (63 characters)', () => {
    const table = `t${'_'.repeat(61)}x`;
    createOriginTable(db, { table });
    expect(addOrigin(db, SHOP, { table })).toBe(true);
    expect(sqliteOriginSource(db, { table }).has(SHOP, live())).toBe(true);
  });
});
