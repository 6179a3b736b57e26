import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, Optional, type NestMiddleware } from '@nestjs/common';
import { CONTINUE, observedNodeCorsHandler, originPreparer, type CorsObservationOptions, type RuntimeCorsPolicy } from '@org/cors-core/node';
import { CORS_OBSERVATION, CORS_POLICY } from './cors-policy-token.js';

/** A Node request as Express (`originalUrl`) or plain Node hands it over. */
type NodeRequest = IncomingMessage & { originalUrl?: string };

/**
 * The policy as a plain `(req, res, next)` handler over Node's own `IncomingMessage`/`ServerResponse`
 * (what Nest hands middleware on both the Express and the Fastify platform). Core's Node writer keeps
 * `Origin` in `Vary` even when a handler's `@Header('Vary', …)` (or Fastify's `reply.header`) replaces it.
 * `observation` (decision events, report-only, developer mode) switches from the fused path to core's
 * general one; without it nothing changes. A policy with origin sources is passed bound
 * (`bindOriginSources`); an unbound one throws `CorsPolicyError` here. A request whose origin a lookup
 * source must be asked about waits for it (at most the source's `timeoutMs`).
 */
export function corsPolicyHandler(policy: RuntimeCorsPolicy, observation?: CorsObservationOptions): (req: NodeRequest, res: ServerResponse, next: (error?: unknown) => void) => void {
  const handle = observedNodeCorsHandler(policy, observation);
  const prepare = originPreparer(policy, observation?.reportOnly);
  const answer = (req: NodeRequest, res: ServerResponse, next: () => void): void => {
    // `originalUrl`: Express rewrites `url` below a mount point (middie sets it too); route rules need the full path.
    const status = handle(req.method ?? 'GET', req.originalUrl ?? req.url ?? '/', req.headers, res);
    if (status === CONTINUE) return next();
    res.statusCode = status;
    res.end();
  };
  if (prepare === undefined) return answer;
  return (req, res, next) => {
    const pending = prepare(req.headers.origin, req.originalUrl ?? req.url ?? '/');
    if (pending === undefined) return answer(req, res, next);
    // The lookup never rejects; an error of the answer itself goes to the platform's error handling.
    pending.then(() => answer(req, res, next)).catch(next);
  };
}

/**
 * The policy as a Nest middleware class, for applying it yourself with `consumer.apply()` in a module
 * (`CorsPolicyModule` does not need it: it installs {@link corsPolicyHandler} ahead of Nest's pipeline).
 */
@Injectable()
export class CorsPolicyMiddleware implements NestMiddleware {
  private readonly handle: ReturnType<typeof corsPolicyHandler>;

  constructor(@Inject(CORS_POLICY) policy: RuntimeCorsPolicy, @Optional() @Inject(CORS_OBSERVATION) observation?: CorsObservationOptions) {
    this.handle = corsPolicyHandler(policy, observation);
  }

  use(req: NodeRequest, res: ServerResponse, next: () => void): void {
    this.handle(req, res, next);
  }
}
