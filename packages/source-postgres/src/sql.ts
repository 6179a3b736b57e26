import { DEFAULT_CHANNEL, DEFAULT_COLUMN, DEFAULT_TABLE, derivedIdentifier, quoteIdentifier } from './identifiers.js';

/** Where the origins are: a table (or a view) and its column of origins. */
export interface PostgresOriginTableOptions {
  /** Table or view holding one origin per row, in the connection's `search_path`. Default `cors_origins`. */
  table?: string;
  /** Column holding the origin (`https://shop.customer.com`). Default `origin`. */
  column?: string;
}

/** The table plus the channel its trigger notifies and the provider listens on. */
export interface PostgresOriginChannelOptions extends PostgresOriginTableOptions {
  /** `LISTEN`/`NOTIFY` channel. Default `cors_origins_changed`. */
  channel?: string;
}

/** The statements this package runs, built once from validated, quoted names (values are always bound). */
export interface OriginTableSql {
  readonly table: string;
  readonly list: string;
  readonly has: string;
  readonly add: string;
  readonly remove: string;
}

// Only a missing option takes the default: `null` (say, from a config file) is refused like any bad name.
const named = (value: string | undefined, fallback: string): string => (value === undefined ? fallback : value);

export function originTableSql(options: PostgresOriginTableOptions = {}): OriginTableSql {
  const tableName = named(options.table, DEFAULT_TABLE);
  const table = quoteIdentifier(tableName, 'table');
  const column = quoteIdentifier(named(options.column, DEFAULT_COLUMN), 'column');
  return {
    table: tableName,
    list: `SELECT ${column} FROM ${table}`,
    has: `SELECT 1 FROM ${table} WHERE ${column} = $1 LIMIT 1`,
    add: `INSERT INTO ${table} (${column}) VALUES ($1) ON CONFLICT DO NOTHING`,
    remove: `DELETE FROM ${table} WHERE ${column} = $1`,
  };
}

/** `LISTEN "<channel>"` for a checked channel name. */
export function listenSql(channel: string | undefined): { channel: string; listen: string } {
  const name = named(channel, DEFAULT_CHANNEL);
  return { channel: name, listen: `LISTEN ${quoteIdentifier(name, 'channel')}` };
}

/**
 * One transaction that installs (or brings up to date) the table, its unique index and a statement
 * trigger that notifies the channel on every insert, update, delete and truncate. Serialised with an
 * advisory lock so that instances booting together do not race on `CREATE ... IF NOT EXISTS`.
 */
export function setupSql(options: PostgresOriginChannelOptions = {}): readonly string[] {
  const tableName = named(options.table, DEFAULT_TABLE);
  const columnName = named(options.column, DEFAULT_COLUMN);
  const table = quoteIdentifier(tableName, 'table');
  const column = quoteIdentifier(columnName, 'column');
  const { channel } = listenSql(options.channel);
  const index = derivedIdentifier(`${tableName}_${columnName}_key`, 'index');
  const trigger = derivedIdentifier(`notify_${channel}`, 'trigger');
  return [
    'BEGIN',
    "SELECT pg_advisory_xact_lock(hashtext('@org/cors-source-postgres setup'))",
    `CREATE TABLE IF NOT EXISTS ${table} (${column} text NOT NULL)`,
    `CREATE UNIQUE INDEX IF NOT EXISTS ${index} ON ${table} (${column})`,
    // The channel is the trigger's argument: one function serves every table and channel.
    `CREATE OR REPLACE FUNCTION cors_source_notify() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], TG_TABLE_NAME);
  RETURN NULL;
END
$fn$`,
    `CREATE OR REPLACE TRIGGER ${trigger} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION cors_source_notify('${channel}')`,
    'COMMIT',
  ];
}
