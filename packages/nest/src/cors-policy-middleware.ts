import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { mergeVary, requestFacts, resolveCors, type CorsPolicy } from '@org/cors-core';
import { CORS_POLICY } from './cors-policy-token.js';

/**
 * Applies the module's policy to every request, before routing. Written against Node's own
 * `IncomingMessage`/`ServerResponse` (what Nest hands middleware on both the Express and the
 * Fastify platform), so it needs neither.
 */
@Injectable()
export class CorsPolicyMiddleware implements NestMiddleware {
  constructor(@Inject(CORS_POLICY) private readonly policy: CorsPolicy) {}

  use(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void): void {
    // `originalUrl`: Express rewrites `url` below a mount point; route rules need the full path.
    const facts = requestFacts(req.method ?? 'GET', req.originalUrl ?? req.url ?? '/', (name) => req.headers[name]);
    const decision = resolveCors(this.policy, facts);
    for (const [name, value] of decision.headers) res.setHeader(name, value);
    const vary = mergeVary(res.getHeader('vary'), decision.vary);
    if (vary !== undefined) res.setHeader('Vary', vary);
    if (!decision.end) return next();
    res.statusCode = decision.status;
    res.end();
  }
}
