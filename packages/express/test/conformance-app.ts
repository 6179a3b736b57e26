import { appBehaviour, ConformanceApp } from '@org/cors-conformance';
import type { RuntimeCorsPolicy } from '@org/cors-core/runtime';
import express, { type Express } from 'express';
import { cors } from '../src/index.js';

/** The conformance suite's standard app, in Express primitives, behind the CORS middleware. */
export function conformanceApp(policy: RuntimeCorsPolicy, createApp: () => Express = express): Express {
  const app = createApp();
  app.use(cors(policy));
  // `/missing…` is left unrouted, so Express's own 404 (finalhandler) answers it.
  app.all(/^(?!\/missing)/, (req, res) => {
    const behaviour = appBehaviour(req.path, (name) => req.headers[name]);
    if (behaviour.vary !== undefined) res.vary(behaviour.vary);
    res.set(ConformanceApp.ranHeader, ConformanceApp.ranValue);
    if (behaviour.throws) throw new Error(ConformanceApp.errorMessage);
    res.send(ConformanceApp.body);
  });
  return app;
}
