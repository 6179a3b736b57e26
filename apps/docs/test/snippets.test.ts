import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { snippetsFor } from '../lib/snippets';

const adapterIndex = (pkg: string) => readFileSync(fileURLToPath(new URL(`../../../packages/${pkg}/src/index.ts`, import.meta.url)), 'utf8');
const ADAPTERS: Record<string, { dir: string }> = {
  '@org/cors-express': { dir: 'express' },
  '@org/cors-koa': { dir: 'koa' },
  '@org/cors-nest': { dir: 'nest' },
  '@org/cors-next': { dir: 'next' },
};

describe('snippetsFor', () => {
  const snippets = snippetsFor({ module: '@org/cors-policies', exportName: 'apiPolicy', environments: ['development'] });

  it('imports only names each adapter package really exports', () => {
    for (const snippet of snippets) {
      const adapter = ADAPTERS[snippet.packageName];
      expect(adapter, snippet.packageName).toBeDefined();
      const names = [...snippet.code.matchAll(new RegExp(`import \\{ ([^}]+) \\} from '${snippet.packageName}'`, 'g'))].flatMap((m) => m[1]!.split(',').map((s) => s.trim()));
      expect(names.length, snippet.id).toBeGreaterThan(0);
      const source = adapterIndex(adapter!.dir);
      for (const name of names) expect(source, `${snippet.packageName} exports ${name}`).toMatch(new RegExp(`export \\{[^}]*\\b${name}\\b`));
    }
  });

  it('imports the policy from where it is defined and passes it to the adapter', () => {
    for (const snippet of snippets) {
      expect(snippet.code).toContain("import { apiPolicy } from '@org/cors-policies';");
      expect(snippet.code).toMatch(/\(apiPolicy[,)]/);
    }
  });

  it('shows how to select an environment overlay only when the policy has one', () => {
    expect(snippets.every((s) => s.code.includes('environment: process.env.APP_ENV'))).toBe(true);
    const plain = snippetsFor({ module: '@org/cors-policies', exportName: 'apiPolicy', environments: [] });
    expect(plain.some((s) => s.code.includes('environment'))).toBe(false);
  });

  it('imports a default export and a policy file by relative path', () => {
    const [express] = snippetsFor({ module: '../example/cors.policy.ts', exportName: 'default', environments: [] });
    expect(express?.code).toContain("import policy from './cors.policy';");
    expect(express?.code).toContain('app.use(cors(policy));');
  });
});
