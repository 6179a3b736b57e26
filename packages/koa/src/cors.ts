import { format } from 'node:util';
import {
  corsDecider, loadPolicyInNode, mergeVary, originPreparer, requestFacts, writeNodeDecision, type CorsDecision, type CorsEventOptions, type CorsPolicySource,
} from '@org/cors-core/node';
import type { Middleware } from 'koa';

/**
 * Options of {@link cors}: the environment, and the decision events, report-only candidate (a loaded
 * policy, compiled data or raw input validated at boot) and developer mode every adapter takes.
 */
export interface CorsOptions extends CorsEventOptions<CorsPolicySource> {
  /** Environment overlay to enforce (e.g. `'development'`); unknown names fail at boot. Default: the policy's own. */
  readonly environment?: string | undefined;
}

/**
 * Koa middleware enforcing a CORS policy: one from `definePolicy`, compiled data (`compilePolicy()`,
 * `cors-policy compile`, `loadCompiledPolicy()`) — which never loads the validator — or raw policy
 * input, validated here so a bad policy throws `CorsPolicyError`, listing every issue, at boot.
 *
 * Per request it resolves the decision, writes it with core's Node writer (which keeps `Origin` in
 * `Vary` even when a later `ctx.set('Vary', …)` replaces it), answers preflights itself (204 / the
 * policy's refusal status) and awaits `next()` for everything else. Koa's error handler clears the
 * response headers, so whatever a downstream middleware throws leaves carrying them on `err.headers`,
 * which Koa re-applies.
 *
 * A policy with origin sources is passed bound (`bindOriginSources(policy, providers)`); an unbound
 * one throws `CorsPolicyError` here. A request whose origin a lookup source must be asked about waits
 * for it (at most the source's `timeoutMs`).
 *
 * @example
 * import { cors } from '@org/cors-koa';
 * app.use(cors(apiPolicy));
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/koa.md (install, usage, migrating from `@koa/cors`)
 */
export function cors(policy: CorsPolicySource, options: CorsOptions = {}): Middleware {
  const { environment, onDecision, onError, reportOnly, developerMode } = options;
  // Without onDecision, reportOnly or developerMode this is resolveCors bound to the policy.
  const enforced = loadPolicyInNode(policy, environment);
  const candidate = reportOnly === undefined ? undefined : loadPolicyInNode(reportOnly, environment);
  // Bound lookup sources: what to await before deciding (undefined: nothing, ever).
  const prepare = originPreparer(enforced, candidate);
  const decide = corsDecider(enforced, { onDecision, onError, developerMode, env: process.env, reportOnly: candidate });
  return async function corsMiddleware(ctx, next) {
    const pending = prepare?.(ctx.req.headers.origin, ctx.originalUrl);
    if (pending !== undefined) await pending;
    const decision = decide(requestFacts(ctx.method, ctx.originalUrl, (name) => ctx.req.headers[name]));
    writeNodeDecision(ctx.res, decision);
    if (decision.end) {
      ctx.body = null; // an explicitly empty body (before the status: a null body on 200 would become 204)
      ctx.status = decision.status;
      return;
    }
    try {
      await next();
    } catch (thrown) {
      throw carryHeaders(thrown, decision);
    }
  };
}

type KoaError = Error & { headers?: Record<string, string | string[]>; status?: unknown; statusCode?: unknown; expose?: unknown };

/**
 * The thrown value, carrying the decision's headers on `err.headers` (what Koa's `ctx.onerror` sets
 * on the error response). A non-error is wrapped as Koa itself would wrap it; a frozen or sealed
 * error is copied (Koa answers the copy alike: same message, status and exposure).
 */
function carryHeaders(thrown: unknown, decision: CorsDecision): unknown {
  if (decision.headers.length === 0 && decision.vary.length === 0) return thrown;
  // Koa's own test (lib/context.js onerror): also true for errors from another realm.
  const isError = Object.prototype.toString.call(thrown) === '[object Error]' || thrown instanceof Error;
  const error = (isError ? thrown : new Error(format('non-error thrown: %j', thrown))) as KoaError;
  const headers = { ...error.headers };
  for (const [name, value] of decision.headers) headers[name] = value;
  const varyKey = Object.keys(headers).find((name) => name.toLowerCase() === 'vary') ?? 'Vary';
  const vary = mergeVary(headers[varyKey], decision.vary);
  if (vary !== undefined) headers[varyKey] = vary;
  if (Reflect.set(error, 'headers', headers)) return error;
  return Object.assign(new Error(error.message, { cause: error }), { status: error.status, statusCode: error.statusCode, expose: error.expose, headers });
}
