import type { OriginListProvider, OriginLookupProvider } from '@org/cors-core/runtime';
import { abortableQuery } from './abortable-query.js';
import { listenForChanges, type ReconnectOptions } from './listener.js';
import type { PgPool } from './pg.js';
import { listenSql, originTableSql, type PostgresOriginChannelOptions } from './sql.js';

export interface PostgresOriginSourceOptions extends PostgresOriginChannelOptions {
  /** The application's `pg` Pool. The provider borrows connections from it and never ends it. */
  pool: PgPool;
  /** Backoff for the listening connection after it fails. */
  reconnect?: ReconnectOptions;
  /** Called when the listening connection fails or cannot be opened (it is retried). Default: ignored. */
  onError?: (error: Error) => void;
}

/** Lists, looks up and pushes changes: bind it as a list source (with push) or as a lookup source. */
export type PostgresOriginSource = Required<OriginListProvider> & OriginLookupProvider;

/**
 * A provider over a table of origins in PostgreSQL, through the application's `pg` Pool:
 * - `list(signal)`: every row, one query;
 * - `has(origin, signal)`: one prepared lookup on the unique index {@link setupOriginTable} makes;
 * - `subscribe(changed)`: one connection of the pool held with `LISTEN <channel>`; the trigger
 *   {@link setupOriginTable} installs notifies it on every change, so every instance of a service
 *   lists again within milliseconds. Reconnects with backoff; the function it resolves to releases it.
 *
 * A call whose signal aborts (the policy's `timeoutMs`) rejects at once; its query is cancelled on
 * the server and its connection closed. Table, column and channel names must be plain lower-case
 * identifiers or this throws a `TypeError` now; origins are always bound values.
 *
 * @example
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await setupOriginTable(pool);
 * app.use(cors(policy, { sources: { 'tenant-domains': postgresOriginSource({ pool }) } }));
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/sources-postgres.md
 */
export function postgresOriginSource(options: PostgresOriginSourceOptions): PostgresOriginSource {
  const { pool } = options;
  if (typeof pool?.connect !== 'function' || typeof pool.query !== 'function') {
    throw new TypeError('@org/cors-source-postgres: `pool` must be a pg Pool (new pg.Pool(...))');
  }
  const sql = originTableSql(options);
  const { channel, listen } = listenSql(options.channel);
  // One name per statement text: pg prepares it once per connection, then executes it by name.
  const hasStatement = `cors_source_has_${hashOf(sql.has)}`;
  return {
    async list(signal) {
      const { rows } = await abortableQuery(pool, { text: sql.list, rowMode: 'array' }, signal);
      return rows.map((row) => (row as [string])[0]);
    },
    async has(origin, signal) {
      const { rows } = await abortableQuery(pool, { name: hasStatement, text: sql.has, values: [origin] }, signal);
      return rows.length > 0;
    },
    subscribe(changed) {
      return listenForChanges(changed, { ...options.reconnect, pool, channel, listenSql: listen, onError: options.onError });
    },
  };
}

/** A short, stable tag of `text` (FNV-1a), so providers over different tables never share a statement name. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}
