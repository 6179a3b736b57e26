import type { OriginListProvider, OriginLookupProvider } from '@org/cors-core/runtime';
import type { SqliteDatabase } from './database.js';
import { originTableSql, type SqliteOriginTableOptions } from './sql.js';

/** Lists every origin and looks one up: bind it as a list source (the usual case) or a lookup source. */
export type SqliteOriginSource = Required<Pick<OriginListProvider, 'list'>> & OriginLookupProvider;

/**
 * A provider over a table of origins in a SQLite database the application opened with
 * `better-sqlite3`: `list` reads every row, `has` is one lookup on the unique index
 * {@link createOriginTable} makes. Both statements are prepared here, once, from names checked
 * against a strict identifier pattern (a bad `table` or `column` throws a `TypeError` now); the
 * origin itself is always a bound parameter.
 *
 * better-sqlite3 is synchronous: a call cannot be interrupted, so the signal is checked before it
 * runs. On an indexed table a lookup takes microseconds and a listing of 100,000 rows tens of ms.
 * The runtime validates what comes back (malformed rows are dropped and reported).
 *
 * @example
 * const db = new Database('tenants.db');
 * createOriginTable(db);
 * app.use(cors(policy, { sources: { 'tenant-domains': sqliteOriginSource(db) } }));
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/sources-sqlite.md
 */
export function sqliteOriginSource(db: SqliteDatabase, options: SqliteOriginTableOptions = {}): SqliteOriginSource {
  const sql = originTableSql(options);
  const list = db.prepare(sql.list);
  const has = db.prepare(sql.has);
  return {
    list(signal) {
      signal.throwIfAborted();
      return list.all().map((row) => (row as { origin: unknown }).origin as string);
    },
    has(origin, signal) {
      signal.throwIfAborted();
      return has.get(origin) !== undefined;
    },
  };
}
