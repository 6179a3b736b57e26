import { DEFAULT_COLUMN, DEFAULT_TABLE, quoteIdentifier } from './identifiers.js';

/** Where the origins are: a table (or a view) and its column of origins. */
export interface SqliteOriginTableOptions {
  /** Table or view holding one origin per row. Default `cors_origins`. */
  table?: string;
  /** Column holding the origin (`https://shop.customer.com`). Default `origin`. */
  column?: string;
}

/** The statements this package runs, built once from validated, quoted names (values are always bound). */
export interface OriginTableSql {
  readonly list: string;
  readonly has: string;
  readonly add: string;
  readonly remove: string;
  readonly create: readonly string[];
}

export function originTableSql(options: SqliteOriginTableOptions = {}): OriginTableSql {
  // Only a missing option takes the default: `null` (say, from a config file) is refused like any bad name.
  const tableName = options.table === undefined ? DEFAULT_TABLE : options.table;
  const columnName = options.column === undefined ? DEFAULT_COLUMN : options.column;
  const table = quoteIdentifier(tableName, 'table');
  const column = quoteIdentifier(columnName, 'column');
  // Made of two checked names, so it needs no check of its own (SQLite sets no length limit).
  const index = `"${tableName}_${columnName}_key"`;
  return {
    list: `SELECT ${column} AS origin FROM ${table}`,
    has: `SELECT 1 AS found FROM ${table} WHERE ${column} = ? LIMIT 1`,
    add: `INSERT INTO ${table} (${column}) VALUES (?) ON CONFLICT DO NOTHING`,
    remove: `DELETE FROM ${table} WHERE ${column} = ?`,
    create: [
      `CREATE TABLE IF NOT EXISTS ${table} (${column} TEXT NOT NULL)`,
      `CREATE UNIQUE INDEX IF NOT EXISTS ${index} ON ${table} (${column})`,
    ],
  };
}
