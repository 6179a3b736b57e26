import { withCors } from '@org/cors-next';
import { NextResponse, type NextRequest } from 'next/server';
import { apiPolicy } from './lib/cors-policy';

/**
 * proxy.ts runs on the Node.js runtime before routing: withCors answers preflights for every
 * matched path (the route handlers export no OPTIONS) and adds the CORS headers to the rest.
 * The inner function is this app's own proxy logic: a request id on every response.
 */
export const proxy = withCors(apiPolicy, (_request: NextRequest) => {
  const response = NextResponse.next();
  response.headers.set('X-Request-Id', crypto.randomUUID());
  return response;
});

// /public/** is served by a corsRoute() handler instead (see app/public/status/route.ts).
export const config = { matcher: '/api/:path*' };
