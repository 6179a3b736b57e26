import { addOrigin, postgresOriginSource, removeOrigin, setupOriginTable } from '@org/cors-source-postgres';
import pg from 'pg';
import type { TenantStore } from './tenant-store.js';

/**
 * Tenant domains in PostgreSQL: the table, its index and its NOTIFY trigger are set up at boot
 * (idempotent), and the provider LISTENs, so a write from any instance, `psql` or a migration reaches
 * this one within milliseconds of its commit. `onError` hears about a dropped listening connection.
 */
export async function openPostgresStore(config: pg.PoolConfig, onError: (error: Error) => void): Promise<TenantStore> {
  // keepAlive: a silently dead path to the server is noticed, and the listener replaced.
  const pool = new pg.Pool({ max: 4, keepAlive: true, ...config });
  pool.on('error', onError); // an idle client's error would otherwise crash the process
  try {
    await setupOriginTable(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const provider = postgresOriginSource({ pool, onError });
  const where = `${config.host ?? 'localhost'}:${config.port ?? 5432}/${config.database ?? ''}`;
  return {
    description: config.connectionString === undefined ? `postgres ${where}` : 'postgres DATABASE_URL',
    provider,
    add: (origin) => addOrigin(pool, origin),
    remove: (origin) => removeOrigin(pool, origin),
    list: async () => (await pool.query<{ origin: string }>('SELECT origin FROM cors_origins ORDER BY origin')).rows.map((row) => row.origin),
    close: () => pool.end(),
  };
}
