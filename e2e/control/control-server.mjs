// The control: the storefront API written by hand with plain `res.setHeader`, no policy library.
// Chromium must give it exactly the verdicts it gives the four framework examples; if it does not,
// the scenario table (not an adapter) is wrong. With CONTROL_MODE=reflect-any-origin it makes the classic
// mistake of echoing every Origin, which the suite must notice (proof that the table can fail).
import express from 'express';

const ALLOWED = new Set(['https://myapp.com', 'https://admin.myapp.com', 'http://localhost:3000', 'http://127.0.0.1:3000', 'http://127.0.0.1:4000']);
const reflectAny = process.env.CONTROL_MODE === 'reflect-any-origin';

const app = express();
let nextRequestId = 1;

app.use((req, res, next) => {
  res.setHeader('X-Request-Id', `req-${nextRequestId++}`);
  const origin = req.get('origin');
  if (req.path.startsWith('/public/')) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
      const method = req.get('access-control-request-method');
      if (method !== 'GET' && method !== 'HEAD') return res.status(403).end();
      return res.status(204).end();
    }
    return next();
  }
  res.append('Vary', 'Origin');
  if (origin === undefined || !(reflectAny || ALLOWED.has(origin))) {
    if (req.method === 'OPTIONS' && origin !== undefined && req.get('access-control-request-method')) return res.status(403).end();
    return next();
  }
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
    const method = req.get('access-control-request-method');
    const headers = (req.get('access-control-request-headers') ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
    if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method) || !headers.every((h) => h === 'content-type' || h === 'authorization')) {
      res.removeHeader('Access-Control-Allow-Origin');
      res.removeHeader('Access-Control-Allow-Credentials');
      return res.status(403).end();
    }
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    res.setHeader('Access-Control-Max-Age', '600');
    return res.status(204).end();
  }
  res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id');
  next();
});

app.use(express.json());
const items = [{ id: '1', name: 'Tea' }, { id: '2', name: 'Coffee' }];
app.get('/api/items', (_req, res) => { res.json(items); });
app.put('/api/items/:id', (req, res) => { res.json({ id: req.params.id, ...req.body }); });
app.get('/api/whoami', (req, res) => { res.json({ sid: /(?:^|;\s*)sid=([^;]*)/.exec(req.get('cookie') ?? '')?.[1] ?? null }); });
app.get('/public/status', (_req, res) => { res.json({ status: 'ok' }); });

const port = Number(process.env.PORT ?? 4100);
app.listen(port, '127.0.0.1', () => { console.log(`control listening on http://127.0.0.1:${port}`); });
