import { join } from 'node:path';
import 'reflect-metadata';
import { Module, type MiddlewareConsumer } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { badPolicy, expectPolicyError, itemsPolicy, preflightInit, loadedModules, VALIDATOR } from '@org/cors-conformance';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { compilePolicy, CorsPolicyError, definePolicy, loadCompiledPolicy, type CompiledCorsPolicy, type PolicyInput } from '@org/cors-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CORS_POLICY, CorsPolicyMiddleware, CorsPolicyModule } from '../src/index.js';
import { ItemsController, listen } from './nest-app.js';

let server: { url: string; close(): Promise<void> } | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('CorsPolicyModule.forRoot', () => {
  it('answers a preflight for a route that has no OPTIONS handler, before routing', async () => {
    server = await listen(CorsPolicyModule.forRoot(itemsPolicy));
    const before = ItemsController.calls;
    const res = await fetch(`${server.url}/api/items/7`, preflightInit('https://app.example.com', 'PUT', 'content-type'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(await res.text()).toBe('');
    expect(ItemsController.calls).toBe(before);
  });

  it('is needed for that: scoped to the controller instead, the same preflight ends in Nest\'s 404', async () => {
    // Why the module applies the middleware to every path rather than per controller (or behind a
    // decorator): Nest binds controller-scoped middleware to each route's own method, never OPTIONS.
    @Module({ controllers: [ItemsController], providers: [{ provide: CORS_POLICY, useValue: definePolicy(itemsPolicy) }] })
    class ScopedModule {
      configure(consumer: MiddlewareConsumer): void {
        consumer.apply(CorsPolicyMiddleware).forRoutes(ItemsController);
      }
    }
    const app = await NestFactory.create(ScopedModule, { logger: false, abortOnError: false });
    await app.listen(0, '127.0.0.1');
    server = { url: await app.getUrl(), close: () => app.close() };
    const res = await fetch(`${server.url}/api/items/7`, preflightInit('https://app.example.com', 'PUT'));
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await fetch(`${server.url}/api/items`, { headers: { origin: 'https://app.example.com' } });
    expect(actual.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('answers a preflight for a path no controller serves', async () => {
    server = await listen(CorsPolicyModule.forRoot(itemsPolicy));
    const res = await fetch(`${server.url}/nowhere`, preflightInit('https://app.example.com', 'GET'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('refuses a preflight from an unlisted origin with 403 and no CORS headers', async () => {
    server = await listen(CorsPolicyModule.forRoot(itemsPolicy));
    const res = await fetch(`${server.url}/api/items/7`, preflightInit('https://evil.example', 'PUT'));
    expect(res.status).toBe(403);
    const cors = [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));
    expect(cors).toEqual([]);
  });

  it('lets the controller answer an actual request and adds the CORS headers to its response', async () => {
    server = await listen(CorsPolicyModule.forRoot(itemsPolicy));
    const res = await fetch(`${server.url}/api/items/7`, {
      method: 'PUT',
      headers: { origin: 'https://app.example.com', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'lamp' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: '7', name: 'lamp' });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('access-control-expose-headers')).toBe('X-Request-Id');
  });

  it('keeps the Vary tokens the controller appends next to Origin', async () => {
    server = await listen(CorsPolicyModule.forRoot(itemsPolicy));
    const res = await fetch(`${server.url}/api/items`, { headers: { origin: 'https://app.example.com' } });
    const vary = (res.headers.get('vary') ?? '').split(/\s*,\s*/);
    expect(vary).toContain('Origin');
    expect(vary).toContain('Accept-Encoding');
  });

  it('serves an actual request from a refused origin without CORS headers', async () => {
    server = await listen(CorsPolicyModule.forRoot(itemsPolicy));
    const res = await fetch(`${server.url}/api/items`, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('applies the policy route rule for the path a controller serves', async () => {
    server = await listen(CorsPolicyModule.forRoot(itemsPolicy));
    const open = await fetch(`${server.url}/public/status`, { headers: { origin: 'https://anyone.example' } });
    expect(open.headers.get('access-control-allow-origin')).toBe('*');
    expect(open.headers.get('access-control-allow-credentials')).toBeNull();
    const closed = await fetch(`${server.url}/api/items`, { headers: { origin: 'https://anyone.example' } });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('covers every route under a global prefix', async () => {
    server = await listen(CorsPolicyModule.forRoot(itemsPolicy), (app) => app.setGlobalPrefix('v1'));
    const res = await fetch(`${server.url}/v1/api/items/7`, preflightInit('https://app.example.com', 'PUT'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('makes the loaded policy injectable as CORS_POLICY', async () => {
    server = await listen(CorsPolicyModule.forRoot(itemsPolicy));
    const res = await fetch(`${server.url}/policy/name`);
    expect(await res.text()).toBe('items-api');
  });

  it('throws at declaration on a bad policy, listing every issue', () => {
    const error = expectPolicyError(() => CorsPolicyModule.forRoot(badPolicy));
    const issues = error.issues.filter((issue) => issue.severity === 'error');
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual(
      expect.arrayContaining(['maxAge', 'methods.1', expect.stringMatching(/^(origins|credentials)/)]),
    );
    expect(error.message).toContain('TRACE');
  });
});

describe('CorsPolicyModule.forRootAsync', () => {
  const POLICY_SOURCE = 'POLICY_SOURCE';

  @Module({ providers: [{ provide: POLICY_SOURCE, useValue: itemsPolicy }], exports: [POLICY_SOURCE] })
  class PolicySourceModule {}

  it('loads the policy from an injected provider while the app boots', async () => {
    const cors = CorsPolicyModule.forRootAsync({
      imports: [PolicySourceModule],
      inject: [POLICY_SOURCE],
      useFactory: async (input: PolicyInput) => input,
    });
    server = await listen(cors);
    const res = await fetch(`${server.url}/api/items/1`, preflightInit('https://app.example.com', 'PUT'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('applies the environment overlay it is given', async () => {
    const withOverlay = { ...itemsPolicy, environments: { development: { origins: ['http://localhost:3000'] } } };
    server = await listen(CorsPolicyModule.forRootAsync({ useFactory: () => withOverlay, environment: 'development' }));
    const res = await fetch(`${server.url}/api/items`, { headers: { origin: 'http://localhost:3000' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it('fails the boot on a bad policy, listing every issue', async () => {
    @Module({ imports: [CorsPolicyModule.forRootAsync({ useFactory: () => badPolicy })] })
    class AppModule {}
    const boot = NestFactory.create(AppModule, { logger: false, abortOnError: false });
    await expect(boot).rejects.toBeInstanceOf(CorsPolicyError);
    const error = (await boot.catch((caught: unknown) => caught)) as CorsPolicyError;
    expect(error.issues.filter((issue) => issue.severity === 'error').length).toBeGreaterThanOrEqual(3);
  });
});

/** The items policy as a build step writes it and a service reads it: compiled, through JSON. */
const compiledItems = (): CompiledCorsPolicy => JSON.parse(JSON.stringify(compilePolicy(definePolicy(itemsPolicy)))) as CompiledCorsPolicy;

describe.each([
  ['express', () => undefined],
  ['fastify', () => new FastifyAdapter()],
])('CorsPolicyModule on platform-%s', (_platform, adapter) => {
  it('keeps Origin in Vary and the origin-specific Allow-Origin when a handler replaces Vary with @Header', async () => {
    server = await listen(CorsPolicyModule.forRoot(itemsPolicy), undefined, adapter());
    const res = await fetch(`${server.url}/negotiated`, { headers: { origin: 'https://app.example.com' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Origin');
  });

  it('answers a preflight for a route without an OPTIONS handler, and puts CORS headers on Nest\'s own 404', async () => {
    server = await listen(CorsPolicyModule.forRoot(compiledItems()), undefined, adapter());
    const preflight = await fetch(`${server.url}/api/items/7`, preflightInit('https://app.example.com', 'PUT', 'content-type'));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    const missing = await fetch(`${server.url}/nowhere`, { headers: { origin: 'https://app.example.com' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(missing.headers.get('vary')).toMatch(/\bOrigin\b/);
  });
});

describe('CorsPolicyModule with compiled policies', () => {
  it('enforces a policy from loadCompiledPolicy and provides it as CORS_POLICY', async () => {
    server = await listen(CorsPolicyModule.forRoot(loadCompiledPolicy(compiledItems())));
    const open = await fetch(`${server.url}/public/status`, { headers: { origin: 'https://anyone.example' } });
    expect(open.headers.get('access-control-allow-origin')).toBe('*');
    expect(await (await fetch(`${server.url}/policy/name`)).text()).toBe('items-api');
  });

  it('enforces compiled data from forRootAsync, in the environment asked for', async () => {
    const withOverlay = compilePolicy(definePolicy({ ...itemsPolicy, environments: { development: { origins: ['http://localhost:3000'] } } }));
    server = await listen(CorsPolicyModule.forRootAsync({ useFactory: async () => JSON.parse(JSON.stringify(withOverlay)) as CompiledCorsPolicy, environment: 'development' }));
    const res = await fetch(`${server.url}/api/items/7`, preflightInit('http://localhost:3000', 'PUT'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it('never loads the validator in a fresh Node given compiled data; raw input loads it', async () => {
    const run = (policy: unknown) =>
      loadedModules(join(import.meta.dirname, '..'), (adapter) => `await import('reflect-metadata');\nconst { CorsPolicyModule } = await import(${JSON.stringify(adapter)});\nCorsPolicyModule.forRoot(${JSON.stringify(policy)});`);
    const compiled = await run(compiledItems());
    expect(compiled.some((path) => /core\/dist\/node\.js$/.test(path))).toBe(true);
    expect(compiled.filter((path) => VALIDATOR.test(path))).toEqual([]);
    expect((await run(itemsPolicy)).some((path) => /[/\\]zod[/\\]/.test(path))).toBe(true);
  }, 60_000);
});
