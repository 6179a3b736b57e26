import type { PolicyInput } from '@org/cors-core';
import { ALLOW_HEADERS, CREDENTIALS, EXPOSE_HEADERS, MAX_AGE, METHODS, POLICY_ORIGINS } from '../shared/bench-rules.js';

/*
 * The source of each Next.js proxy the size bench bundles, as its author would write it. `exportName`
 * is `proxy` for a Node `proxy.ts` and `middleware` for an Edge `middleware.ts`. Data (the policy)
 * is inlined as a literal, as a bundler inlines an imported JSON file.
 */

export type SizeContender = 'bare' | 'ours lean' | 'ours runtime, no adapter' | 'ours authoring' | 'hono/cors' | 'hand-written';
export const SIZE_CONTENDERS: readonly SizeContender[] = ['bare', 'ours lean', 'ours runtime, no adapter', 'ours authoring', 'hono/cors', 'hand-written'];

export interface SeedForms {
  readonly input: PolicyInput;
  /** `JSON.stringify(compilePolicy(definePolicy(input)))`; undefined while core lacks the runtime entry. */
  readonly compiled: string | undefined;
}

/** The module source, or undefined when the contender cannot be built yet (lean path before the runtime entry). */
export function proxySource(contender: SizeContender, exportName: 'proxy' | 'middleware', seed: SeedForms): string | undefined {
  switch (contender) {
    case 'bare':
      return `import { NextResponse } from 'next/server';
export function ${exportName}() { return NextResponse.next(); }`;
    case 'ours lean':
      if (seed.compiled === undefined) return undefined;
      return `import { withCors } from '@org/cors-next';
import { loadCompiledPolicy } from '@org/cors-core/runtime';
export const ${exportName} = withCors(loadCompiledPolicy(${seed.compiled}));`;
    case 'ours runtime, no adapter':
      // For scale: the core runtime's share of the lean path, wired by hand as @org/cors-next would.
      if (seed.compiled === undefined) return undefined;
      return `import { NextResponse } from 'next/server';
import { loadCompiledPolicy, preflightResponse, resolveCors, webRequestFacts, withCorsHeaders } from '@org/cors-core/runtime';
const policy = loadCompiledPolicy(${seed.compiled});
export function ${exportName}(request) {
  const decision = resolveCors(policy, webRequestFacts(request));
  return decision.end ? preflightResponse(decision) : withCorsHeaders(NextResponse.next(), decision);
}`;
    case 'ours authoring':
      return `import { withCors } from '@org/cors-next';
import { definePolicy } from '@org/cors-core';
export const ${exportName} = withCors(definePolicy(${JSON.stringify(seed.input)}));`;
    case 'hono/cors':
      // hono/tiny: Hono's smallest preset (PatternRouter); the middleware needs a Hono app around it.
      return `import { NextResponse } from 'next/server';
import { Hono } from 'hono/tiny';
import { cors } from 'hono/cors';
const app = new Hono();
app.use(cors(${JSON.stringify({ origin: POLICY_ORIGINS, credentials: CREDENTIALS, allowMethods: METHODS, allowHeaders: ALLOW_HEADERS, exposeHeaders: EXPOSE_HEADERS, maxAge: MAX_AGE })}));
app.all('*', () => NextResponse.next());
export function ${exportName}(request) { return app.fetch(request); }`;
    case 'hand-written':
      // The Next.js docs' CORS example (middleware.ts), filled in for the seed policy.
      return `import { NextResponse } from 'next/server';
const allowedOrigins = ${JSON.stringify(POLICY_ORIGINS)};
const corsOptions = {
  'Access-Control-Allow-Methods': ${JSON.stringify(`${METHODS.join(', ')}, OPTIONS`)},
  'Access-Control-Allow-Headers': ${JSON.stringify(ALLOW_HEADERS.join(', '))},
  'Access-Control-Allow-Credentials': 'true',
};
export function ${exportName}(request) {
  const origin = request.headers.get('origin') ?? '';
  const isAllowedOrigin = allowedOrigins.includes(origin);
  const isPreflight = request.method === 'OPTIONS';
  if (isPreflight) {
    const preflightHeaders = { ...(isAllowedOrigin && { 'Access-Control-Allow-Origin': origin }), ...corsOptions };
    return NextResponse.json({}, { headers: preflightHeaders });
  }
  const response = NextResponse.next();
  if (isAllowedOrigin) response.headers.set('Access-Control-Allow-Origin', origin);
  Object.entries(corsOptions).forEach(([key, value]) => { response.headers.set(key, value); });
  return response;
}`;
  }
}
