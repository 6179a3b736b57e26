import { NextResponse } from 'next/server.js';
import { withCors } from '@org/cors-next';
import { compilePolicy } from '@org/cors-core';
import { loadCompiledPolicy } from '@org/cors-core/runtime';
import { apiPolicy, apiPolicyInput } from '@org/cors-policies';

/*
 * The three contenders of the proxy rows: a Next.js 16 `proxy.ts` (Node runtime) in front of a bare
 * route handler (`/proxied/items`). The proxy module picks one by BENCH_CONTENDER, so one `next build`
 * serves all three (each in its own `next start` process).
 */

export type ProxyFunction = (request: Request, event?: unknown) => Response | Promise<Response>;

/** No CORS: the request goes on to the route. */
const bare: ProxyFunction = () => NextResponse.next();

/** @org/cors-next's `withCors` given the compiled policy (the lean path; compiled here rather than read from a JSON file). */
const ours: ProxyFunction = withCors(loadCompiledPolicy(compilePolicy(apiPolicy)));

/*
 * The anchor: the CORS example of the Next.js docs (their middleware.ts, as a Next 16 proxy), filled
 * in for the storefront policy, plus Allow-Credentials because the policy sends cookies.
 */
const allowedOrigins: readonly string[] = apiPolicyInput.origins;
const corsOptions = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  'Access-Control-Allow-Credentials': 'true',
};

const anchor: ProxyFunction = (request) => {
  const origin = request.headers.get('origin') ?? '';
  const isAllowedOrigin = allowedOrigins.includes(origin);
  const isPreflight = request.method === 'OPTIONS';
  if (isPreflight) {
    const preflightHeaders = { ...(isAllowedOrigin && { 'Access-Control-Allow-Origin': origin }), ...corsOptions };
    return NextResponse.json({}, { headers: preflightHeaders });
  }
  const response = NextResponse.next();
  if (isAllowedOrigin) response.headers.set('Access-Control-Allow-Origin', origin);
  Object.entries(corsOptions).forEach(([key, value]) => {
    response.headers.set(key, value);
  });
  return response;
};

const CONTENDERS: Readonly<Record<string, ProxyFunction>> = { bare, ours, anchor };

/** The proxy of one contender; unknown names fail loudly (a typo must not bench `bare`). */
export function proxyContender(name: string | undefined): ProxyFunction {
  const proxy = CONTENDERS[name ?? 'bare'];
  if (proxy === undefined) throw new Error(`Unknown BENCH_CONTENDER ${name}; expected bare, ours or anchor`);
  return proxy;
}
