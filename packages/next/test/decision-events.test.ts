import { runDecisionEventSuite, startServer } from '@org/cors-conformance';
import { corsRoute, withCors } from '../src/observed.js';
import { webListener } from './web-listener.js';

const ok = () => new Response('ok');
const serverOptions = { maxHeaderSize: 16 * 1024 };

runDecisionEventSuite({
  name: 'next proxy.ts: withCors(policy, proxy, options) answering every path',
  start: (policy, options) => {
    const proxy = withCors(policy, ok, options);
    return startServer(webListener((request) => proxy(request, undefined)), serverOptions);
  },
});

runDecisionEventSuite({
  name: 'next route handlers: corsRoute(policy, handlers, options) as a catch-all route',
  start: (policy, options) => {
    const route: Record<string, (request: Request, context: unknown) => Promise<Response>> = corsRoute(policy, { GET: ok, PUT: ok, DELETE: ok, PATCH: ok }, options);
    return startServer(webListener((request) => (route[request.method] ?? ok)(request, { params: Promise.resolve({}) })), serverOptions);
  },
});
