import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrigin, postgresOriginSource, removeOrigin, setupOriginTable } from '../src/index.js';
import { startListingInstance, type ListingInstance } from '../test-utils/listing-instance.js';
import { startPostgres, type PostgresServer } from '../test-utils/postgres-server.js';
import { waitUntil } from '../test-utils/wait.js';

const INSTANCES = 3;
const LIMIT_MS = 1_000;
const DOMAIN = 'https://shop.customer.example';

let server: PostgresServer;
let admin: pg.Pool;
const pools: pg.Pool[] = [];
const instances: ListingInstance[] = [];

beforeAll(async () => {
  server = await startPostgres();
  const connection = await server.createDatabase('tenants');
  admin = new pg.Pool({ ...connection, max: 2 });
  await setupOriginTable(admin);
  await addOrigin(admin, 'https://existing.customer.example');
  // Three service instances: each its own pool, its own provider, its own listening connection.
  for (let i = 0; i < INSTANCES; i += 1) {
    const pool = new pg.Pool({ ...connection, max: 4 });
    pools.push(pool);
    instances.push(await startListingInstance(postgresOriginSource({ pool })));
  }
}, 120_000);

afterAll(async () => {
  for (const instance of instances) instance.close();
  await Promise.all([...pools, admin].filter(Boolean).map((pool) => pool.end()));
  await server?.stop();
});

describe('three instances subscribed to one database (LISTEN/NOTIFY)', () => {
  it(`see an added and then a removed domain within ${LIMIT_MS} ms each, without polling the table`, async () => {
    for (const instance of instances) expect([...instance.origins]).toEqual(['https://existing.customer.example']);
    const latencies: Record<'add' | 'remove', { notified: number; listed: number }[]> = { add: [], remove: [] };

    for (const [step, change, expected] of [
      ['add', () => addOrigin(admin, DOMAIN), true],
      ['remove', () => removeOrigin(admin, DOMAIN), false],
    ] as const) {
      const notifications = instances.map((instance) => instance.notifiedAt.length);
      const since = performance.now();
      expect(await change()).toBe(true); // committed when this resolves
      latencies[step] = await Promise.all(
        instances.map(async (instance, i) => {
          const listed = await waitUntil(() => instance.origins.has(DOMAIN) === expected, {
            what: `instance ${i + 1} to ${step === 'add' ? 'list' : 'drop'} ${DOMAIN}`, since, timeoutMs: LIMIT_MS, intervalMs: 1,
          });
          const notifiedAt = instance.notifiedAt[notifications[i]!];
          expect(notifiedAt, `instance ${i + 1}: changed() after the ${step}`).toBeDefined();
          return { notified: notifiedAt! - since, listed };
        }),
      );
    }

    const worst = Math.max(...Object.values(latencies).flat().map((l) => l.listed));
    const format = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(
      `multi-instance (${INSTANCES} pools, PostgreSQL ${server.version}): ` +
        Object.entries(latencies)
          .map(([step, list]) => `${step}: notified ${list.map((l) => format(l.notified)).join(' / ')}, listed ${list.map((l) => format(l.listed)).join(' / ')}`)
          .join('; ') +
        `; worst ${format(worst)} (limit ${LIMIT_MS} ms)`,
    );
    expect(worst).toBeLessThan(LIMIT_MS);
  });
});
