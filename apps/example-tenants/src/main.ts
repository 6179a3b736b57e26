import { fileURLToPath } from 'node:url';
import type { DecisionLogSink, OriginSourceEvent } from '@org/cors-core';
import { tenantOriginProblem } from './admin-origin.js';
import { openPostgresStore } from './postgres-store.js';
import { startTenantService } from './server.js';
import { openSqliteStore } from './sqlite-store.js';
import type { TenantStore } from './tenant-store.js';

/*
 * The service from its environment (see README.md). Logs are JSON lines on stdout: the source's
 * listings and dropped values, and a line per CORS refusal. Exit code 2: bad configuration.
 */

const print = (level: string, msg: string, fields: object = {}) => console.log(JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields }));
const log: DecisionLogSink = { info: (object, msg) => print('info', msg, object), warn: (object, msg) => print('warn', msg, object) };

function fail(message: string): never {
  console.error(`example-tenants: ${message}`);
  process.exit(2);
}

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 4105);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT=${process.env.PORT} is not a port number`);
const admin = process.env.TENANT_ADMIN === '1';
// The admin API changes who may call the service: never expose it beyond this machine.
if (admin && !['127.0.0.1', '::1', 'localhost'].includes(host)) fail(`TENANT_ADMIN=1 needs HOST on loopback (127.0.0.1 or ::1), not ${host}`);
const adminOrigins = (process.env.TENANT_ADMIN_ORIGINS ?? 'http://127.0.0.1:4000,http://127.0.0.1:4010').split(',').map((o) => o.trim()).filter(Boolean);
// Exact origins only: a pattern or `*` would let other sites decide who is a tenant.
for (const origin of adminOrigins) {
  const problem = tenantOriginProblem(origin);
  if (problem !== undefined) fail(`TENANT_ADMIN_ORIGINS: ${JSON.stringify(origin)}: ${problem}`);
}

let store: TenantStore;
try {
  store = process.env.DATABASE_URL
    ? await openPostgresStore({ connectionString: process.env.DATABASE_URL }, (error) => print('warn', 'tenant-domains listener', { error: error.message }))
    : openSqliteStore(process.env.TENANT_DB_FILE || fileURLToPath(new URL('../data/tenants.db', import.meta.url)));
} catch (error) {
  fail(`cannot open the tenant-domains store: ${(error as Error).message}`);
}

// Listings come every 2.5 s: one is logged when the number of domains changes, a dropped value once.
let lastCount: number | undefined;
const droppedSeen = new Set<string>();
const onSourceEvent = (event: OriginSourceEvent): void => {
  if (event.type === 'listed' && event.count === lastCount) return;
  if (event.type === 'listed') lastCount = event.count;
  if (event.type === 'origin-dropped' && droppedSeen.size < 1000) {
    if (droppedSeen.has(event.value)) return;
    droppedSeen.add(event.value);
  }
  print(event.type === 'listed' ? 'info' : 'warn', `tenant-domains ${event.type}`, { sourceEvent: event });
};

let service: Awaited<ReturnType<typeof startTenantService>>;
try {
  service = await startTenantService({ store, admin, adminOrigins, log, host, port, onSourceEvent });
} catch (error) {
  await store.close();
  fail((error as Error).message);
}
print('info', `example-tenants listening on ${service.url}`, { store: store.description, admin, adminOrigins: admin ? adminOrigins : [] });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void service.stop().then(() => process.exit(0)));
}
