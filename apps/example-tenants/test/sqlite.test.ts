import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/sqlite-store.js';
import { TENANT_REFRESH_SECONDS } from '../src/tenant.policy.js';
import { ADMIN_PAGE, call, callable, msUntil, startForTest, type TestService } from './harness.js';

const TTL_MS = TENANT_REFRESH_SECONDS * 1000;
const dir = mkdtempSync(join(tmpdir(), 'example-tenants-'));
const file = join(dir, 'tenants.db');
let service: TestService;

beforeAll(async () => {
  service = await startForTest(openSqliteStore(file));
});

afterAll(async () => {
  await service?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const admin = (method: string, body?: unknown, query = '') =>
  call(`${service.url}/admin/tenant-domains${query}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('example-tenants on SQLite', () => {
  it('makes a domain added at run time callable within the TTL, and refuses it again within the TTL once removed', async () => {
    const tenant = 'https://shop.customer-one.example';
    expect(await callable(service, tenant)).toBe(false);

    const added = performance.now();
    expect((await admin('POST', { origin: tenant })).status).toBe(201);
    const addMs = await msUntil(() => callable(service, tenant), `${tenant} callable`, added);

    const removed = performance.now();
    expect((await admin('DELETE', undefined, `?origin=${encodeURIComponent(tenant)}`)).status).toBe(200);
    const removeMs = await msUntil(async () => !(await callable(service, tenant)), `${tenant} refused`, removed);

    console.log(`example-tenants (SQLite, refreshSeconds ${TTL_MS / 1000}): added → callable ${addMs.toFixed(0)} ms, removed → refused ${removeMs.toFixed(0)} ms`);
    expect(addMs).toBeLessThan(TTL_MS);
    expect(removeMs).toBeLessThan(TTL_MS);
  });

  it('lets a tenant domain send a preflighted JSON POST, never with credentials', async () => {
    const tenant = 'https://shop.customer-two.example';
    await admin('POST', { origin: tenant });
    await msUntil(() => callable(service, tenant), `${tenant} callable`, performance.now());
    const preflight = await call(`${service.url}/api/products`, {
      method: 'OPTIONS',
      headers: { Origin: tenant, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(tenant);
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('content-type');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('drops and reports invalid values written straight into the table, and never allows them', async () => {
    const invalid = ['HTTPS://Shop.Customer-Three.Example', '*', 'https://*.customer-three.example', 'null', 'https://customer-three.example/', 'customer-three.example'];
    const valid = 'https://valid.customer-three.example';
    // Another connection, as a migration or a careless script would write: no admin API in between.
    const raw = new Database(file);
    const insert = raw.prepare('INSERT INTO cors_origins (origin) VALUES (?)');
    for (const value of [...invalid, valid]) insert.run(value);
    raw.close();

    await msUntil(async () => callable(service, valid), `${valid} callable`, performance.now());
    const dropped = new Set(service.sourceEvents.flatMap((e) => (e.type === 'origin-dropped' ? [e.value] : [])));
    for (const value of invalid) expect(dropped, value).toContain(value);
    for (const origin of ['https://shop.customer-three.example', 'HTTPS://Shop.Customer-Three.Example', 'https://a.customer-three.example', 'https://customer-three.example', 'null']) {
      const reply = await call(`${service.url}/api/products`, { headers: { Origin: origin } });
      expect(reply.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });

  it('answers a refused origin without Access-Control-Allow-Origin but with Vary: Origin, and logs the refusal', async () => {
    const reply = await call(`${service.url}/api/products`, { headers: { Origin: 'https://evil.example' } });
    expect(reply.status).toBe(200); // the browser, not the server, withholds the body
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(String(reply.headers.vary)).toMatch(/\bOrigin\b/);
    expect(service.warnings.some((w) => w.message.includes('https://evil.example') && (w.object as { cors: { policy: string } }).cors.policy === 'tenant-api')).toBe(true);
  });

  it('allows the static origin and lets any site read the public status', async () => {
    expect(await callable(service, 'https://app.example.com')).toBe(true);
    const status = await call(`${service.url}/public/status`, { headers: { Origin: 'https://anyone.example' } });
    expect(status.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(status.body)).toEqual({ status: 'ok', tenantDomains: 'sqlite' });
  });

  it('refuses values that are not exact origins with 400 in the admin API, and stores nothing', async () => {
    const before = JSON.parse((await admin('GET')).body) as { origins: string[] };
    for (const origin of ['shop.example', '*', 'null', 'https://*.example.com', 'HTTPS://Shop.Example', 'https://shop.example/', 'https://shop.example:443', 'ftp://shop.example', '', 42, 'x'.repeat(2000)]) {
      const reply = await admin('POST', { origin });
      expect(reply.status, String(origin).slice(0, 40)).toBe(400);
    }
    expect((await admin('POST', undefined)).status).toBe(400); // empty body: not JSON
    expect((await admin('DELETE', undefined, '?origin=not-an-origin')).status).toBe(400);
    expect((await admin('DELETE', undefined, '?origin=https%3A%2F%2Fnever-added.example')).status).toBe(404);
    expect(JSON.parse((await admin('GET')).body)).toEqual(before);
  });

  it('answers the admin page cross-origin on the admin API, and a tenant domain not at all', async () => {
    const preflight = (origin: string) => call(`${service.url}/admin/tenant-domains`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    const page = await preflight(ADMIN_PAGE);
    expect(page.status).toBe(204);
    expect(page.headers['access-control-allow-origin']).toBe(ADMIN_PAGE);
    const tenant = 'https://shop.customer-two.example'; // a tenant since an earlier test
    expect(await callable(service, tenant)).toBe(true);
    expect((await preflight(tenant)).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('example-tenants with the admin API off', () => {
  it('answers 403 on the admin API and changes nothing', async () => {
    const off = mkdtempSync(join(tmpdir(), 'example-tenants-off-'));
    const store = openSqliteStore(join(off, 'tenants.db'));
    const running = await startForTest(store, { admin: false });
    try {
      const reply = await call(`${running.url}/admin/tenant-domains`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"origin":"https://shop.example"}' });
      expect(reply.status).toBe(403);
      expect(await store.list()).toEqual([]);
    } finally {
      await running.stop();
      rmSync(off, { recursive: true, force: true });
    }
  });
});
