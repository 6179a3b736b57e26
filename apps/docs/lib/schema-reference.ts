/*
 * The policy field reference, read from core's JSON Schema (`policyJsonSchema()`), whose titles and
 * descriptions come from the zod schema's own metadata: the reference cannot drift from validation.
 */

type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly title?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly enum?: readonly unknown[];
};

export interface FieldRow {
  /** Dotted path: `routes[].path`, `environments.<name>.origins`. */
  readonly path: string;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** In words: `string`, `list of strings`, `list of Route rule (see below)`. */
  readonly type: string;
  readonly required: boolean;
  /** Anchor of the section describing this field's members, when it has any. */
  readonly detailsAnchor: string | undefined;
}

export interface SchemaSection {
  /** HTML id. */
  readonly anchor: string;
  /** Where these fields live: `(policy)`, `routes[]`, `environments.<name>`. */
  readonly path: string;
  readonly title: string;
  readonly description: string;
  readonly fields: readonly FieldRow[];
}

/** Flattens the policy's JSON Schema into sections of documented fields, top level first. */
export function schemaReference(root: Record<string, unknown>): SchemaSection[] {
  const schema = root as JsonSchema;
  const defs = schema.$defs ?? {};
  const deref = (node: JsonSchema): JsonSchema => {
    const ref = node.$ref?.replace(/^#\/\$defs\//, '');
    return ref === undefined ? node : { ...(defs[ref] ?? {}), ...node, $ref: undefined };
  };
  const sections: SchemaSection[] = [];

  const visit = (node: JsonSchema, path: string) => {
    const fields: FieldRow[] = [];
    const section = { anchor: anchorFor(path), path, title: node.title ?? path, description: node.description ?? '', fields };
    sections.push(section);
    for (const [name, raw] of Object.entries(node.properties ?? {})) {
      const prop = deref(raw);
      const childPath = path === '(policy)' ? name : `${path}.${name}`;
      const nested = nestedObject(prop, deref);
      const detailsPath = nested === undefined ? undefined : nested.kind === 'list' ? `${childPath}[]` : nested.kind === 'map' ? `${childPath}.<name>` : childPath;
      fields.push({
        path: childPath,
        name,
        title: prop.title ?? name,
        description: prop.description ?? '',
        type: typeWords(prop, deref),
        required: node.required?.includes(name) ?? false,
        detailsAnchor: detailsPath === undefined ? undefined : anchorFor(detailsPath),
      });
      if (nested !== undefined && detailsPath !== undefined) visit(nested.schema, detailsPath);
    }
  };
  visit(schema, '(policy)');
  return sections;
}

function nestedObject(prop: JsonSchema, deref: (n: JsonSchema) => JsonSchema): { kind: 'object' | 'list' | 'map'; schema: JsonSchema } | undefined {
  if (prop.properties !== undefined) return { kind: 'object', schema: prop };
  const items = prop.items === undefined ? undefined : deref(prop.items);
  if (items?.properties !== undefined) return { kind: 'list', schema: items };
  const values = typeof prop.additionalProperties === 'object' ? deref(prop.additionalProperties) : undefined;
  if (values?.properties !== undefined) return { kind: 'map', schema: values };
  return undefined;
}

function typeWords(prop: JsonSchema, deref: (n: JsonSchema) => JsonSchema): string {
  const type = Array.isArray(prop.type) ? prop.type.join(' or ') : (prop.type as string | undefined);
  if (type === 'array') {
    const items = prop.items === undefined ? undefined : deref(prop.items);
    if (items?.properties !== undefined) return `list of ${items.title ?? 'objects'}`;
    return `list of ${items?.type ?? 'value'}s`;
  }
  if (type === 'object') {
    const values = typeof prop.additionalProperties === 'object' ? deref(prop.additionalProperties) : undefined;
    if (values !== undefined && prop.properties === undefined) return `map of name → ${values.title ?? values.type ?? 'value'}`;
    return 'object';
  }
  return type ?? 'any';
}

/** `routes[].path` → `field-routes-path`. */
export function anchorFor(path: string): string {
  if (path === '(policy)') return 'field-policy';
  return `field-${path.replace(/\[\]/g, '').replace(/<name>/g, 'name').replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '')}`;
}
