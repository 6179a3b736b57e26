import type { PgNotification, PgPool, PgPoolClient } from './pg.js';

/** How long to wait before connecting again after the listening connection failed. */
export interface ReconnectOptions {
  /** First delay; doubled after each failure in a row. Default 100 ms. */
  minDelayMs?: number;
  /** Longest delay. Default 5,000 ms. */
  maxDelayMs?: number;
}

interface ListenOptions extends ReconnectOptions {
  pool: PgPool;
  channel: string;
  listenSql: string;
  onError?: ((error: Error) => void) | undefined;
}

/**
 * Holds one connection of the pool with `LISTEN <channel>` and calls `changed()` on each notification.
 * A lost connection (server restart, `pg_terminate_backend`, network) is replaced with backoff; once
 * listening after any failed attempt it calls `changed()`, since notifications sent meanwhile are lost. Resolves,
 * with the function that stops it, once the first attempt has listened or failed (it keeps retrying).
 */
export function listenForChanges(changed: () => void, options: ListenOptions): Promise<() => void> {
  const minDelay = options.minDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 5_000;
  let stopped = false;
  let current: PgPoolClient | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let firstTry = true;
  let detach = () => undefined as void;
  let firstAttemptDone: () => void = () => undefined;
  const firstAttempt = new Promise<void>((resolve) => (firstAttemptDone = resolve));

  const onNotification = (message: PgNotification) => {
    if (message.channel === options.channel) changed();
  };

  const report = (error: unknown) => {
    options.onError?.(error instanceof Error ? error : new Error(String(error)));
  };

  const retry = () => {
    if (stopped) return;
    const delay = Math.min(maxDelay, minDelay * 2 ** failures);
    failures += 1;
    timer = setTimeout(() => void connect(), delay);
    (timer as { unref?: () => void }).unref?.();
  };

  /** The connection `client` failed: close it (once), report, and connect again later. */
  const lose = (client: PgPoolClient, error: unknown) => {
    if (current !== client) return;
    current = undefined;
    client.removeListener('notification', onNotification);
    client.release(error instanceof Error ? error : new Error('connection ended'));
    report(error);
    retry();
  };

  async function connect(): Promise<void> {
    timer = undefined;
    let client: PgPoolClient;
    const retried = !firstTry;
    firstTry = false;
    try {
      client = await options.pool.connect();
    } catch (error) {
      report(error);
      firstAttemptDone();
      retry();
      return;
    }
    if (stopped) return client.release();
    current = client;
    const onError = (error: Error) => lose(client, error);
    const onEnd = () => lose(client, new Error('@org/cors-source-postgres: the listening connection ended'));
    // Kept on a dropped connection (a late error must never go unhandled); taken off when stop() hands it back.
    detach = () => {
      client.removeListener('error', onError);
      client.removeListener('end', onEnd);
    };
    client.on('error', onError);
    client.on('end', onEnd);
    client.on('notification', onNotification);
    try {
      await client.query({ text: options.listenSql });
    } catch (error) {
      lose(client, error);
      firstAttemptDone();
      return;
    }
    firstAttemptDone();
    if (stopped || current !== client) return;
    failures = 0;
    // Listening again after a failure: whatever changed in between was not notified to us.
    if (retried) changed();
  }

  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    const client = current;
    current = undefined;
    if (client === undefined) return;
    client.removeListener('notification', onNotification);
    // Back to the pool without the LISTEN; a connection that cannot even do that is closed.
    client.query({ text: 'UNLISTEN *' }).then(
      () => {
        detach();
        client.release();
      },
      (error: unknown) => client.release(error instanceof Error ? error : true),
    );
  };

  void connect();
  return firstAttempt.then(() => stop);
}
