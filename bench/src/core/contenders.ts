import cors from 'cors';
import { definePolicy, mergeVary, requestFacts, resolveCors, type CorsPolicy } from '@org/cors-core';
import { apiPolicyInput } from '@org/cors-policies';
import { ALLOW_HEADERS, CREDENTIALS, EXPOSE_HEADERS, MAX_AGE, METHODS } from '../shared/bench-rules.js';
import type { Middleware } from './fake-http.js';

export type CoreContenderName = 'ours' | 'baseline' | 'cors';

/** The storefront policy with `origins` replaced (route rules kept: resolving pays for them). */
export function benchPolicy(origins: readonly string[]): CorsPolicy {
  return definePolicy({ ...apiPolicyInput, origins: [...origins] });
}

/**
 * @org/cors-core as every adapter uses it: facts from the request, one decision, headers set and
 * Vary appended, the preflight ended or the app called.
 */
export function oursMiddleware(policy: CorsPolicy): Middleware {
  return (req, res, next) => {
    const decision = resolveCors(policy, requestFacts(req.method, req.url, (name) => req.headers[name]));
    for (const [name, value] of decision.headers) res.setHeader(name, value);
    const vary = mergeVary(res.getHeader('vary'), decision.vary);
    if (vary !== undefined) res.setHeader('Vary', vary);
    if (!decision.end) return next();
    res.statusCode = decision.status;
    res.end();
  };
}

/** The `cors` package configured as its users would for this policy: an array of origins. */
export function corsMiddleware(origins: readonly string[]): Middleware {
  const middleware = cors({
    origin: [...origins],
    credentials: CREDENTIALS,
    methods: [...METHODS],
    allowedHeaders: [...ALLOW_HEADERS],
    exposedHeaders: [...EXPOSE_HEADERS],
    maxAge: MAX_AGE,
  });
  return middleware as unknown as Middleware;
}

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const PREFLIGHT_VARY = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';

/**
 * The floor: a `Set` lookup and constant header strings, no parsing, no validation of the requested
 * method or headers. What a careful hand-written middleware costs.
 */
export function baselineMiddleware(origins: readonly string[]): Middleware {
  const allowed = new Set(origins);
  const methods = METHODS.join(', ');
  const allowHeaders = ALLOW_HEADERS.join(', ');
  const exposeHeaders = EXPOSE_HEADERS.join(', ');
  const maxAge = String(MAX_AGE);
  return (req, res, next) => {
    const origin = req.headers['origin'];
    const ok = origin !== undefined && allowed.has(origin);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      if (ok) {
        res.setHeader(ACAO, origin);
        res.setHeader(ACAC, 'true');
        res.setHeader('Access-Control-Allow-Methods', methods);
        res.setHeader('Access-Control-Allow-Headers', allowHeaders);
        res.setHeader('Access-Control-Max-Age', maxAge);
      }
      res.setHeader('Vary', PREFLIGHT_VARY);
      res.statusCode = ok ? 204 : 403;
      res.end();
      return;
    }
    if (ok) {
      res.setHeader(ACAO, origin);
      res.setHeader(ACAC, 'true');
      res.setHeader('Access-Control-Expose-Headers', exposeHeaders);
    }
    res.setHeader('Vary', 'Origin');
    next();
  };
}

/** The three contenders for one origin list. */
export function coreContenders(origins: readonly string[]): Record<CoreContenderName, Middleware> {
  return {
    ours: oursMiddleware(benchPolicy(origins)),
    baseline: baselineMiddleware(origins),
    cors: corsMiddleware(origins),
  };
}
