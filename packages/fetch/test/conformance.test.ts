import { getRequestListener } from '@hono/node-server';
import { appBehaviour, ConformanceApp, runConformance, startServer } from '@org/cors-conformance';
import { Hono } from 'hono';
import { vi } from 'vitest';
import { cors, withCors } from '../src/index.js';

/*
 * Two real hosts on 127.0.0.1, each with the conformance app behind the CORS layer: a Hono app
 * (`app.use('*', cors(policy))`) and a plain fetch handler wrapped with `withCors`, both served by
 * @hono/node-server, the way Node runs a fetch handler. runConformance gives every vector's policy
 * in both forms: from definePolicy and through compilePolicy → JSON → loadCompiledPolicy.
 */

/** The conformance app's answer, with Web primitives (`headers.append` for Vary). */
function appResponse(request: Request): Response | undefined {
  const app = appBehaviour(new URL(request.url).pathname, (name) => request.headers.get(name));
  if (!app.routed) return undefined;
  if (app.throws) throw new Error(ConformanceApp.errorMessage);
  const headers = new Headers({ [ConformanceApp.ranHeader]: ConformanceApp.ranValue });
  if (app.vary !== undefined) headers.append('vary', app.vary);
  return new Response(ConformanceApp.body, { status: 200, headers });
}

// Hono's default error handler and withCors log the app-error vectors' errors; keep the output readable.
vi.spyOn(console, 'error').mockImplementation(() => {});

runConformance({
  name: 'hono 4 on @hono/node-server: app.use(cors(policy))',
  start: ({ policy, serverOptions }) => {
    const app = new Hono();
    app.use('*', cors(policy));
    // Hono's own primitives: c.header(…, { append }) for Vary; unrouted paths fall through to Hono's 404.
    app.all('*', async (c, next) => {
      const behaviour = appBehaviour(c.req.path, (name) => c.req.header(name));
      if (!behaviour.routed) return next();
      if (behaviour.throws) throw new Error(ConformanceApp.errorMessage);
      c.header(ConformanceApp.ranHeader, ConformanceApp.ranValue);
      if (behaviour.vary !== undefined) c.header('Vary', behaviour.vary, { append: true });
      return c.text(ConformanceApp.body);
    });
    return startServer(getRequestListener(app.fetch), serverOptions);
  },
});

runConformance({
  name: 'fetch handler on @hono/node-server: withCors(policy, handler)',
  start: ({ policy, serverOptions }) => {
    const handler = withCors(policy, (request: Request) => appResponse(request) ?? new Response('Not Found', { status: 404 }));
    return startServer(getRequestListener(handler, { overrideGlobalObjects: false }), serverOptions);
  },
});
