import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nextStart } from '@org/cors-conformance';
import { describeExampleService } from '@org/example-contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { appDir, ensureBuilt } from './ensure-built.js';

// The real thing: `next build` output served by `next start`, proxy.ts on the Node.js runtime
// (/api/**) and a corsRoute() handler (/public/status). The build runs before the contract starts the server.
beforeAll(() => ensureBuilt(), 240_000);

// `next start` is NODE_ENV=production: the developmentOnly overlay needs the explicit allowance.
describeExampleService('example-next', (environment) =>
  nextStart(appDir, environment === undefined ? {} : { APP_ENV: environment, CORS_ALLOW_DEVELOPMENT_ONLY_IN_PRODUCTION: 'true' }),
);

describe('example-next environment selection', () => {
  it('refuses the developmentOnly overlay in a production server unless explicitly allowed: no request gets CORS headers', async () => {
    // vitest runs with NODE_ENV=test; a deployed `next start` has NODE_ENV=production.
    const app = await nextStart(appDir, { APP_ENV: 'development', NODE_ENV: 'production' });
    try {
      const response = await fetch(`${app.url}/api/items`, { headers: { Origin: 'http://localhost:3000' } });
      expect(response.status).toBe(500);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(app.output()).toContain('developmentOnly');
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe('example-next build', () => {
  it('builds proxy.ts for the Node.js runtime, matching /api/**', () => {
    const manifest = JSON.parse(readFileSync(join(appDir, '.next', 'server', 'functions-config-manifest.json'), 'utf8'));
    expect(manifest.functions['/_middleware'].runtime).toBe('nodejs');
    expect(manifest.functions['/_middleware'].matchers[0].originalSource).toBe('/api/:path*');
  });

  it('bundles the compiled policy into proxy.ts, with neither the validator nor the public-suffix list', () => {
    // proxy.ts's trace (Next's output file tracing) lists the chunks it loads and any package left external.
    const server = join(appDir, '.next', 'server');
    const traced: string[] = JSON.parse(readFileSync(join(server, 'middleware.js.nft.json'), 'utf8')).files;
    expect(traced.filter((file) => /[/\\](zod|tldts|tldts-core)[/\\]/.test(file))).toEqual([]);
    const chunks = traced.filter((file) => !file.includes('node_modules'));
    expect(chunks.length).toBeGreaterThan(0);
    const bundle = ['middleware.js', ...chunks].map((file) => readFileSync(join(server, file), 'utf8')).join('\n');
    expect(bundle).toContain('cors-policy/compiled@2');
    expect(bundle).toContain('https://admin.myapp.com');
    // zod, tldts's public-suffix list, the lint rules: the authoring entry's markers.
    const markers = ['ZodError', 'blogspot', 'origins/wildcard-with-credentials'];
    expect(markers.filter((marker) => bundle.includes(marker))).toEqual([]);
  });
});
