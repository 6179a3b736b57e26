import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrigin, removeOrigin, setupOriginTable } from '../src/index.js';
import { startPostgres, type PostgresServer } from '../test-utils/postgres-server.js';
import { waitUntil } from '../test-utils/wait.js';

/*
 * Three instances of one service, each its own Node process with its own pool and listening
 * connection, enforcing one policy whose tenant-domains source is this database. A domain added or
 * removed by an administrator must be allowed, then refused, by all three within one second, over
 * HTTP, with no polling of the table (the policy's refreshSeconds is an hour).
 */

const INSTANCES = 3;
const LIMIT_MS = 1_000;
const DOMAIN = 'https://shop.customer.example';
const SERVICE = fileURLToPath(new URL('../test-utils/tenant-service.mjs', import.meta.url));

let server: PostgresServer;
let admin: pg.Pool;
const services: { process: ChildProcess; port: number }[] = [];

/** Starts one instance and resolves with its port once it listens (its sources listed). */
function startService(connection: PostgresServer['connection']): Promise<{ process: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [SERVICE], { env: { ...process.env, TENANT_DB: JSON.stringify(connection) }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`tenant service exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ process: child, port: (JSON.parse(line) as { port: number }).port }));
  });
}

/** The Access-Control-Allow-Origin an instance answers a GET from `origin` with. */
function allowOrigin(port: number, origin: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/items', headers: { origin } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers['access-control-allow-origin'] as string | undefined));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  server = await startPostgres();
  const connection = await server.createDatabase('tenants');
  admin = new pg.Pool({ ...connection, max: 2 });
  await setupOriginTable(admin);
  await addOrigin(admin, 'https://existing.customer.example');
  services.push(...(await Promise.all(Array.from({ length: INSTANCES }, () => startService(connection)))));
}, 120_000);

afterAll(async () => {
  await Promise.all(services.map(({ process: child }) => new Promise((done) => (child.exitCode !== null ? done(undefined) : (child.once('exit', done), child.kill('SIGTERM'))))));
  await admin?.end();
  await server?.stop();
});

describe(`${INSTANCES} service instances (Express, one process each) on one database`, () => {
  it(`allow an added domain and refuse it again once removed, all within ${LIMIT_MS} ms, without polling`, async () => {
    for (const { port } of services) {
      expect(await allowOrigin(port, 'https://existing.customer.example')).toBe('https://existing.customer.example');
      expect(await allowOrigin(port, DOMAIN)).toBeUndefined();
    }
    const latencies: Record<'add' | 'remove', number[]> = { add: [], remove: [] };
    for (const [step, change, expected] of [
      ['add', () => addOrigin(admin, DOMAIN), DOMAIN],
      ['remove', () => removeOrigin(admin, DOMAIN), undefined],
    ] as const) {
      const since = performance.now();
      expect(await change()).toBe(true); // committed when this resolves
      latencies[step] = await Promise.all(services.map(({ port }, i) => waitUntil(async () => (await allowOrigin(port, DOMAIN)) === expected, {
        what: `instance ${i + 1} to ${step === 'add' ? 'allow' : 'refuse'} ${DOMAIN}`, since, timeoutMs: LIMIT_MS, intervalMs: 2,
      })));
    }
    const worst = Math.max(...latencies.add, ...latencies.remove);
    const format = (list: number[]) => list.map((ms) => `${ms.toFixed(1)} ms`).join(' / ');
    console.log(`multi-service (${INSTANCES} Express processes, PostgreSQL ${server.version}, LISTEN/NOTIFY): added domain allowed after ${format(latencies.add)}; removed domain refused after ${format(latencies.remove)}; worst ${worst.toFixed(1)} ms (limit ${LIMIT_MS} ms)`);
    expect(worst).toBeLessThan(LIMIT_MS);
  });
});
