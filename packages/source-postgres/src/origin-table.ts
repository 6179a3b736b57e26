import type { PgPool } from './pg.js';
import { originTableSql, setupSql, type PostgresOriginChannelOptions, type PostgresOriginTableOptions } from './sql.js';

/**
 * Installs, in one transaction, what the provider reads and listens to (safe at every boot, and from
 * several instances at once):
 * - `CREATE TABLE IF NOT EXISTS cors_origins (origin text NOT NULL)` and a unique index on the column;
 * - a statement trigger that runs `pg_notify('<channel>', <table>)` after every insert, update,
 *   delete and truncate, so a change made by anyone (an admin page, `psql`, a migration) reaches
 *   every listening instance when it commits.
 *
 * Needs PostgreSQL 14 or later (`CREATE OR REPLACE TRIGGER`) and the right to create the table.
 */
export async function setupOriginTable(pool: PgPool, options: PostgresOriginChannelOptions = {}): Promise<void> {
  const statements = setupSql(options);
  const client = await pool.connect();
  try {
    for (const text of statements) await client.query({ text });
    client.release();
  } catch (error) {
    await client.query({ text: 'ROLLBACK' }).catch(() => undefined);
    client.release();
    throw error;
  }
}

/** Adds an origin (`https://shop.customer.com`); `true` when it was not there yet. Stored as given. */
export async function addOrigin(pool: PgPool, origin: string, options: PostgresOriginTableOptions = {}): Promise<boolean> {
  const { rowCount } = await pool.query({ text: originTableSql(options).add, values: [origin] });
  return (rowCount ?? 0) > 0;
}

/** Removes an origin; `true` when it was there. */
export async function removeOrigin(pool: PgPool, origin: string, options: PostgresOriginTableOptions = {}): Promise<boolean> {
  const { rowCount } = await pool.query({ text: originTableSql(options).remove, values: [origin] });
  return (rowCount ?? 0) > 0;
}
