import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, policyJsonSchema, type RuleCode } from '../src/index.js';
import { jsonSchemaFields } from './helpers.js';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

/** `### \`code\`` sections of docs/rules.md, keyed by code. */
function ruleSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = markdown.split(/^### `([^`]+)`\s*$/m);
  for (let i = 1; i < parts.length; i += 2) sections.set(parts[i] as string, (parts[i + 1] as string).split(/^## /m)[0] as string);
  return sections;
}

describe('docs/rules.md', () => {
  const sections = ruleSections(read('docs/rules.md'));

  it.each(Object.keys(RULES) as RuleCode[])('documents %s: severity, what, why and fix', (code) => {
    const section = sections.get(code);
    expect(section, `docs/rules.md has no "### \`${code}\`" section`).toBeDefined();
    expect(section).toContain(`**Severity:** ${RULES[code].severity}\n`);
    for (const part of ['**What:**', '**Why:**', '**Fix:**']) expect(section).toContain(part);
  });

  it('documents no code that does not exist', () => {
    expect([...sections.keys()].filter((code) => !(code in RULES))).toEqual([]);
  });

  it('links only to sections that exist', () => {
    const markdown = read('docs/rules.md') + read('docs/policy-reference.md');
    const anchors = new Set([...sections.keys()].map((code) => code.replace(/[^a-z0-9-]/g, '')));
    for (const heading of read('docs/rules.md').matchAll(/^## (.+)$/gm)) anchors.add((heading[1] as string).toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'));
    const links = [...markdown.matchAll(/\(rules\.md#([^)]+)\)|\(#([a-z0-9-]+)\)/g)].map((m) => m[1] ?? m[2]).filter((a) => a !== undefined);
    const policyReferenceAnchors = [...read('docs/policy-reference.md').matchAll(/^#{2,3} (.+)$/gm)].map((h) => (h[1] as string).toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'));
    expect(links.filter((a) => !anchors.has(a as string) && !policyReferenceAnchors.includes(a as string))).toEqual([]);
  });
});

describe('docs/policy-reference.md', () => {
  const reference = read('docs/policy-reference.md');

  it.each(jsonSchemaFields(policyJsonSchema()).map((f) => [f.path, f.node.title as string]))('documents %s (%s)', (path, title) => {
    expect(reference).toContain(`\`${path}\``);
    expect(reference).toContain(title);
  });
});
