import type { OriginListProvider, OriginLookupProvider } from './origin-source.js';
import { providedOriginProblem } from './provided-origin.js';
import type { OriginSourceEvent } from './source-events.js';

/*
 * The runtime side of one bound source: what it holds now, how that is refreshed, and how failure
 * closes it. Uses timers and the clock (the only part of the runtime that does): everything else
 * stays pure, and the resolver reads these states synchronously.
 */

/** Settings of one source (the strictest over every place it is listed). */
export interface SourceSettings {
  readonly name: string;
  readonly refreshSeconds: number;
  readonly timeoutMs: number;
}

export type Emit = (event: OriginSourceEvent) => void;

/** What the runtime knows of one bound source right now. */
export interface SourceState {
  /** `true`: the source holds `origin`; `false`: it does not; `undefined`: it cannot say (refuse: fail closed). */
  has(origin: string): boolean | undefined;
  /** Lookup sources: a promise (that never rejects) while an answer is fetched; `undefined` when `has` can answer. */
  prepare(origin: string): Promise<void> | undefined;
}

/** A running source: its state for the resolver, plus its life cycle. */
export interface RunningSource extends SourceState {
  /** Resolves once the first listing has finished (lookup sources: at once). */
  readonly ready: Promise<void>;
  close(): void;
}

/** A running lookup source, which can also say whether it has a fresh answer for an origin. */
export interface RunningLookupSource extends RunningSource {
  /** Whether an answer for `origin` is cached and fresh: a map read, no validation of `origin`. */
  cached(origin: string): boolean;
}

type Timer = ReturnType<typeof setTimeout>;

/** Timers must not keep a host process alive (Node's `unref`, where the host has it). */
function unref<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

const MAX_SHOWN = 200;
const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : `(${value === null ? 'null' : typeof value})`;
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
};

const messageOf = (error: unknown): string => shown(error instanceof Error ? error.message : String(error));

/** The most values one listing may yield (ten times the largest set the runtime is sized for). */
const MAX_LISTED = 1_000_000;

const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * Runs one provider call with an AbortSignal aborted after `timeoutMs`: settles with the call's result,
 * or rejects with TIMED_OUT when the timer fires first. Never waits longer than the timeout.
 */
function withTimeout<T>(timeoutMs: number, call: (signal: AbortSignal) => Promise<T> | T): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = unref(setTimeout(() => {
      controller.abort();
      reject(TIMED_OUT);
    }, timeoutMs));
    let pending: Promise<T>;
    try {
      pending = Promise.resolve(call(controller.signal));
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error); },
    );
  });
}

/** How a failed provider call is reported: its message (or the timeout), and whether it timed out. */
function failure(error: unknown, timeoutMs: number): { readonly error: string; readonly timedOut: boolean } {
  return error === TIMED_OUT ? { error: `timed out after ${timeoutMs} ms`, timedOut: true } : { error: messageOf(error), timedOut: false };
}

/** A list provider: the whole set, refreshed every refreshSeconds / 2 and on `changed()`, expiring after refreshSeconds. */
export function runListSource(settings: SourceSettings, provider: OriginListProvider, emit: Emit): RunningSource {
  const { name, refreshSeconds, timeoutMs } = settings;
  let origins: Set<string> | undefined;
  let expiry: Timer | undefined;
  let listing = false;
  let again = false;
  let closed = false;
  let unsubscribe: (() => void) | undefined;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });

  const expire = (): void => { origins = undefined; };

  const listOnce = async (): Promise<void> => {
    const started = Date.now();
    try {
      const listed = await withTimeout(timeoutMs, (signal) => provider.list(signal));
      if (closed) return;
      if (listed === null || typeof listed !== 'object' || typeof (listed as Iterable<unknown>)[Symbol.iterator] !== 'function') {
        throw new TypeError(`list() returned ${shown(listed)}, not an iterable of origins`);
      }
      const next = new Set<string>();
      let seen = 0;
      for (const value of listed as Iterable<unknown>) {
        // An endless iterable would hold the event loop (and every request) forever: a listing is bounded.
        if (++seen > MAX_LISTED) throw new RangeError(`list() yielded more than ${MAX_LISTED} values`);
        const problem = providedOriginProblem(value);
        if (problem === undefined) next.add(value as string);
        else emit({ type: 'origin-dropped', source: name, value: shown(value), reason: problem });
      }
      origins = next;
      if (expiry !== undefined) clearTimeout(expiry);
      expiry = unref(setTimeout(expire, refreshSeconds * 1000));
      emit({ type: 'listed', source: name, count: next.size, ms: Date.now() - started });
    } catch (error) {
      if (!closed) emit({ type: 'list-failed', source: name, ...failure(error, timeoutMs) });
    }
  };

  /**
   * Coalesced: a change reported while listing lists once more afterwards, never twice at once; a burst
   * of `changed()` calls in one tick (a NOTIFY per changed row) lists once.
   */
  let scheduled = false;
  const changed = (): void => {
    if (scheduled || closed) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      refresh();
    });
  };
  const refresh = (): void => {
    if (closed) return;
    if (listing) { again = true; return; }
    listing = true;
    void (async () => {
      do {
        again = false;
        await listOnce();
      } while (again && !closed);
      listing = false;
      markReady();
    })();
  };

  const interval = unref(setInterval(refresh, (refreshSeconds * 1000) / 2));
  refresh();
  if (provider.subscribe !== undefined) {
    try {
      void Promise.resolve(provider.subscribe(changed)).then(
        (stop) => { if (closed) stop(); else unsubscribe = stop; },
        (error: unknown) => emit({ type: 'list-failed', source: name, error: `subscribe failed: ${messageOf(error)}`, timedOut: false }),
      );
    } catch (error) {
      emit({ type: 'list-failed', source: name, error: `subscribe failed: ${messageOf(error)}`, timedOut: false });
    }
  }

  return {
    ready,
    has: (origin) => (origins === undefined ? undefined : origins.has(origin)),
    prepare: () => undefined,
    close() {
      closed = true;
      clearInterval(interval);
      if (expiry !== undefined) clearTimeout(expiry);
      origins = undefined;
      unsubscribe?.();
      markReady();
    },
  };
}

/** A cached answer: held or not (`undefined`: the provider failed), until `expires` (ms since the epoch). */
interface Answer {
  readonly held: boolean | undefined;
  readonly expires: number;
}

/** Failed lookups are retried after this at most (or the refresh period, if shorter). */
const FAILURE_TTL_SECONDS = 5;

/** A lookup provider: one origin at a time, answers cached in a bounded map (oldest evicted), misses coalesced. */
export function runLookupSource(settings: SourceSettings, provider: OriginLookupProvider, emit: Emit, cacheSize: number): RunningLookupSource {
  const { name, refreshSeconds, timeoutMs } = settings;
  const answers = new Map<string, Answer>();
  const inFlight = new Map<string, Promise<void>>();
  let closed = false;

  const remember = (origin: string, held: boolean | undefined, seconds: number): void => {
    answers.delete(origin);
    if (answers.size >= cacheSize) answers.delete(answers.keys().next().value as string);
    answers.set(origin, { held, expires: Date.now() + seconds * 1000 });
  };

  const fresh = (origin: string): Answer | undefined => {
    const answer = answers.get(origin);
    return answer !== undefined && answer.expires > Date.now() ? answer : undefined;
  };

  const lookUp = (origin: string): Promise<void> =>
    withTimeout(timeoutMs, (signal) => provider.has(origin, signal)).then(
      (held) => {
        if (closed) return;
        if (typeof held !== 'boolean') throw new TypeError(`has() returned ${shown(held)}, not true or false`);
        remember(origin, held, refreshSeconds);
      },
    ).catch((error: unknown) => {
      if (closed) return;
      remember(origin, undefined, Math.min(refreshSeconds, FAILURE_TTL_SECONDS));
      emit({ type: 'lookup-failed', source: name, origin, ...failure(error, timeoutMs) });
    }).finally(() => { inFlight.delete(origin); });

  return {
    ready: Promise.resolve(),
    cached: (origin) => fresh(origin) !== undefined,
    has(origin) {
      // Cached answers are for valid origins only, so a hit needs no validation (the hot path).
      const answer = fresh(origin);
      if (answer !== undefined) return answer.held;
      // An origin no browser would send is never asked about, and never in the source.
      return providedOriginProblem(origin) === undefined ? undefined : false;
    },
    prepare(origin) {
      if (closed || fresh(origin) !== undefined || providedOriginProblem(origin) !== undefined) return undefined;
      let pending = inFlight.get(origin);
      if (pending === undefined) inFlight.set(origin, (pending = lookUp(origin)));
      return pending;
    },
    close() {
      closed = true;
      answers.clear();
    },
  };
}
