import { getRequestListener } from '@hono/node-server';
import { runDecisionEventSuite, startServer } from '@org/cors-conformance';
import { Hono } from 'hono';
import { cors, handleCors, withCors } from '../src/observed.js';

const ok = () => new Response('ok');
const serverOptions = { maxHeaderSize: 16 * 1024 };

runDecisionEventSuite({
  name: 'withCors(policy, handler) on @hono/node-server',
  start: (policy, options) => startServer(getRequestListener(withCors(policy, ok, options), { overrideGlobalObjects: false }), serverOptions),
});

runDecisionEventSuite({
  name: 'hono: app.use(cors(policy, options))',
  start: (policy, options) => {
    const app = new Hono();
    app.use('*', cors(policy, options));
    app.all('*', (c) => c.text('ok'));
    return startServer(getRequestListener(app.fetch), serverOptions);
  },
});

runDecisionEventSuite({
  name: 'handleCors(policy, request, next, options) per request',
  start: (policy, options) => {
    // Options built once, as a host would: the decider is kept per options object.
    const handling = { ...options };
    if (handling.developerMode === true) withCors(policy, ok, handling); // a host checks its options at boot this way
    return startServer(getRequestListener((request: Request) => handleCors(policy, request, ok, handling), { overrideGlobalObjects: false }), serverOptions);
  },
});
