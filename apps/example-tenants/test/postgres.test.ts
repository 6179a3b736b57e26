import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The PostgreSQL provider's own throwaway server (Debian's postgresql package, a temporary cluster).
import { startPostgres, type PostgresServer } from '../../../packages/source-postgres/test-utils/postgres-server.js';
import { openPostgresStore } from '../src/postgres-store.js';
import { call, callable, msUntil, startForTest, type TestService } from './harness.js';

let server: PostgresServer;
let service: TestService;
let connection: PostgresServer['connection'];
const listenerErrors: Error[] = [];

beforeAll(async () => {
  server = await startPostgres();
  connection = await server.createDatabase('tenants');
  service = await startForTest(await openPostgresStore(connection, (error) => listenerErrors.push(error)));
});

afterAll(async () => {
  await service?.stop();
  await server?.stop();
});

describe('example-tenants on PostgreSQL (LISTEN/NOTIFY)', () => {
  it('makes a domain added at run time callable, and refuses it once removed, within one second (pushed, not polled)', async () => {
    const tenant = 'https://shop.customer-pg.example';
    expect(await callable(service, tenant)).toBe(false);
    const admin = (method: string, query: string, body?: string) =>
      call(`${service.url}/admin/tenant-domains${query}`, { method, headers: { 'Content-Type': 'application/json' }, body });

    const added = performance.now();
    expect((await admin('POST', '', JSON.stringify({ origin: tenant }))).status).toBe(201);
    const addMs = await msUntil(() => callable(service, tenant), `${tenant} callable`, added);

    const removed = performance.now();
    expect((await admin('DELETE', `?origin=${encodeURIComponent(tenant)}`)).status).toBe(200);
    const removeMs = await msUntil(async () => !(await callable(service, tenant)), `${tenant} refused`, removed);

    console.log(`example-tenants (PostgreSQL, LISTEN/NOTIFY): added → callable ${addMs.toFixed(0)} ms, removed → refused ${removeMs.toFixed(0)} ms`);
    // The relisting timer alone would take up to 2.5 s: under a second means the NOTIFY did it.
    expect(addMs).toBeLessThan(1_000);
    expect(removeMs).toBeLessThan(1_000);
    expect(listenerErrors).toEqual([]);
  });

  it('drops an invalid row another client writes, and never allows it', async () => {
    const client = new pg.Client(connection);
    await client.connect();
    try {
      await client.query("INSERT INTO cors_origins (origin) VALUES ('HTTPS://Shop.Pg.Example'), ('https://*.pg.example'), ('https://valid.pg.example')");
    } finally {
      await client.end();
    }
    await msUntil(() => callable(service, 'https://valid.pg.example'), 'valid row callable', performance.now());
    const dropped = service.sourceEvents.flatMap((e) => (e.type === 'origin-dropped' ? [e.value] : []));
    expect(dropped).toEqual(expect.arrayContaining(['HTTPS://Shop.Pg.Example', 'https://*.pg.example']));
    for (const origin of ['HTTPS://Shop.Pg.Example', 'https://shop.pg.example', 'https://a.pg.example']) expect(await callable(service, origin), origin).toBe(false);
  });
});
