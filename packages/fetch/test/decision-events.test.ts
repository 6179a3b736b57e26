import { getRequestListener } from '@hono/node-server';
import { runDecisionEventSuite, runSourceSuite, type DecisionEventTarget, startServer } from '@org/cors-conformance';
import { Hono } from 'hono';
import { cors, handleCors, withCors } from '../src/observed.js';

/** Both suites a host runs with its observing options: decision events, and origin sources. */
function runSuites(target: DecisionEventTarget): void {
  runDecisionEventSuite(target);
  runSourceSuite(target);
}

const ok = () => new Response('ok');
const serverOptions = { maxHeaderSize: 16 * 1024 };

runSuites({
  name: 'withCors(policy, handler) on @hono/node-server',
  start: (policy, options) => startServer(getRequestListener(withCors(policy, ok, options), { overrideGlobalObjects: false }), serverOptions),
});

runSuites({
  name: 'hono: app.use(cors(policy, options))',
  start: (policy, options) => {
    const app = new Hono();
    app.use('*', cors(policy, options));
    app.all('*', (c) => c.text('ok'));
    return startServer(getRequestListener(app.fetch), serverOptions);
  },
});

runSuites({
  name: 'handleCors(policy, request, next, options) per request',
  start: (policy, options) => {
    // Options built once, as a host would: the decider is kept per options object.
    const handling = { ...options };
    withCors(policy, ok, handling); // handleCors checks on its first request: a host checks its policy and options at boot this way
    return startServer(getRequestListener((request: Request) => handleCors(policy, request, ok, handling), { overrideGlobalObjects: false }), serverOptions);
  },
});
