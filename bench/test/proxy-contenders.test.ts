import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corsProblem, HTTP_SCENARIOS } from '../src/adapters/http-scenarios.js';
import { bundle, seedForms, type ProxyRuntime } from '../src/size/bundle-size.js';
import { proxySource, SIZE_CONTENDERS } from '../src/size/proxy-sources.js';

/*
 * The size bench weighs these bundles, so each must be a working proxy: the very bundle measured is
 * imported (Next.js itself resolves `next/server`; plain Node needs `next/server.js`) and called with
 * Web Requests. CORS contenders answer every scenario as the policy does; bare sends no CORS headers.
 */

const GENERATED = fileURLToPath(new URL('../.generated/test/', import.meta.url));
const seed = seedForms();

type Proxy = (request: Request, event?: unknown) => Response | Promise<Response>;

const loaded = new Map<string, Promise<Proxy>>();

function load(runtime: ProxyRuntime, contender: (typeof SIZE_CONTENDERS)[number]): Promise<Proxy> {
  const key = `${runtime}|${contender}`;
  if (!loaded.has(key)) loaded.set(key, loadBundle(runtime, contender));
  return loaded.get(key)!;
}

async function loadBundle(runtime: ProxyRuntime, contender: (typeof SIZE_CONTENDERS)[number]): Promise<Proxy> {
  const exportName = runtime === 'node' ? 'proxy' : 'middleware';
  const { code } = await bundle(proxySource(contender, exportName, seed)!, runtime);
  mkdirSync(GENERATED, { recursive: true });
  const file = `${GENERATED}${runtime}-${contender.replace(/[^a-z]+/g, '-')}.mjs`;
  writeFileSync(file, code.replace(/(["'])next\/server\1/g, '"next/server.js"'));
  const module = (await import(pathToFileURL(file).href)) as Record<string, Proxy>;
  return module[exportName]!;
}

describe.each(['node', 'edge'] as const)('%s bundles', (runtime) => {
  describe.each(SIZE_CONTENDERS)('%s', (contender) => {
    it.each(HTTP_SCENARIOS)('answers "$name" as the policy does', async (scenario) => {
      const proxy = await load(runtime, contender);
      const response = await proxy(new Request(`http://127.0.0.1${scenario.path}`, { method: scenario.method, headers: scenario.headers }), {});
      expect(corsProblem(scenario, contender === 'bare' ? 'bare' : 'ours', response.status, response.headers)).toBeUndefined();
    });
  });
});

it('the lean proxy inlines the compiled policy, not the policy input', () => {
  const lean = proxySource('ours lean', 'proxy', seed)!;
  expect(lean).toContain('"format":"cors-policy/compiled@');
  expect(lean).toContain("from '@org/cors-core/runtime'");
  expect(lean).not.toContain('definePolicy');
});
