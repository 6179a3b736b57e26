/**
 * The part of a `better-sqlite3` `Database` this package uses, typed structurally so that its
 * declarations need no `@types/better-sqlite3`. A `new Database(file)` from better-sqlite3 12 fits.
 */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
}

export interface SqliteStatement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): { changes: number | bigint };
}
