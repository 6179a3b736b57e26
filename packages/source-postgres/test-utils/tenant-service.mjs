// One service instance for the multi-service test: Express with @org/cors-express, its policy's
// tenant-domains source bound to PostgreSQL (list + LISTEN/NOTIFY, no polling: refreshSeconds is an
// hour). Prints `{"port":…}` once it listens; exits on SIGTERM.
import { bindOriginSources, closeSources, definePolicy, sourcesReady } from '@org/cors-core';
import { cors } from '@org/cors-express';
import express from 'express';
import pg from 'pg';
import { postgresOriginSource } from '../dist/index.js'; // this package's own build: turbo.json runs its test after it

const policy = definePolicy({
  name: 'tenant-api',
  origins: ['https://app.example.com', { source: 'tenant-domains', refreshSeconds: 3600, description: 'Customer custom domains' }],
  methods: ['GET'],
});
const pool = new pg.Pool({ ...JSON.parse(process.env.TENANT_DB ?? '{}'), max: 4 });
const bound = bindOriginSources(policy, { 'tenant-domains': postgresOriginSource({ pool }) });
await sourcesReady(bound);

const app = express();
app.use(cors(bound));
app.get('/items', (_req, res) => res.json([]));
const server = app.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
process.on('SIGTERM', () => {
  closeSources(bound);
  server.close(() => pool.end().then(() => process.exit(0)));
});
