import { compiledOf } from './compiled-policy.js';
import { DecisionReason, type CorsDecision, type PreflightRefusedDecision } from './decision.js';
import type { RequestFacts } from './request-facts.js';
import { scopeFor } from './resolve.js';
import type { RuntimeCorsPolicy } from './runtime-policy.js';

/*
 * Developer mode: refusals say why, in the browser's console and in the response. A refused preflight
 * carries no CORS headers in production (it must leak nothing), so the browser blames a missing
 * `Access-Control-Allow-Origin` even when the real cause is a method or a header. Here, for an origin
 * the policy allows, the preflight is answered the way the browser needs to name the real cause.
 */

/** The response header naming the refusal's reason code (`explain`'s `DecisionReason`), on every refusal in developer mode. */
export const REFUSAL_HEADER = 'CORS-Policy-Refusal';

/** Refusals that happen after the origin check passed: the caller's origin is one the policy allows. */
const ORIGIN_ALLOWED_REFUSALS: ReadonlySet<string> = new Set([DecisionReason.MethodNotAllowed, DecisionReason.HeaderNotAllowed]);

/** Thrown when developer mode is asked for while `NODE_ENV` is `production`. */
export class DeveloperModeError extends Error {
  override readonly name = 'DeveloperModeError';
  /** Stable code for tooling. */
  readonly code = 'developer-mode/production';
  constructor() {
    super(
      'CORS developer mode is refused: NODE_ENV is "production". Developer mode answers refused preflights with the ' +
        "policy's method and header lists and names refusal reasons in a response header; never run it in production. " +
        'Fix: pass developerMode only outside production, e.g. developerMode: process.env.NODE_ENV === "development".',
    );
  }
}

/**
 * Throws {@link DeveloperModeError} when `env.NODE_ENV` is `production`. Core never reads `process`
 * itself (it runs where there is none): the adapters pass `process.env`, or `globalThis.process?.env`
 * on Fetch hosts.
 */
export function assertDeveloperModeAllowed(env: Readonly<Record<string, string | undefined>>): void {
  if (Object.prototype.hasOwnProperty.call(env, 'NODE_ENV') && env['NODE_ENV'] === 'production') throw new DeveloperModeError();
}

/**
 * The decision as developer mode writes it:
 * - every refusal (preflight or actual) gains `CORS-Policy-Refusal: <reason code>`;
 * - a preflight refused for its method or a header, from an origin the policy allows, is answered with
 *   the policy's success status and `Access-Control-Allow-Origin` (+ `-Credentials`), plus the policy's
 *   real `Access-Control-Allow-Methods` / `-Allow-Headers` lists, which omit what was asked: the browser
 *   still blocks the request and its console names the method or header.
 * Never: `Access-Control-Allow-Origin` for an origin the policy refuses, or on an actual request it
 * refuses (the page could then read the response). Allowed decisions are returned unchanged.
 */
export function developerModeDecision(policy: RuntimeCorsPolicy, facts: RequestFacts, decision: CorsDecision): CorsDecision {
  if (decision.kind === 'actual-refused') return { ...decision, headers: [...decision.headers, [REFUSAL_HEADER, decision.reason]] };
  if (decision.kind !== 'preflight-refused') return decision;
  const refusal: readonly [string, string] = [REFUSAL_HEADER, decision.reason];
  if (!ORIGIN_ALLOWED_REFUSALS.has(decision.reason) || facts.origin === undefined) return { ...decision, headers: [...decision.headers, refusal] };
  const compiled = compiledOf(policy);
  const { rules } = scopeFor(compiled, facts.path);
  const headers: Array<readonly [string, string]> = [['Access-Control-Allow-Origin', rules.anyOrigin ? '*' : facts.origin]];
  if (rules.credentials) headers.push(['Access-Control-Allow-Credentials', 'true']);
  if (rules.methods.size > 0) headers.push(['Access-Control-Allow-Methods', [...rules.methods].join(', ')]);
  const allowHeaders = rules.allowHeadersValue ?? (rules.headerNames.length > 0 ? rules.headerNames.join(', ') : undefined);
  if (allowHeaders !== undefined) headers.push(['Access-Control-Allow-Headers', allowHeaders]);
  headers.push(refusal);
  const answered: PreflightRefusedDecision = { ...decision, headers, status: compiled.preflight.successStatus };
  return answered;
}
