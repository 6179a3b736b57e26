import { isIP } from 'node:net';
import { bindOriginSources, closeSources, decisionLogger, sourcesReady, type DecisionLogSink, type OriginSourceEvent } from '@org/cors-core';
import { cors } from '@org/cors-koa';
import Koa from 'koa';
import { tenantOriginProblem } from './admin-origin.js';
import { readJson } from './read-json.js';
import { adminPolicy, TENANT_SOURCE, tenantPolicy } from './tenant.policy.js';
import type { TenantStore } from './tenant-store.js';

export interface TenantAppOptions {
  readonly store: TenantStore;
  /** Serve the admin API (`/admin/tenant-domains`); otherwise it answers 403. Only from loopback peers either way. */
  readonly admin: boolean;
  /** Pages that may call the admin API cross-origin (the docs site's live page). */
  readonly adminOrigins: readonly string[];
  /** Where decision events for refusals (`warn`) go. */
  readonly log: DecisionLogSink;
  /** Every listing, failed listing and dropped value of the tenant-domains source. */
  readonly onSourceEvent: (event: OriginSourceEvent) => void;
}

export interface TenantApp {
  readonly app: Koa;
  /** Stops the source's refresh timer (and LISTEN connection), then closes the store. */
  close(): Promise<void>;
}

const PRODUCTS = [
  { id: 1, name: 'Lamp', price: 40 },
  { id: 2, name: 'Desk', price: 250 },
];

const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && (address === '::1' || address.startsWith('127.') || (isIP(address) === 6 && address.startsWith('::ffff:127.')));

/**
 * The tenant service: products behind the tenant-api policy, whose `tenant-domains` source is bound to
 * the store (listed once before this resolves, then every 2.5 s, or on NOTIFY with PostgreSQL), and a
 * small admin API behind a policy of its own that adds and removes tenant domains.
 */
export async function createTenantApp(options: TenantAppOptions): Promise<TenantApp> {
  const { store, log } = options;
  const policy = bindOriginSources(tenantPolicy, { [TENANT_SOURCE]: store.provider }, { onSourceEvent: options.onSourceEvent });
  await sourcesReady(policy);
  const onDecision = decisionLogger(log);
  const apiCors = cors(policy, { onDecision });
  const adminCors = cors(adminPolicy(options.adminOrigins), { onDecision });

  const app = new Koa();
  // Two policies, one per part of the service: /admin/** answers only the admin pages.
  app.use((ctx, next) => (ctx.path === '/admin' || ctx.path.startsWith('/admin/') ? adminCors(ctx, next) : apiCors(ctx, next)));
  app.use(async (ctx) => {
    if (ctx.method === 'GET' && ctx.path === '/public/status') {
      ctx.body = { status: 'ok', tenantDomains: store.description.split(' ')[0] };
    } else if (ctx.method === 'GET' && ctx.path === '/api/products') {
      ctx.body = PRODUCTS;
    } else if (ctx.method === 'POST' && ctx.path === '/api/products') {
      ctx.status = 202;
      ctx.body = { accepted: await readJson(ctx) };
    } else if (ctx.path === '/admin/tenant-domains') {
      if (!options.admin) return ctx.throw(403, 'the admin API is off: start the service with TENANT_ADMIN=1');
      if (!isLoopback(ctx.socket.remoteAddress)) return ctx.throw(403, 'the admin API answers loopback callers only');
      await admin(ctx, store);
    }
    // Anything else: no body, so Koa answers 404.
  });
  return {
    app,
    async close() {
      closeSources(policy);
      await store.close();
    },
  };
}

async function admin(ctx: Koa.Context, store: TenantStore): Promise<void> {
  if (ctx.method === 'GET') {
    ctx.body = { origins: await store.list() };
  } else if (ctx.method === 'POST') {
    const origin = ((await readJson(ctx)) as { origin?: unknown } | null)?.origin;
    const problem = tenantOriginProblem(origin);
    if (problem !== undefined) return ctx.throw(400, problem);
    const added = await store.add(origin as string);
    ctx.status = added ? 201 : 200;
    ctx.body = { origin, added };
  } else if (ctx.method === 'DELETE') {
    const origin = ctx.query.origin;
    const problem = tenantOriginProblem(origin);
    if (problem !== undefined) return ctx.throw(400, problem);
    const removed = await store.remove(origin as string);
    ctx.status = removed ? 200 : 404;
    ctx.body = { origin, removed };
  } else {
    ctx.set('Allow', 'GET, POST, DELETE');
    ctx.throw(405, 'use GET, POST or DELETE');
  }
}
