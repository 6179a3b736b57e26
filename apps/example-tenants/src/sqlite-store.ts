import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { addOrigin, createOriginTable, removeOrigin, sqliteOriginSource } from '@org/cors-source-sqlite';
import Database from 'better-sqlite3';
import type { TenantStore } from './tenant-store.js';

/**
 * Tenant domains in a SQLite file (created with its table when missing). WAL mode, so the runtime's
 * listings never wait for the admin API's writes, and other processes may open the same file.
 */
export function openSqliteStore(file: string): TenantStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  createOriginTable(db);
  const provider = sqliteOriginSource(db);
  return {
    description: `sqlite ${file}`,
    provider,
    add: async (origin) => addOrigin(db, origin),
    remove: async (origin) => removeOrigin(db, origin),
    list: async () => [...(await provider.list(AbortSignal.timeout(1_000)))],
    close: async () => void db.close(),
  };
}
