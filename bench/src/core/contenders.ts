import cors from 'cors';
import { cors as honoCors } from 'hono/cors';
import { cors as fetchCors } from '@org/cors-fetch';
import { CONTINUE, nodeCorsHandler, type RuntimeCorsPolicy } from '@org/cors-core/runtime';
import { ALLOW_HEADERS, CREDENTIALS, EXPOSE_HEADERS, MAX_AGE, METHODS } from '../shared/bench-rules.js';
import { runtimePolicy, seedInput } from '../shared/runtime-path.js';
import type { Middleware } from './fake-http.js';
import type { WebMiddleware } from './fake-hono-context.js';

/*
 * The contenders of the core bench, in two host families. Node family (Express/Connect shape, the
 * fake `res` of fake-http.ts): ours, a hand-written baseline, `cors` with the origin array its
 * README shows, and `cors` with a Set-backed origin function. Web family (Hono's middleware shape,
 * the fake context of fake-hono-context.ts, real `Headers`): ours and hono/cors.
 */

export type NodeContenderName = 'ours' | 'baseline' | 'cors' | 'cors (Set)';
export type WebContenderName = 'ours (web)' | 'hono/cors';
export type CoreContenderName = NodeContenderName | WebContenderName;
export const NODE_CONTENDERS: readonly NodeContenderName[] = ['ours', 'baseline', 'cors', 'cors (Set)'];
export const WEB_CONTENDERS: readonly WebContenderName[] = ['ours (web)', 'hono/cors'];

/**
 * The seed policy with `origins` replaced (route rules kept: resolving pays for them), through the
 * runtime path: compiled to JSON, parsed, loaded with `loadCompiledPolicy`.
 */
export function benchPolicy(origins: readonly string[]): RuntimeCorsPolicy {
  return runtimePolicy(seedInput(origins));
}

/**
 * Ours as the Express and Nest adapters run it (`@org/cors-core/runtime`): `nodeCorsHandler`, the fused
 * Node path (headers read and precomputed values written, Vary merged and kept), the preflight ended or
 * the app called.
 */
export function oursMiddleware(policy: RuntimeCorsPolicy): Middleware {
  const handle = nodeCorsHandler(policy);
  return (req, res, next) => {
    const status = handle(req.method, req.url, req.headers, res);
    if (status === CONTINUE) return next();
    res.statusCode = status;
    res.end();
  };
}

/** Ours on a Web host: @org/cors-fetch's Hono middleware (preflights answered with a Response, else headers written after the app). */
export function oursWebMiddleware(policy: RuntimeCorsPolicy): WebMiddleware {
  const middleware = fetchCors(policy);
  return (c, next) => middleware(c as unknown as Parameters<typeof middleware>[0], next);
}

const CORS_OPTIONS = {
  credentials: CREDENTIALS,
  methods: [...METHODS],
  allowedHeaders: [...ALLOW_HEADERS],
  exposedHeaders: [...EXPOSE_HEADERS],
  maxAge: MAX_AGE,
};

/** The `cors` package configured as its README shows for an allow-list: an array of origins. */
export function corsMiddleware(origins: readonly string[]): Middleware {
  return cors({ origin: [...origins], ...CORS_OPTIONS }) as unknown as Middleware;
}

/** The `cors` package with an origin function backed by a Set: what a careful user does for a long list. */
export function corsSetMiddleware(origins: readonly string[]): Middleware {
  const allowed = new Set(origins);
  return cors({ origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)), ...CORS_OPTIONS }) as unknown as Middleware;
}

/** hono/cors with the origin array its docs show. */
export function honoMiddleware(origins: readonly string[]): WebMiddleware {
  const middleware = honoCors({
    origin: [...origins],
    credentials: CREDENTIALS,
    allowMethods: [...METHODS],
    allowHeaders: [...ALLOW_HEADERS],
    exposeHeaders: [...EXPOSE_HEADERS],
    maxAge: MAX_AGE,
  });
  return (c, next) => middleware(c as unknown as Parameters<typeof middleware>[0], next) as Promise<Response | void>;
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

interface CoreContenders {
  readonly node: Readonly<Record<NodeContenderName, Middleware>>;
  readonly web: Readonly<Record<WebContenderName, WebMiddleware>>;
}

/** Every contender for one origin list. */
export function coreContenders(origins: readonly string[]): CoreContenders {
  const policy = benchPolicy(origins);
  return {
    node: { ours: oursMiddleware(policy), baseline: baselineMiddleware(origins), cors: corsMiddleware(origins), 'cors (Set)': corsSetMiddleware(origins) },
    web: { 'ours (web)': oursWebMiddleware(policy), 'hono/cors': honoMiddleware(origins) },
  };
}

