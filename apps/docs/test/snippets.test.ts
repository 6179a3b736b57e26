import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { snippetsFor, type SnippetSource } from '../lib/snippets';

const adapterIndex = (pkg: string) => readFileSync(fileURLToPath(new URL(`../../../packages/${pkg}/src/index.ts`, import.meta.url)), 'utf8');
const ADAPTERS: Record<string, { dir: string }> = {
  '@org/cors-express': { dir: 'express' },
  '@org/cors-koa': { dir: 'koa' },
  '@org/cors-nest': { dir: 'nest' },
  '@org/cors-next': { dir: 'next' },
};

describe('snippetsFor', () => {
  const source: SnippetSource = { name: 'storefront-api', description: 'The storefront API.', module: '@org/cors-policies', exportName: 'apiPolicy', environments: ['development'] };
  const snippets = snippetsFor(source);

  it('imports only names each adapter package really exports', () => {
    for (const snippet of snippets) {
      const adapter = ADAPTERS[snippet.packageName];
      expect(adapter, snippet.packageName).toBeDefined();
      const names = [...snippet.code.matchAll(new RegExp(`import \\{ ([^}]+) \\} from "${snippet.packageName}"`, 'g'))].flatMap((m) => m[1]!.split(',').map((s) => s.trim()));
      expect(names.length, snippet.id).toBeGreaterThan(0);
      const source = adapterIndex(adapter!.dir);
      // A re-export (`export { name } from …`) or a declaration in the index itself (`export function name`).
      for (const name of names) expect(source, `${snippet.packageName} exports ${name}`).toMatch(new RegExp(`export \\{[^}]*\\b${name}\\b|export (?:async )?function ${name}\\b`));
    }
  });

  it('imports the policy from where it is defined and passes it to the adapter', () => {
    for (const snippet of snippets) {
      expect(snippet.code).toContain('import { apiPolicy } from "@org/cors-policies";');
      expect(snippet.code).toMatch(/\(apiPolicy[,)]/);
    }
  });

  it('shows how to select an environment overlay only when the policy has one', () => {
    expect(snippets.every((s) => s.code.includes('environment: process.env.APP_ENV'))).toBe(true);
    const plain = snippetsFor({ ...source, environments: [] });
    expect(plain.some((s) => s.code.includes('environment'))).toBe(false);
  });

  it('imports a default export and a policy file by relative path', () => {
    const [express] = snippetsFor({ name: 'example', module: '../example/cors.policy.ts', exportName: 'default', environments: [] });
    expect(express?.code).toContain('import policy from "./cors.policy";');
    expect(express?.code).toContain('app.use(cors(policy));');
  });

  it('keeps a policy description containing a newline inside its // comment', () => {
    const hostile = snippetsFor({ ...source, description: 'Shop API.\nprocess.exit(1);\u2028require("child_process") */ x' });
    const benign = snippetsFor(source);
    for (const [i, snippet] of hostile.entries()) {
      expect(statementsOf(snippet.code), snippet.id).toEqual(statementsOf(benign[i]!.code));
      expect(snippet.code).toContain('// Policy storefront-api: Shop API. process.exit(1); require("child_process") * / x');
    }
  });

  it('writes module and export names from a policy as string literals, never as code', () => {
    const [express] = snippetsFor({ name: 'x', module: "./it's.policy.ts", exportName: 'not-an-identifier', environments: ['dev"; process.exit(1); "'] });
    expect(express?.code).toContain('import { "not-an-identifier" as policy } from "./it\'s.policy";');
    expect(statementsOf(express!.code)).toEqual(statementsOf(snippetsFor({ name: 'x', module: './p.ts', exportName: 'default', environments: ['dev'] })[0]!.code));
  });
});

/** The snippet's top-level statements as TypeScript parses them (comments are not statements). */
function statementsOf(code: string): string[] {
  const file = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const parseErrors = (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
  expect(parseErrors).toEqual([]);
  return file.statements.map((s) => ts.SyntaxKind[s.kind]);
}
