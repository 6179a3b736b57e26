import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { mergeVary, requestFacts, resolveCors, type CorsPolicy } from '@org/cors-core';
import { CORS_POLICY } from './cors-policy-token.js';

/** A Node request as Express (`originalUrl`) or plain Node hands it over. */
type NodeRequest = IncomingMessage & { originalUrl?: string };

/**
 * The policy as a plain `(req, res, next)` handler over Node's own `IncomingMessage`/`ServerResponse`
 * (what Nest hands middleware on both the Express and the Fastify platform).
 */
export function corsPolicyHandler(policy: CorsPolicy): (req: NodeRequest, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    // `originalUrl`: Express rewrites `url` below a mount point; route rules need the full path.
    const facts = requestFacts(req.method ?? 'GET', req.originalUrl ?? req.url ?? '/', (name) => req.headers[name]);
    const decision = resolveCors(policy, facts);
    for (const [name, value] of decision.headers) res.setHeader(name, value);
    const vary = mergeVary(res.getHeader('vary'), decision.vary);
    if (vary !== undefined) res.setHeader('Vary', vary);
    if (!decision.end) return next();
    res.statusCode = decision.status;
    res.end();
  };
}

/**
 * The policy as a Nest middleware class, for applying it yourself with `consumer.apply()` in a module
 * (`CorsPolicyModule` does not need it: it installs {@link corsPolicyHandler} ahead of Nest's pipeline).
 */
@Injectable()
export class CorsPolicyMiddleware implements NestMiddleware {
  private readonly handle: ReturnType<typeof corsPolicyHandler>;

  constructor(@Inject(CORS_POLICY) policy: CorsPolicy) {
    this.handle = corsPolicyHandler(policy);
  }

  use(req: NodeRequest, res: ServerResponse, next: () => void): void {
    this.handle(req, res, next);
  }
}
