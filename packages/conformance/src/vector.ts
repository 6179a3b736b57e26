import type { PolicyInput } from '@org/cors-core';

/** A request the harness sends. Header values given as an array are sent as repeated lines. */
export interface VectorRequest {
  readonly method: string;
  /** Path and optional query string, e.g. `/api/items?page=2`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** A request body, sent as UTF-8 with its Content-Length. */
  readonly body?: string;
}

/** What the standard app does for this vector (see {@link ConformanceApp}). */
export interface VectorApp {
  /** A token the app *appends* to `Vary` with the framework's own primitive. */
  readonly vary?: string;
  /** The app throws an `Error`; the framework's default error handling answers (500). */
  readonly throws?: boolean;
}

/**
 * What a browser would conclude from the response, computed with the Fetch standard's CORS check
 * (actual requests) or CORS-preflight check (preflights: status, origin, credentials, requested
 * method and every requested header). Asserts the meaning of the headers, not their spelling.
 */
export interface BrowserVerdict {
  /** The request's credentials mode is `include` (cookies sent, `*` taken literally). */
  readonly credentials: boolean;
  /** True: the page may read the response / the browser proceeds after the preflight. */
  readonly allowed: boolean;
}

/** The response the vector requires. Header names are case-insensitive. */
export interface VectorExpect {
  /** The exact status, or the statuses that are all acceptable (only where the host's own limits decide). */
  readonly status: number | readonly number[];
  /** Headers that must be present with exactly these values. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Headers that must not be present. */
  readonly absent?: readonly string[];
  /** Tokens that must be present in `Vary` (case-insensitive). */
  readonly vary?: readonly string[];
  /** Tokens that must not be present in `Vary` (case-insensitive). */
  readonly noVary?: readonly string[];
  /**
   * Comma-separated list headers that must contain these items. Items of
   * `Access-Control-Allow-Methods` compare byte for byte (as Fetch compares methods), others
   * case-insensitively.
   */
  readonly includes?: Readonly<Record<string, readonly string[]>>;
  /** Comma-separated list headers that must not contain these items (an absent header passes). */
  readonly excludes?: Readonly<Record<string, readonly string[]>>;
  /** The browser's conclusion (see {@link BrowserVerdict}). */
  readonly browser?: BrowserVerdict;
  /**
   * Whether the app handler ran, observed through its `x-app-ran: 1` header. For vectors whose app
   * throws, the framework's error handler may drop that header, so the 500 status is the evidence.
   */
  readonly appRan: boolean;
  /** Upper bound for the whole round trip, for vectors about request input that must stay cheap. */
  readonly maxDurationMs?: number;
}

/**
 * One conformance vector: a policy, a request and the response every host must produce. Plain data;
 * every expectation is derived from CORS-RULES.md, the Fetch standard and the core API contract.
 */
export interface ConformanceVector {
  /** Stable id, `theme/case`, e.g. `origin/null`. */
  readonly id: string;
  /** The behaviour, as a sentence: the test title. */
  readonly title: string;
  readonly policy: PolicyInput;
  /** The environment overlay to load the policy with (`definePolicy(policy, { environment })`). */
  readonly environment?: string;
  readonly request: VectorRequest;
  readonly app?: VectorApp;
  readonly expect: VectorExpect;
}
