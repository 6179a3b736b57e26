import type { SqliteDatabase } from './database.js';
import { originTableSql, type SqliteOriginTableOptions } from './sql.js';

/**
 * Creates the table of origins and its unique index when they do not exist yet (safe to run at every
 * boot): `CREATE TABLE IF NOT EXISTS cors_origins (origin TEXT NOT NULL)` plus a unique index on the
 * column, which keeps lookups to one index probe and makes {@link addOrigin} idempotent.
 */
export function createOriginTable(db: SqliteDatabase, options: SqliteOriginTableOptions = {}): void {
  for (const statement of originTableSql(options).create) db.prepare(statement).run();
}

/**
 * Adds an origin (`https://shop.customer.com`) to the table; `true` when it was not there yet. Stores
 * the string as given: the runtime refuses anything that is not a canonical origin when it reads it.
 */
export function addOrigin(db: SqliteDatabase, origin: string, options: SqliteOriginTableOptions = {}): boolean {
  return Number(db.prepare(originTableSql(options).add).run(origin).changes) > 0;
}

/** Removes an origin from the table; `true` when it was there. */
export function removeOrigin(db: SqliteDatabase, origin: string, options: SqliteOriginTableOptions = {}): boolean {
  return Number(db.prepare(originTableSql(options).remove).run(origin).changes) > 0;
}
