import { describe, expect, it } from 'vitest';
import { policyJsonSchema, policySchema } from '../src/index.js';
import { jsonSchemaFields, type SchemaNode as Node } from './helpers.js';

describe('the exported JSON Schema', () => {
  const schema = policyJsonSchema();

  it('is draft 2020-12, closed, and requires name and origins', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name', 'origins']);
  });

  it('covers every top-level key of the zod schema', () => {
    expect(Object.keys(schema.properties as Node).sort()).toEqual(Object.keys(policySchema.shape).sort());
  });

  it('gives every field a title and a description', () => {
    const fields = jsonSchemaFields(schema);
    expect(fields.length).toBeGreaterThan(30);
    const missing = fields.filter(({ node }) => typeof node.title !== 'string' || node.title === '' || typeof node.description !== 'string' || node.description === '').map((f) => f.path);
    expect(missing).toEqual([]);
    expect(typeof schema.title).toBe('string');
    expect(typeof schema.description).toBe('string');
  });

  it('closes every nested object against unknown keys', () => {
    const open = jsonSchemaFields(schema).filter(({ node }) => node.type === 'object' && node.properties !== undefined && node.additionalProperties !== false).map((f) => f.path);
    expect(open).toEqual([]);
  });

  it('lists the fields a policy author can write', () => {
    expect(jsonSchemaFields(schema).map((f) => f.path)).toMatchInlineSnapshot(`
      [
        "$schema",
        "name",
        "description",
        "owners",
        "origins",
        "credentials",
        "methods",
        "allowHeaders",
        "exposeHeaders",
        "maxAge",
        "privateNetwork",
        "preflight",
        "preflight.refusedStatus",
        "preflight.successStatus",
        "preflight.continueToApp",
        "preflight.vary",
        "routes",
        "routes[].path",
        "routes[].description",
        "routes[].disabled",
        "routes[].origins",
        "routes[].credentials",
        "routes[].methods",
        "routes[].allowHeaders",
        "routes[].exposeHeaders",
        "routes[].maxAge",
        "routes[].privateNetwork",
        "environments",
        "environments.<name>.description",
        "environments.<name>.origins",
        "environments.<name>.credentials",
        "environments.<name>.methods",
        "environments.<name>.allowHeaders",
        "environments.<name>.exposeHeaders",
        "environments.<name>.maxAge",
        "environments.<name>.privateNetwork",
        "expectations",
        "expectations[].description",
        "expectations[].environment",
        "expectations[].request",
        "expectations[].request.origin",
        "expectations[].request.method",
        "expectations[].request.path",
        "expectations[].request.headers",
        "expectations[].request.credentials",
        "expectations[].allowed",
        "deployments",
        "deployments[].service",
        "deployments[].environment",
        "deployments[].url",
        "deployments[].description",
        "acknowledgements",
        "acknowledgements[].rule",
        "acknowledgements[].reason",
        "acknowledgements[].path",
        "acknowledgements[].value",
      ]
    `);
  });
});
