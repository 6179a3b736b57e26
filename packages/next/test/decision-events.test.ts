import { runDecisionEventSuite, runSourceSuite, type DecisionEventTarget, startServer } from '@org/cors-conformance';
import { corsRoute, withCors } from '../src/observed.js';
import { webListener } from './web-listener.js';

/** Both suites a host runs with its observing options: decision events, and origin sources. */
function runSuites(target: DecisionEventTarget): void {
  runDecisionEventSuite(target);
  runSourceSuite(target);
}

const ok = () => new Response('ok');
const serverOptions = { maxHeaderSize: 16 * 1024 };

runSuites({
  name: 'next proxy.ts: withCors(policy, proxy, options) answering every path',
  start: (policy, options) => {
    const proxy = withCors(policy, ok, options);
    return startServer(webListener((request) => proxy(request, undefined)), serverOptions);
  },
});

runSuites({
  name: 'next route handlers: corsRoute(policy, handlers, options) as a catch-all route',
  start: (policy, options) => {
    const route: Record<string, (request: Request, context: unknown) => Promise<Response>> = corsRoute(policy, { GET: ok, PUT: ok, DELETE: ok, PATCH: ok }, options);
    return startServer(webListener((request) => (route[request.method] ?? ok)(request, { params: Promise.resolve({}) })), serverOptions);
  },
});
