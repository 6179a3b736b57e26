export { sqliteOriginSource } from './sqlite-origin-source.js';
export type { SqliteOriginSource } from './sqlite-origin-source.js';
export { addOrigin, createOriginTable, removeOrigin } from './origin-table.js';
export type { SqliteOriginTableOptions } from './sql.js';
export type { SqliteDatabase, SqliteStatement } from './database.js';
