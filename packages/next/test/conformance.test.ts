import { appBehaviour, ConformanceApp, runConformance, startServer } from '@org/cors-conformance';
import { vi } from 'vitest';
import { corsRoute, withCors, type RouteHandler } from '../src/index.js';
import { webListener, type WebHandler } from './web-listener.js';

/*
 * Next.js handlers are functions from Request to Response, so each target serves them from a
 * node:http server that converts to a Web Request (web-listener.ts). What Next.js itself does around
 * them (dispatch by method, a 404 for unrouted paths, a 500 for a throwing handler, and the way it
 * merges a proxy's NextResponse.next() headers into the route's response) is reproduced below from
 * Next's source; test/next-edge.test.ts and apps/example-next check the same behaviour against a
 * real `next start`.
 */

/** The conformance app as an App Router route handler: Web primitives only (`headers.append` for Vary). */
const appHandler: RouteHandler<Request> = (request) => {
  const url = new URL(request.url);
  const app = appBehaviour(url.pathname, (name) => request.headers.get(name));
  const headers = new Headers({ [ConformanceApp.ranHeader]: ConformanceApp.ranValue });
  if (app.vary !== undefined) headers.append('vary', app.vary);
  if (app.throws) throw new Error(ConformanceApp.errorMessage);
  return new Response(ConformanceApp.body, { status: 200, headers });
};

const isUnrouted = (request: Request) => new URL(request.url).pathname.startsWith(ConformanceApp.missingPrefix);
const notFound = () => new Response('Not Found', { status: 404 });

/** The App Router serving one route module: the export named after the method (HEAD falls back to GET). */
function appRouter(route: Record<string, RouteHandler | undefined>): WebHandler {
  return async (request) => {
    const handler = route[request.method] ?? (request.method === 'HEAD' ? route['GET'] : undefined);
    if (handler === undefined) return new Response(null, { status: 405 });
    try {
      return await handler(request, { params: Promise.resolve({}) });
    } catch {
      return new Response(null, { status: 500 });
    }
  };
}

/** Next.js's multi-valued headers: a route's value is appended to the proxy's (send-response.ts). */
const MULTI_VALUED = new Set(['set-cookie', 'www-authenticate', 'proxy-authenticate', 'vary']);

/**
 * Next.js with a proxy in front of the router: a response without `x-middleware-next` is the answer;
 * otherwise the route runs (404 when unrouted) and the proxy's headers go onto its response first,
 * the route's own headers after them only when absent or multi-valued (resolve-routes.ts, send-response.ts).
 */
function nextServer(proxy: WebHandler, router: WebHandler): WebHandler {
  return async (request) => {
    let fromProxy: Response;
    try {
      fromProxy = await proxy(request);
    } catch {
      return new Response(null, { status: 500 });
    }
    if (fromProxy.headers.get('x-middleware-next') !== '1') return fromProxy;
    const routed = isUnrouted(request) ? notFound() : await router(request);
    const headers = new Headers();
    fromProxy.headers.forEach((value, name) => {
      if (!name.startsWith('x-middleware-') && name !== 'content-length') headers.set(name, value);
    });
    routed.headers.forEach((value, name) => {
      if (MULTI_VALUED.has(name) || !headers.has(name)) headers.append(name, value);
    });
    return new Response(routed.body, { status: routed.status, headers });
  };
}

// The app-error vectors make wrapped handlers log their error (as Next.js would); keep the output readable.
vi.spyOn(console, 'error').mockImplementation(() => {});

const allMethods = { GET: appHandler, POST: appHandler, PUT: appHandler, PATCH: appHandler, DELETE: appHandler };

runConformance({
  name: 'next proxy.ts: withCors(policy), then the route',
  start: ({ policy, serverOptions }) => {
    const proxy = withCors(policy);
    const router = appRouter({ ...allMethods, OPTIONS: appHandler });
    return startServer(webListener(nextServer((request) => proxy(request, undefined), router)), serverOptions);
  },
});

runConformance({
  name: 'next proxy.ts: withCors(policy, userProxy) where the user proxy answers',
  start: ({ policy, serverOptions }) => {
    // The user's proxy answers routed paths itself and lets unrouted ones continue.
    const proxy = withCors(policy, (request: Request) => (isUnrouted(request) ? undefined : appHandler(request, undefined)));
    return startServer(webListener(nextServer((request) => proxy(request, undefined), appRouter({}))), serverOptions);
  },
});

runConformance({
  name: 'next route handlers: corsRoute(policy, handlers) as a catch-all route',
  start: ({ policy, serverOptions }) => {
    // A catch-all `app/[[...path]]/route.ts`: every path reaches it, so the route itself answers
    // unrouted paths with a 404 (a route handler cannot fall through to Next.js's not-found page).
    const handler: RouteHandler<Request> = (request, context) => (isUnrouted(request) ? notFound() : appHandler(request, context));
    const route = corsRoute(policy, { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler, OPTIONS: handler });
    return startServer(webListener(appRouter(route)), serverOptions);
  },
});
