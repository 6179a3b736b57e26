import type { IncomingMessage, ServerResponse } from 'node:http';
import { mergeVary, requestFacts, resolveCors } from '@org/cors-core';
import { appBehaviour, ConformanceApp } from './conformance-app.js';
import { startServer } from './start-server.js';
import type { ConformanceTarget } from './target.js';

/**
 * The reference host: `resolveCors` applied by a bare `node:http` server, exactly as the core API
 * describes (set headers, append Vary, end or run the app). Adapters must behave like it.
 */
export const coreTarget: ConformanceTarget = {
  name: 'core (node:http reference host)',
  start: ({ policy, serverOptions }) =>
    startServer((req, res) => {
      const decision = resolveCors(policy, requestFacts(req.method ?? 'GET', req.url ?? '/', (name) => req.headers[name]));
      for (const [name, value] of decision.headers) res.setHeader(name, value);
      const vary = mergeVary(res.getHeader('vary'), decision.vary);
      if (vary !== undefined) res.setHeader('Vary', vary);
      if (decision.end) {
        res.statusCode = decision.status;
        res.end();
        return;
      }
      nodeApp(req, res);
    }, serverOptions),
};

/** The {@link ConformanceApp} on bare node:http, whose "framework" error handling is a plain 500. */
function nodeApp(req: IncomingMessage, res: ServerResponse): void {
  const app = appBehaviour(req.url ?? '/', (name) => req.headers[name]);
  if (!app.routed) {
    res.statusCode = 404;
    res.end('Not Found');
    return;
  }
  try {
    if (app.vary !== undefined) res.appendHeader('Vary', app.vary);
    res.setHeader(ConformanceApp.ranHeader, ConformanceApp.ranValue);
    if (app.throws) throw new Error(ConformanceApp.errorMessage);
    res.end(ConformanceApp.body);
  } catch {
    res.statusCode = 500;
    res.end('Internal Server Error');
  }
}
