import { CorsPolicyError, definePolicy, formatIssuePath, parsePolicy, resolveCors, type CorsDecision, type CorsPolicy, type PolicyInput, type PolicyIssue, type RequestFacts, type RuntimeCorsPolicy } from '../src/index.js';

/** A minimal valid policy input, to spread overrides onto. */
export const base = { name: 'test-api', origins: ['https://app.example.com'] } satisfies PolicyInput;

/** Loads a policy from `base` plus overrides. */
export function load(overrides: Partial<PolicyInput> = {}, environment?: string): CorsPolicy {
  return definePolicy({ ...base, ...overrides }, { environment });
}

/** Facts of an actual (non-preflight) request. */
export function actualFacts(origin: string | undefined, method = 'GET', path = '/'): RequestFacts {
  return { method, path, origin, accessControlRequestMethod: undefined, accessControlRequestHeaders: undefined, accessControlRequestPrivateNetwork: undefined };
}

/** Facts of a preflight. */
export function preflightFacts(
  origin: string | undefined,
  requestMethod: string,
  options: { headers?: string; path?: string; privateNetwork?: string } = {},
): RequestFacts {
  return {
    method: 'OPTIONS',
    path: options.path ?? '/',
    origin,
    accessControlRequestMethod: requestMethod,
    accessControlRequestHeaders: options.headers,
    accessControlRequestPrivateNetwork: options.privateNetwork,
  };
}

export function actual(policy: RuntimeCorsPolicy, origin: string | undefined, method = 'GET', path = '/'): CorsDecision {
  return resolveCors(policy, actualFacts(origin, method, path));
}

export function preflight(policy: RuntimeCorsPolicy, origin: string | undefined, requestMethod: string, options: { headers?: string; path?: string; privateNetwork?: string } = {}): CorsDecision {
  return resolveCors(policy, preflightFacts(origin, requestMethod, options));
}

/** The value of a header in a decision (exact name), or `undefined`. */
export function header(decision: CorsDecision, name: string): string | undefined {
  return decision.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** Every `Access-Control-*` header name in a decision. */
export function corsHeaderNames(decision: CorsDecision): string[] {
  return decision.headers.map(([n]) => n).filter((n) => n.toLowerCase().startsWith('access-control-'));
}

/** The findings of an input that must load (fails the test if it does not). */
export function findingsOf(input: unknown, environment?: string): readonly PolicyIssue[] {
  const result = parsePolicy(input, { environment });
  if (!result.ok) throw new Error(`expected the policy to load; got ${JSON.stringify(result.issues, null, 2)}`);
  return result.issues;
}

/** Issues reduced to what a reviewer reads: `severity path code — hint`. */
export function brief(issues: readonly PolicyIssue[]): string[] {
  return issues.map((i) => `${i.severity} ${formatIssuePath(i.path)} ${i.code} — ${i.hint}`);
}

/** Whether an input loads, and its findings in brief: what the lint snapshots record. */
export function lint(input: unknown, environment?: string): { loads: boolean; findings: string[] } {
  const result = parsePolicy(input, { environment });
  return { loads: result.ok, findings: brief(result.issues) };
}

/** A JSON Schema node, as `policyJsonSchema()` returns them. */
export type SchemaNode = Record<string, unknown>;

/** Every property schema in a JSON Schema, with its path as the docs write it (`routes[].path`, `environments.<name>.origins`). */
export function jsonSchemaFields(schema: SchemaNode, at = ''): Array<{ path: string; node: SchemaNode }> {
  const out: Array<{ path: string; node: SchemaNode }> = [];
  const props = schema.properties as Record<string, SchemaNode> | undefined;
  for (const [key, node] of Object.entries(props ?? {})) {
    const path = at === '' ? key : `${at}.${key}`;
    out.push({ path, node }, ...jsonSchemaFields(node, path));
  }
  if (schema.items !== undefined) out.push(...jsonSchemaFields(schema.items as SchemaNode, `${at}[]`));
  if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null) {
    out.push(...jsonSchemaFields(schema.additionalProperties as SchemaNode, `${at}.<name>`));
  }
  return out;
}

/** The CorsPolicyError `fn` throws (any other error, or none, fails the test). */
export function thrown(fn: () => unknown): CorsPolicyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CorsPolicyError) return error;
    throw error;
  }
  throw new Error('expected a CorsPolicyError');
}

/** A Node-like response that records what was written (names case-insensitive, as in Node). */
export class RecordingResponse {
  readonly headers = new Map<string, string>();
  setHeader(name: string, value: string): void {
    this.headers.set(name.toLowerCase(), value);
  }
  getHeader(name: string): string | undefined {
    return this.headers.get(name.toLowerCase());
  }
  writeHead(): void {}
}
