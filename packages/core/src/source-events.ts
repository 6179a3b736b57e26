import type { DroppedOriginReason } from './provided-origin.js';

/** What happened to a bound origin source: for logs and metrics (`onSourceEvent`). */
export type OriginSourceEvent =
  /** A listing succeeded: `count` origins are in force (after dropping invalid ones), fetched in `ms`. */
  | { readonly type: 'listed'; readonly source: string; readonly count: number; readonly ms: number }
  /** A listing failed or timed out; the previous set stays in force until it expires. */
  | { readonly type: 'list-failed'; readonly source: string; readonly error: string; readonly timedOut: boolean }
  /** A lookup failed or timed out; the origin is refused (`source-unavailable`) for a few seconds. */
  | { readonly type: 'lookup-failed'; readonly source: string; readonly origin: string; readonly error: string; readonly timedOut: boolean }
  /** A provided value was not a canonical exact origin and was dropped (`value` is cut to 200 characters). */
  | { readonly type: 'origin-dropped'; readonly source: string; readonly value: string; readonly reason: DroppedOriginReason };

export type OriginSourceEventType = OriginSourceEvent['type'];
