export { postgresOriginSource } from './postgres-origin-source.js';
export type { PostgresOriginSource, PostgresOriginSourceOptions } from './postgres-origin-source.js';
export { addOrigin, removeOrigin, setupOriginTable } from './origin-table.js';
export type { PostgresOriginChannelOptions, PostgresOriginTableOptions } from './sql.js';
export type { ReconnectOptions } from './listener.js';
export type { PgNotification, PgPool, PgPoolClient, PgQueryConfig, PgQueryResult } from './pg.js';
