import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configuredPolicyModules, importSpecifier, policyModulesSource } from '../scripts/write-policy-modules.mjs';

const config = (modules: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'docs-config-')), 'docs.config.json');
  writeFileSync(path, JSON.stringify({ policyModules: modules }));
  return path;
};

describe('policy module configuration', () => {
  it('reads docs.config.json, and the environment variable overrides it', () => {
    const path = config(['@org/cors-policies']);
    expect(configuredPolicyModules({}, path)).toEqual(['@org/cors-policies']);
    expect(configuredPolicyModules({ CORS_DOCS_POLICY_MODULES: ' ./a.policy.ts, @scope/b ' }, path)).toEqual(['./a.policy.ts', '@scope/b']);
  });

  it('refuses a config that lists no module', () => {
    expect(() => configuredPolicyModules({}, config([]))).toThrow(/must list at least one module/);
  });

  it('imports packages by name and files relative to the generated module, without a TypeScript extension', () => {
    const generated = fileURLToPath(new URL('../generated', import.meta.url));
    expect(importSpecifier('@org/cors-policies', generated)).toBe('@org/cors-policies');
    expect(importSpecifier('./test/fixtures/bad.policy.ts', generated)).toBe('../test/fixtures/bad.policy');
    expect(importSpecifier('./test/fixtures/public.policy.mjs', generated)).toBe('../test/fixtures/public.policy.mjs');
  });

  it('writes one literal import per module, so the bundler compiles each policy file', () => {
    const source = policyModulesSource(['@org/cors-policies', './test/fixtures/bad.policy.ts'], fileURLToPath(new URL('../generated', import.meta.url)));
    expect(source).toContain('{ specifier: "@org/cors-policies", load: () => import("@org/cors-policies") },');
    expect(source).toContain('{ specifier: "./test/fixtures/bad.policy.ts", load: () => import("../test/fixtures/bad.policy") },');
  });
});
