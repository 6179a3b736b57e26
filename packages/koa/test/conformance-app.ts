import { appBehaviour, ConformanceApp } from '@org/cors-conformance';
import type { RuntimeCorsPolicy } from '@org/cors-core/runtime';
import Koa from 'koa';
import { cors } from '../src/index.js';

/** The conformance suite's standard app, in Koa primitives, behind the CORS middleware. */
export function conformanceApp(policy: RuntimeCorsPolicy, KoaClass: typeof Koa = Koa): Koa {
  const app = new KoaClass();
  app.silent = true; // the throwing vectors would otherwise log every error
  app.use(cors(policy));
  app.use(async (ctx, next) => {
    const behaviour = appBehaviour(ctx.path, (name) => ctx.req.headers[name]);
    // `/missing…` sets no body, so Koa's own 404 answers it.
    if (!behaviour.routed) return next();
    if (behaviour.vary !== undefined) ctx.vary(behaviour.vary);
    ctx.set(ConformanceApp.ranHeader, ConformanceApp.ranValue);
    if (behaviour.throws) throw new Error(ConformanceApp.errorMessage);
    ctx.body = ConformanceApp.body;
  });
  return app;
}
