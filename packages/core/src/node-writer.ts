import type { CorsDecision } from './decision.js';
import { mergeVary } from './vary.js';

/*
 * The one writer for Node responses (`http.ServerResponse`, hence Express, Koa, Nest on Express or
 * Fastify's raw reply). Duck-typed: no `node:` import, so it lives in the runtime entry.
 */

/** What the writer needs of a Node `ServerResponse`. */
export interface NodeResponseLike {
  setHeader(name: string, value: string): unknown;
  getHeader(name: string): string | number | readonly string[] | undefined;
  writeHead(...args: never[]): unknown;
}

const KEPT_VARY = Symbol('cors-kept-vary');
const ORIGINAL_WRITE_HEAD = Symbol('cors-original-write-head');

interface Guarded {
  [KEPT_VARY]?: readonly string[];
  [ORIGINAL_WRITE_HEAD]?: (...args: unknown[]) => unknown;
}

/**
 * Sets the decision's headers on a Node response and appends its `Vary` tokens to the response's
 * own. The tokens are appended again when the head is written, so an app that later *replaces*
 * `Vary` (`res.setHeader('Vary', 'Accept-Encoding')`, `ctx.set('Vary', …)`, `writeHead(…, { vary })`)
 * cannot drop `Origin` while the origin-specific `Access-Control-Allow-Origin` stays: a cache would
 * then serve one origin's answer to another.
 *
 * @example
 * writeNodeDecision(res, decision);
 * if (decision.end) { res.statusCode = decision.status; res.end(); }
 */
export function writeNodeDecision(res: NodeResponseLike, decision: CorsDecision): void {
  const headers = decision.headers;
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i] as readonly [string, string];
    res.setHeader(header[0], header[1]);
  }
  appendVary(res, decision.vary);
}

/** Appends Vary tokens to the response's own, now and again when the head is written. */
export function appendVary(res: NodeResponseLike, tokens: readonly string[]): void {
  if (tokens.length === 0) return;
  const merged = mergeVary(res.getHeader('Vary'), tokens);
  if (merged !== undefined) res.setHeader('Vary', merged);
  keepVary(res as NodeResponseLike & Guarded, tokens);
}

/** One shared function (no closure per request): the original `writeHead` and tokens sit on the response. */
function keepVary(res: NodeResponseLike & Guarded, tokens: readonly string[]): void {
  if (res[KEPT_VARY] === undefined) {
    res[ORIGINAL_WRITE_HEAD] = res.writeHead as (...args: unknown[]) => unknown;
    (res as { writeHead: unknown }).writeHead = writeHeadKeepingVary;
  }
  res[KEPT_VARY] = tokens;
}

function writeHeadKeepingVary(this: NodeResponseLike & Guarded, ...args: unknown[]): unknown {
  const tokens = this[KEPT_VARY] as readonly string[];
  const merged = mergeVary(this.getHeader('Vary'), tokens);
  if (merged !== undefined) this.setHeader('Vary', merged);
  // Headers passed to writeHead itself replace those set before: merge into a copy of them too, in
  // either form Node takes (an object, or a flat [name, value, name, value…] array).
  const last = args[args.length - 1];
  if (Array.isArray(last)) {
    const flat = [...(last as unknown[])];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      if (String(flat[i]).toLowerCase() === 'vary') flat[i + 1] = mergeVary(flat[i + 1] as string | string[] | undefined, tokens);
    }
    args[args.length - 1] = flat;
  } else if (last !== null && typeof last === 'object') {
    const given = last as Record<string, unknown>;
    const key = Object.keys(given).find((name) => name.toLowerCase() === 'vary');
    if (key !== undefined) args[args.length - 1] = { ...given, [key]: mergeVary(given[key] as string | string[] | undefined, tokens) };
  }
  return (this[ORIGINAL_WRITE_HEAD] as (...a: unknown[]) => unknown).apply(this, args);
}
