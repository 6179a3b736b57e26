import { NextResponse } from 'next/server.js';
import { corsRoute } from '@org/cors-next';
import { apiPolicy, apiPolicyInput } from '@org/cors-policies';

/*
 * The three Next.js contenders, as App Router route handlers for `/api/items`. The route module picks
 * one by the BENCH_CONTENDER environment variable, so one `next build` serves all three (each in its
 * own `next start` process).
 */

export type NextContender = 'bare' | 'ours' | 'anchor';

/** A route handler as Next.js calls it: the request and a context (`{ params }`). */
export type NextHandler = (request: Request, context: unknown) => Response | Promise<Response>;

export interface NextHandlers {
  readonly GET: NextHandler;
  /** Absent: Next.js answers OPTIONS itself (204 with an `Allow` header). */
  readonly OPTIONS?: NextHandler | undefined;
}

const list = (): Response => Response.json({ items: [] });

/** No CORS at all. */
const bare: NextHandlers = { GET: () => list() };

/** @org/cors-next's route wrapper: decides per request, answers preflights in its OPTIONS export. */
const ours: NextHandlers = corsRoute(apiPolicy, { GET: () => list() });

/*
 * The anchor: the CORS middleware example of the Next.js docs (allowedOrigins + corsOptions,
 * `NextResponse.json({}, …)` for preflights), moved into the route handler and filled in for the
 * storefront policy. It adds Allow-Credentials because the policy sends cookies; otherwise the
 * headers and the logic are the docs' own.
 */
const allowedOrigins: readonly string[] = apiPolicyInput.origins;
const corsOptions = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  'Access-Control-Allow-Credentials': 'true',
};

const anchor: NextHandlers = {
  GET(request) {
    const origin = request.headers.get('origin') ?? '';
    const isAllowedOrigin = allowedOrigins.includes(origin);
    const response = list();
    if (isAllowedOrigin) response.headers.set('Access-Control-Allow-Origin', origin);
    Object.entries(corsOptions).forEach(([key, value]) => {
      response.headers.set(key, value);
    });
    return response;
  },
  OPTIONS(request) {
    const origin = request.headers.get('origin') ?? '';
    const isAllowedOrigin = allowedOrigins.includes(origin);
    const preflightHeaders = {
      ...(isAllowedOrigin && { 'Access-Control-Allow-Origin': origin }),
      ...corsOptions,
    };
    return NextResponse.json({}, { headers: preflightHeaders });
  },
};

const CONTENDERS: Readonly<Record<NextContender, NextHandlers>> = { bare, ours, anchor };

/** The handlers of one contender; unknown names fail loudly (a typo must not bench `bare`). */
export function nextContender(name: string | undefined): NextHandlers {
  const handlers = CONTENDERS[(name ?? 'bare') as NextContender];
  if (handlers === undefined) throw new Error(`Unknown BENCH_CONTENDER ${name}; expected bare, ours or anchor`);
  return handlers;
}
