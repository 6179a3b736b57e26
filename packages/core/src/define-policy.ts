import { allContexts, routeContexts, topContext } from './rule-context.js';
import { FAMILY, familyOf, type PolicyFamily } from './policy-family.js';
import { compileRulesData, effectiveRoute, effectiveRules } from './compile.js';
import { VARIANT_DATA, type CompiledVariantData } from './compiled-data.js';
import { attachRuntime, compileVariant } from './runtime-policy.js';
import { lintContext, lintDevelopmentMarkers, lintPolicyLevel } from './lint-rules.js';
import { unknownEnvironmentIssue } from './environment-name.js';
import type { CorsPolicy, PreflightSettings } from './policy.js';
import { CorsPolicyError, formatIssuePath, type IssuePath, type PolicyIssue } from './policy-issue.js';
import { policySchema, type PolicyInput } from './policy-schema.js';
import { RULES, isRuleCode } from './rules.js';
import { schemaIssues } from './schema-issues.js';
import { expectationIssue, runExpectations, type ExpectationResult } from './expectations.js';
import { lintDeployments } from './lint-deployments.js';
import { memoisedOriginAnalyser, type OriginAnalyser } from './origin-entry.js';

/** Options for loading a policy. */
export interface DefinePolicyOptions {
  /**
   * The environment overlay to apply (e.g. `'development'`). Chosen by the caller — core never reads
   * `process.env`. Every overlay is validated whatever is chosen.
   */
  readonly environment?: string | undefined;
}

export type ParsePolicyResult =
  | { readonly ok: true; readonly policy: CorsPolicy; readonly issues: readonly PolicyIssue[] }
  | { readonly ok: false; readonly issues: readonly PolicyIssue[] };

/**
 * Validates, lints and compiles a policy. Returns a frozen {@link CorsPolicy}; throws one
 * {@link CorsPolicyError} listing every problem (path, rule code, message, fix hint) if any is an error.
 * Warnings do not block loading: they are on `policy.findings`.
 *
 * @example
 * export const apiPolicy = definePolicy({
 *   name: 'storefront-api',
 *   origins: ['https://myapp.com'],
 *   credentials: true,
 *   methods: ['GET', 'POST', 'PUT', 'DELETE'],
 *   allowHeaders: ['Content-Type', 'Authorization'],
 *   maxAge: 600,
 * });
 */
export function definePolicy(input: PolicyInput, options: DefinePolicyOptions = {}): CorsPolicy {
  const result = parsePolicy(input, options);
  if (!result.ok) throw new CorsPolicyError(typeof (input as { name?: unknown })?.name === 'string' ? input.name : undefined, result.issues);
  return result.policy;
}

/** Like {@link definePolicy}, but returns every issue instead of throwing. Accepts untrusted input. */
export function parsePolicy(input: unknown, options: DefinePolicyOptions = {}): ParsePolicyResult {
  const parsed = policySchema.safeParse(input);
  const dropped = droppedEnvironmentKeys(input);
  const foreign = foreignOriginEntries(input);
  if (foreign.length > 0) {
    // zod reads a RegExp's `source` getter as a source name: such entries are refused before anything else reads them.
    return { ok: false, issues: [...dropped, ...foreign, ...(parsed.success ? [] : schemaIssues(parsed.error, input, knownKeys).filter((i) => !foreign.some((f) => formatIssuePath(f.path) === formatIssuePath(i.path.slice(0, f.path.length)))))] };
  }
  if (!parsed.success) {
    return { ok: false, issues: [...dropped, ...schemaIssues(parsed.error, input, knownKeys), ...bestEffortLint(input)] };
  }
  // zod's output is a fresh copy: later mutation of the caller's object cannot reach the policy.
  const source = deepFreeze(parsed.data);
  const analyse = memoisedOriginAnalyser();
  const issues = [...dropped, ...applyAcknowledgements(source, lintAll(source, options.environment, analyse))];
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  const policy = buildFamily(source, issues, options.environment, analyse);
  // Expectations run against the real resolver, each under its own (already validated and compiled) environment.
  const failed = runExpectations(policy, (env) => policyForEnvironment(policy, env)).filter((r) => !r.pass).map(expectationIssue);
  if (failed.length > 0) return { ok: false, issues: [...issues, ...failed] };
  return { ok: true, policy, issues };
}

/**
 * The policy's own `expectations`, each checked against the resolver under its environment — with the
 * actual explanation beside the intended verdict (for `cors-policy check` and the docs' decision table).
 * A loaded policy passes all of them; `parsePolicy` reports failures as `expectations/failed` errors.
 */
export function checkExpectations(policy: CorsPolicy): ExpectationResult[] {
  return runExpectations(policy, (env) => policyForEnvironment(policy, env));
}

/**
 * The same policy under another environment (`undefined`: the base policy). A lookup: every
 * environment was validated, linted and compiled once when the policy loaded. Throws a
 * {@link CorsPolicyError} (`environments/unknown`, listing the known names) for a name the policy
 * does not define.
 *
 * @example
 * const staging = policyForEnvironment(apiPolicy, 'staging');
 */
export function policyForEnvironment(policy: CorsPolicy, environment: string | undefined): CorsPolicy {
  const family = familyOf(policy);
  // A policy made by a copy of core without the family (an older bundle): load it the slow way.
  if (family === undefined) return definePolicy(policy.source, { environment });
  if (environment === undefined) return family.base;
  const found = Object.prototype.hasOwnProperty.call(family.byName, environment) ? family.byName[environment] : undefined;
  if (found !== undefined) return found;
  throw new CorsPolicyError(policy.name, [unknownEnvironmentIssue(environment, policy.environments)]);
}

function lintAll(source: PolicyInput, environment: string | undefined, analyse: OriginAnalyser): PolicyIssue[] {
  const issues = [...lintPolicyLevel(source, environment), ...lintDevelopmentMarkers(source), ...lintDeployments(source)];
  for (const ctx of allContexts(source)) issues.push(...lintContext(ctx, analyse));
  return dedupe(issues);
}

/** The same finding reached from several contexts is reported once, at its most severe. */
function dedupe(issues: readonly PolicyIssue[]): PolicyIssue[] {
  const byKey = new Map<string, PolicyIssue>();
  const rank = { error: 0, warning: 1, info: 2 } as const;
  for (const issue of issues) {
    const key = `${issue.code} ${formatIssuePath(issue.path)}`;
    const seen = byKey.get(key);
    if (seen === undefined || rank[issue.severity] < rank[seen.severity]) byKey.set(key, issue);
  }
  return [...byKey.values()];
}

/**
 * Marks the warnings the policy acknowledges. An acknowledgement covers a finding only when the rule
 * code matches AND its `path` is the finding's (as `formatIssuePath` writes it) or its `value` is the
 * finding's: one written for a staging origin never covers a new production one.
 */
function applyAcknowledgements(source: PolicyInput, issues: PolicyIssue[]): PolicyIssue[] {
  const acks = source.acknowledgements ?? [];
  const extra: PolicyIssue[] = [];
  const reasons = new Map<PolicyIssue, string>();
  acks.forEach((ack, i) => {
    const path: IssuePath = ['acknowledgements', i];
    if (ack.reason.trim() === '') {
      extra.push({ code: 'acknowledgements/missing-reason', severity: 'error', path: [...path, 'reason'], message: `The acknowledgement of ${ack.rule} has no justification.`, hint: 'Write why the warning is acceptable; auditors read it.' });
    }
    if (!isRuleCode(ack.rule) || RULES[ack.rule].severity === 'error') {
      extra.push({ code: 'acknowledgements/not-a-warning', severity: 'error', path: [...path, 'rule'], message: isRuleCode(ack.rule) ? `${ack.rule} is an error; errors cannot be acknowledged.` : `${JSON.stringify(ack.rule)} is not a rule code.`, hint: isRuleCode(ack.rule) ? 'Fix the problem instead.' : 'Use the code printed with the warning, e.g. "max-age/above-browser-cap".', value: ack.rule });
      return;
    }
    const candidates = issues.filter((x) => x.code === ack.rule && x.severity !== 'error');
    if (ack.path === undefined && ack.value === undefined) {
      const paths = candidates.map((x) => JSON.stringify(formatIssuePath(x.path)));
      extra.push({
        code: 'acknowledgements/unscoped',
        severity: 'error',
        path,
        message: `The acknowledgement of ${ack.rule} names neither a path nor a value, so it would cover every ${ack.rule} warning, including future ones.`,
        hint: paths.length === 0 ? 'Add the `path` printed with the warning (e.g. "origins[0]"), or remove the acknowledgement.' : `Add ${paths.length === 1 ? `path: ${paths[0]}` : `one acknowledgement per warning, with path: ${paths.join(', ')}`}.`,
        value: ack.rule,
      });
      return;
    }
    const matched = candidates.filter((x) => (ack.path !== undefined && ack.path === formatIssuePath(x.path)) || (ack.value !== undefined && ack.value === x.value));
    if (matched.length === 0) {
      const scope = [ack.path === undefined ? '' : `at ${ack.path}`, ack.value === undefined ? '' : `about ${JSON.stringify(ack.value)}`].filter(Boolean).join(' or ');
      extra.push({ code: 'acknowledgements/unused', severity: 'warning', path: [...path, 'rule'], message: `No ${ack.rule} warning ${scope} is raised by this policy.`, hint: 'Remove the stale acknowledgement, or correct its `path` / `value`.', value: ack.rule });
      return;
    }
    for (const x of matched) if (!reasons.has(x)) reasons.set(x, ack.reason);
  });
  const marked = issues.map((issue) => {
    const reason = reasons.get(issue);
    return reason === undefined ? issue : { ...issue, acknowledged: reason };
  });
  return [...marked, ...extra];
}

/** Builds the base policy and every environment's once; returns the one asked for. */
function buildFamily(source: PolicyInput, issues: readonly PolicyIssue[], selected: string | undefined, analyse: OriginAnalyser): CorsPolicy {
  const byName: Record<string, CorsPolicy> = Object.create(null) as Record<string, CorsPolicy>;
  const family: PolicyFamily = { base: build(source, undefined, issues, undefined, analyse), byName };
  for (const name of Object.keys(source.environments ?? {})) byName[name] = build(source, name, issues, family, analyse);
  Object.freeze(byName);
  Object.defineProperty(family.base, FAMILY, { value: family, enumerable: false });
  deepFreeze(family.base);
  return selected === undefined ? family.base : (byName[selected] as CorsPolicy);
}

function build(source: PolicyInput, environment: string | undefined, issues: readonly PolicyIssue[], family: PolicyFamily | undefined, analyse: OriginAnalyser): CorsPolicy {
  const top = topContext(source, environment);
  const routeCtxs = routeContexts(source, top);
  const rules = effectiveRules(top);
  const routes = routeCtxs.map((ctx, i) => effectiveRoute(ctx, source.routes?.[i]));
  const preflight: PreflightSettings = {
    refusedStatus: source.preflight?.refusedStatus ?? 403,
    successStatus: source.preflight?.successStatus ?? 204,
    continueToApp: source.preflight?.continueToApp ?? false,
    vary: source.preflight?.vary ?? true,
  };
  const data: CompiledVariantData = {
    rules: compileRulesData(rules, false, analyse),
    routes: routes.map((r) => ({ ...compileRulesData(r, r.disabled, analyse), path: r.path })),
    preflight,
  };
  const policy = {
    name: source.name,
    description: source.description,
    owners: source.owners ?? [],
    environment,
    environments: Object.keys(source.environments ?? {}),
    rules,
    routes,
    preflight,
    deployments: (source.deployments ?? []).map((d) => ({ service: d.service, environment: d.environment, url: d.url, description: d.description })),
    findings: issues,
    source,
  };
  // Enforced through the same compiled data that `compilePolicy` hands to the runtime entry.
  attachRuntime(policy, compileVariant(data), (env) => policyForEnvironment(policy as CorsPolicy, env), developmentOnlyNames(source));
  Object.defineProperty(policy, VARIANT_DATA, { value: data, enumerable: false });
  // The base is frozen by buildFamily once the family it points to exists.
  if (family === undefined) return policy as CorsPolicy;
  Object.defineProperty(policy, FAMILY, { value: family, enumerable: false });
  return deepFreeze(policy) as CorsPolicy;
}

function developmentOnlyNames(source: PolicyInput): string[] {
  return Object.entries(source.environments ?? {}).filter(([, overlay]) => overlay.developmentOnly === true).map(([name]) => name);
}

/** Best-effort semantic lint of input whose shape is wrong, so that every problem is listed at once. */
function bestEffortLint(input: unknown): PolicyIssue[] {
  if (input === null || typeof input !== 'object') return [];
  const raw = input as Record<string, unknown>;
  const shape = policySchema.shape;
  const clean: Record<string, unknown> = { name: typeof raw.name === 'string' ? raw.name : 'policy', origins: [] };
  let originsParsed = false;
  for (const key of Object.keys(shape) as Array<keyof typeof shape>) {
    if (!Object.prototype.hasOwnProperty.call(raw, key)) continue;
    const field = shape[key].safeParse(raw[key]);
    if (field.success) clean[key] = field.data;
    if (field.success && key === 'origins') originsParsed = true;
  }
  // A mistyped `credentials` ("true", 1) is linted as if on: the stricter reading never hides a problem.
  if (Object.prototype.hasOwnProperty.call(raw, 'credentials') && typeof raw.credentials !== 'boolean' && raw.credentials) clean.credentials = true;
  const parsed = policySchema.safeParse(clean);
  if (!parsed.success) return [];
  // The stand-in empty list is not the author's: report "empty" only for a list that parsed, or a
  // route's own list (routes that inherit the stand-in would echo the same false finding).
  const ownList = (path: IssuePath): boolean => path.length === 3 && Array.isArray((raw.routes as Array<Record<string, unknown>> | undefined)?.[path[1] as number]?.origins);
  return lintAll(parsed.data, undefined, memoisedOriginAnalyser()).filter((i) => !(i.code === 'origins/empty' && !originsParsed && !ownList(i.path)));
}

/** Origin entries that are objects but not plain ones (a RegExp, a class instance): never a source entry. */
function foreignOriginEntries(input: unknown): PolicyIssue[] {
  if (input === null || typeof input !== 'object') return [];
  const raw = input as { origins?: unknown; routes?: unknown };
  const lists: Array<[unknown, IssuePath]> = [[raw.origins, ['origins']]];
  if (Array.isArray(raw.routes)) raw.routes.forEach((r: unknown, i) => lists.push([(r as { origins?: unknown } | null)?.origins, ['routes', i, 'origins']]));
  const out: PolicyIssue[] = [];
  for (const [list, at] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((entry: unknown, i) => {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return;
      const proto: unknown = Object.getPrototypeOf(entry);
      if (proto === Object.prototype || proto === null) return;
      out.push({ code: 'policy/invalid-shape', severity: 'error', path: [...at, i], message: 'Expected string, got an object.', hint: 'Write a value of type string.' });
    });
  }
  return out;
}

/** zod's record silently drops an own `__proto__` key (JSON.parse creates one): report it instead. */
function droppedEnvironmentKeys(input: unknown): PolicyIssue[] {
  const environments = (input as { environments?: unknown } | null | undefined)?.environments;
  if (environments === null || typeof environments !== 'object' || !Object.prototype.hasOwnProperty.call(environments, '__proto__')) return [];
  return [{ code: 'policy/unknown-key', severity: 'error', path: ['environments', '__proto__'], message: 'An environment cannot be named `__proto__`.', hint: 'Rename the environment, e.g. "development".', value: '__proto__' }];
}

function knownKeys(path: IssuePath): readonly string[] {
  const s = policySchema.shape;
  if (path.length === 0) return Object.keys(s);
  if (path[0] === 'preflight') return ['refusedStatus', 'successStatus', 'continueToApp', 'vary'];
  if ((path[0] === 'origins' && path.length === 2) || (path[0] === 'routes' && path[2] === 'origins' && path.length === 4)) {
    return ['source', 'credentials', 'methods', 'refreshSeconds', 'timeoutMs', 'description'];
  }
  if (path[0] === 'routes') return ['path', 'description', 'disabled', 'origins', 'credentials', 'methods', 'allowHeaders', 'exposeHeaders', 'maxAge', 'privateNetwork'];
  if (path[0] === 'environments') return ['description', 'developmentOnly', 'origins', 'credentials', 'methods', 'allowHeaders', 'exposeHeaders', 'maxAge', 'privateNetwork'];
  if (path[0] === 'acknowledgements') return ['rule', 'reason', 'path', 'value'];
  if (path[0] === 'deployments') return ['service', 'environment', 'url', 'description'];
  if (path[0] === 'expectations') return path.length > 2 ? ['origin', 'method', 'path', 'headers', 'credentials'] : ['description', 'environment', 'request', 'allowed'];
  return [];
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
