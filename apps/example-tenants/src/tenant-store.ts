import type { OriginListProvider } from '@org/cors-core';

/**
 * Where the tenant domains live: the provider the policy's source is bound to, and the writes the
 * admin API makes. One implementation per database (SQLite, PostgreSQL); the app knows neither.
 */
export interface TenantStore {
  /** For logs: `sqlite /path/tenants.db` or `postgres host:port/db`. */
  readonly description: string;
  readonly provider: OriginListProvider;
  /** `true` when the origin was not there yet. */
  add(origin: string): Promise<boolean>;
  /** `true` when the origin was there. */
  remove(origin: string): Promise<boolean>;
  /** Every stored value, as stored (invalid ones included: the runtime drops those). */
  list(): Promise<string[]>;
  /** Releases the database; call after `closeSources`. */
  close(): Promise<void>;
}
