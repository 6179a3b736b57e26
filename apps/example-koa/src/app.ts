import { randomUUID } from 'node:crypto';
import { cors } from '@org/cors-koa';
import { apiPolicyInput } from '@org/cors-policies';
import Koa from 'koa';
import { readJson } from './read-json.js';

interface Item {
  id: number;
  name: string;
}

/**
 * The example storefront service: items (read and update) and a public status route, behind the
 * organisation's shared CORS policy. `environment` selects a policy overlay (e.g. `development`).
 */
export function createApp(environment?: string): Koa {
  const items = new Map<number, Item>([
    [1, { id: 1, name: 'pen' }],
    [2, { id: 2, name: 'notebook' }],
  ]);
  const app = new Koa();
  app.use(async (ctx, next) => {
    ctx.set('X-Request-Id', randomUUID()); // listed in the policy's exposeHeaders
    await next();
  });
  app.use(cors(apiPolicyInput, { environment }));

  app.use(async (ctx) => {
    const itemPath = /^\/api\/items\/(\d+)$/.exec(ctx.path);
    if (ctx.method === 'GET' && ctx.path === '/api/items') {
      ctx.body = [...items.values()];
    } else if (ctx.method === 'PUT' && itemPath) {
      const id = Number(itemPath[1]);
      if (!items.has(id)) return ctx.throw(404, 'no such item');
      const body = await readJson(ctx);
      const name = (body as { name?: unknown } | null)?.name;
      if (typeof name !== 'string' || name === '') return ctx.throw(400, 'body must be {"name": string}');
      const item = { id, name };
      items.set(id, item);
      ctx.body = item;
    } else if (ctx.method === 'GET' && ctx.path === '/public/status') {
      ctx.body = { status: 'ok' };
    }
    // Anything else: no body, so Koa answers 404.
  });
  return app;
}
