import { randomUUID } from 'node:crypto';
import { cors } from '@org/cors-express';
import { apiPolicyInput } from '@org/cors-policies';
import express, { type Express } from 'express';

interface Item {
  id: number;
  name: string;
}

/**
 * The example storefront service: items (read and update) and a public status route, behind the
 * organisation's shared CORS policy. `environment` selects a policy overlay (e.g. `development`).
 */
export function createApp(environment?: string): Express {
  const items = new Map<number, Item>([
    [1, { id: 1, name: 'pen' }],
    [2, { id: 2, name: 'notebook' }],
  ]);
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('X-Request-Id', randomUUID()); // listed in the policy's exposeHeaders
    next();
  });
  app.use(cors(apiPolicyInput, { environment }));
  app.use(express.json());

  app.get('/api/items', (_req, res) => {
    res.json([...items.values()]);
  });
  app.put('/api/items/:id', (req, res) => {
    const id = Number(req.params.id);
    const name: unknown = req.body?.name;
    if (!items.has(id)) return void res.status(404).json({ error: 'no such item' });
    if (typeof name !== 'string' || name === '') return void res.status(400).json({ error: 'body must be {"name": string}' });
    const item = { id, name };
    items.set(id, item);
    res.json(item);
  });
  app.get('/public/status', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return app;
}
