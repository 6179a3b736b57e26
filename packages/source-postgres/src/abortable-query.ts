import type { PgPool, PgPoolClient, PgQueryConfig, PgQueryResult } from './pg.js';

/**
 * Runs one query on a client of its own and gives up the moment `signal` aborts (rejecting with the
 * signal's reason), waiting for a free connection included. A query still running then is cancelled
 * on the server (`pg_cancel_backend`, best effort) and its connection closed rather than handed back
 * to the pool mid-query, so an aborted call never holds a connection or a server process for long.
 */
export async function abortableQuery(pool: PgPool, config: PgQueryConfig, signal: AbortSignal): Promise<PgQueryResult> {
  signal.throwIfAborted();
  const client = await untilAborted(pool.connect(), signal, (late) => late.release());
  const running = client.query(config);
  try {
    const result = await untilAborted(running, signal);
    client.release();
    return result;
  } catch (error) {
    // A failed query leaves a usable connection (pg-pool drops broken ones itself).
    if (signal.aborted) abandon(pool, client, running);
    else client.release();
    throw error;
  }
}

function abandon(pool: PgPool, client: PgPoolClient, running: Promise<unknown>): void {
  running.catch(() => undefined); // cancelled or cut off: expected, nobody waits for it any more
  const pid = client.processID;
  // Sent before the close so that the server process is still ours; a no-op if it finished meanwhile.
  if (typeof pid === 'number') pool.query({ text: 'SELECT pg_cancel_backend($1)', values: [pid] }).catch(() => undefined);
  client.release(new Error('@org/cors-source-postgres: query abandoned after its signal aborted'));
}

/** `promise`, or a rejection with `signal.reason` as soon as it aborts (`late` gets a value that comes after). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, late?: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) late?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
