import { performance } from 'node:perf_hooks';

/**
 * Polls `check` every `intervalMs` until it holds and resolves with the milliseconds that took (from
 * `since`, a `performance.now()` reading); rejects with `what` once `timeoutMs` have passed.
 */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  { what, since = performance.now(), timeoutMs = 5_000, intervalMs = 5 }: { what: string; since?: number; timeoutMs?: number; intervalMs?: number },
): Promise<number> {
  for (;;) {
    if (await check()) return performance.now() - since;
    if (performance.now() - since > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
