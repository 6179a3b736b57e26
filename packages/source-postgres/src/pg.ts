/*
 * The parts of `pg` (node-postgres 8) this package uses, typed structurally so that its declarations
 * need no `@types/pg`. A `new pg.Pool(config)` fits; so does a pool of `pg.Client`-compatible clients.
 */

export interface PgQueryConfig {
  text: string;
  values?: unknown[];
  /** Prepared once per connection under this name, then executed by name. */
  name?: string;
  rowMode?: 'array';
}

export interface PgQueryResult {
  rows: unknown[];
  rowCount: number | null;
}

export interface PgNotification {
  channel: string;
  payload?: string | undefined;
}

/** A client checked out of the pool. */
export interface PgPoolClient {
  /** The server process running this connection's queries (set once connected); used to cancel one. */
  readonly processID?: number | null;
  query(config: PgQueryConfig): Promise<PgQueryResult>;
  /** Back to the pool; with an error (or `true`) the pool closes the connection instead. */
  release(error?: Error | boolean): void;
  on(event: 'notification', listener: (message: PgNotification) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  removeListener(event: 'notification', listener: (message: PgNotification) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'end', listener: () => void): unknown;
}

/** The application's pool (`new pg.Pool(...)`): the provider never ends it. */
export interface PgPool {
  query(config: PgQueryConfig): Promise<PgQueryResult>;
  connect(): Promise<PgPoolClient>;
}
