import { isCorsPolicy } from '@org/cors-core';
import { MAX_NESTING_DEPTH } from './nesting-depth.js';

/**
 * One policy a module exports, as plain data: what crosses from the policy worker to the loader, which
 * validates it again with `parsePolicy` (nothing the file returns is trusted).
 */
export type PlainExport =
  | {
      /** The export it came from (`default`, `apiPolicy`, or `(module)` for a refused policy that was not exported). */
      readonly exportName: string;
      /** The policy input (a `CorsPolicy`'s `source`, or the object given to `definePolicy` or exported). */
      readonly input: unknown;
      /** The environment the file's own `definePolicy` call chose, if any. */
      readonly environment: string | undefined;
    }
  | {
      readonly exportName: string;
      /** The first value that is not plain data (a function, a RegExp…), which no policy may hold. */
      readonly unsupported: { readonly path: ReadonlyArray<string | number>; readonly what: string };
      readonly name: string | undefined;
    };

/** What the policy files' lenient `definePolicy` was given, keyed by the placeholder it returned. */
export interface RefusedDefinition {
  readonly input: unknown;
  readonly environment: string | undefined;
}

/** Thrown when a value nests deeper than {@link MAX_NESTING_DEPTH}: the loader reports `too-deep`. */
export class TooDeepError extends Error {
  override readonly name = 'TooDeepError';
}

/**
 * Finds every policy a module exports — `CorsPolicy` values, placeholders of refused `definePolicy`
 * calls, and policy inputs (plain objects with `origins`), named first, then `default` — and copies
 * each out as plain data. An input that is merely the source of an exported policy, and a default that
 * repeats a named export, are reported once. Refused definitions nobody exported come last, as `(module)`.
 *
 * @throws TooDeepError for a value nested deeper than {@link MAX_NESTING_DEPTH} (or cyclic)
 */
export function describeExports(moduleExports: unknown, refusals: ReadonlyMap<object, RefusedDefinition> = new Map()): PlainExport[] {
  const definitionOf = (value: unknown): RefusedDefinition | undefined => {
    if (isCorsPolicy(value)) return { input: value.source, environment: value.environment };
    return typeof value === 'object' && value !== null ? refusals.get(value) : undefined;
  };
  const entries = exportEntries(moduleExports, (value) => definitionOf(value) !== undefined);
  const sources = new Set(entries.flatMap(([, value]) => {
    const definition = definitionOf(value);
    return definition === undefined ? [] : [canonicalJson(definition.input)];
  }));
  const found: PlainExport[] = [];
  const seen = new Set<unknown>();
  for (const [exportName, value] of entries) {
    if (seen.has(value)) continue;
    const definition = definitionOf(value);
    if (definition !== undefined) {
      seen.add(value);
      found.push(plainExport(exportName, definition.input, definition.environment));
    } else if (isPolicyInput(value) && !sources.has(canonicalJson(value))) {
      seen.add(value);
      found.push(plainExport(exportName, value, undefined));
    }
  }
  for (const [placeholder, definition] of refusals) {
    if (!seen.has(placeholder)) found.push(plainExport('(module)', definition.input, definition.environment));
  }
  return found;
}

function plainExport(exportName: string, input: unknown, environment: string | undefined): PlainExport {
  const copied = toPlain(input, [], 0);
  if ('what' in copied) {
    const name = isPolicyInput(input) || (typeof input === 'object' && input !== null) ? (input as { name?: unknown }).name : undefined;
    return { exportName, unsupported: copied, name: typeof name === 'string' ? name : undefined };
  }
  return { exportName, input: copied.value, environment: typeof environment === 'string' ? environment : undefined };
}

type Copied = { readonly value: unknown } | { readonly path: Array<string | number>; readonly what: string };

/** A deep copy holding only JSON-like data; recursion is bounded by {@link MAX_NESTING_DEPTH}. */
function toPlain(value: unknown, path: Array<string | number>, depth: number): Copied {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { value };
  }
  if (typeof value !== 'object') return { path, what: `a ${typeof value}` };
  if (depth >= MAX_NESTING_DEPTH) throw new TooDeepError(`nested deeper than ${MAX_NESTING_DEPTH} levels`);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = toPlain(value[i], [...path, i], depth + 1);
      if ('what' in item) return item;
      out.push(item.value);
    }
    return { value: out };
  }
  if (!isPlainObject(value)) return { path, what: `a ${Object.prototype.toString.call(value).slice(8, -1)} object` };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = toPlain((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if ('what' in item) return item;
    Object.defineProperty(out, key, { value: item.value, enumerable: true, writable: true, configurable: true });
  }
  return { value: out };
}

/** Named exports first (they carry meaningful names), then `default`, so a repeated default is skipped. */
function exportEntries(moduleExports: unknown, isDefinition: (value: unknown) => boolean): Array<[string, unknown]> {
  if (isDefinition(moduleExports) || isPolicyInput(moduleExports)) return [['default', moduleExports]];
  if (typeof moduleExports !== 'object' || moduleExports === null) return [];
  const named: Array<[string, unknown]> = [];
  let fallback: Array<[string, unknown]> = [];
  for (const key of Object.keys(moduleExports)) {
    const value = (moduleExports as Record<string, unknown>)[key];
    if (key === 'default') fallback = [[key, value]];
    else if (key !== '__esModule') named.push([key, value]);
  }
  return [...named, ...fallback];
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A policy input is a plain object that declares `origins` (the one required rule field). */
export function isPolicyInput(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, 'origins');
}

/** JSON with sorted keys, so that two structurally equal inputs compare equal (unique when it cannot be serialised). */
function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    });
  } catch {
    return `\u0000unserialisable:${Math.random()}`;
  }
}
