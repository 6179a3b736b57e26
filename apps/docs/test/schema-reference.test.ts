import { policyJsonSchema } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { anchorFor, schemaReference } from '../lib/schema-reference';

const schema = policyJsonSchema() as { properties: Record<string, { title?: string; description?: string }>; required: string[] };
const sections = schemaReference(schema);

describe('schemaReference', () => {
  it('documents every top-level field with the title and description from the schema metadata', () => {
    const top = sections[0]!;
    expect(top.path).toBe('(policy)');
    expect(top.fields.map((f) => f.name)).toEqual(Object.keys(schema.properties));
    for (const field of top.fields) {
      expect(field.title).toBe(schema.properties[field.name]?.title);
      expect(field.description).toBe(schema.properties[field.name]?.description);
      expect(field.description, field.name).not.toBe('');
      expect(field.required).toBe(schema.required.includes(field.name));
    }
  });

  it('gives nested objects, lists of objects and named maps their own sections, linked from the parent field', () => {
    const paths = sections.map((s) => s.path);
    expect(paths).toEqual(expect.arrayContaining(['preflight', 'routes[]', 'environments.<name>', 'acknowledgements[]']));
    const routes = sections[0]!.fields.find((f) => f.name === 'routes');
    expect(routes?.type).toBe('list of Route rule');
    expect(routes?.detailsAnchor).toBe(anchorFor('routes[]'));
    expect(sections.find((s) => s.path === 'routes[]')?.fields.find((f) => f.name === 'path')).toMatchObject({ required: true, type: 'string' });
    expect(sections[0]!.fields.find((f) => f.name === 'environments')?.type).toBe('map of name → Environment overlay');
  });

  it('makes unique, fragment-safe anchors', () => {
    const anchors = sections.map((s) => s.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const anchor of anchors) expect(anchor).toMatch(/^[a-z][a-zA-Z0-9-]*$/);
  });
});
