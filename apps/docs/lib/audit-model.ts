import { CHROMIUM_MAX_AGE_CAP, FIREFOX_MAX_AGE_CAP, RULES, formatIssuePath, policyForEnvironment, sortIssues } from '@org/cors-core';
import type { CorsPolicy, EffectiveRules, PolicyIssue, PreflightSettings, Severity } from '@org/cors-core';
import { describeOrigin, maxRisk, type OriginView, type Risk } from './origin-risk';
import type { LoadedPolicy } from './policy-loader';
import { humanDuration, listInWords, plural } from './words';

/*
 * The auditor's view of a policy: everything the pages print, computed from core's public API
 * (the loaded policy's effective rules, its findings, RULES, policyForEnvironment). Pure data, so
 * it is unit-tested without rendering.
 */

/** Fetch's default preflight cache when `Access-Control-Max-Age` is absent. */
export const DEFAULT_BROWSER_MAX_AGE = 5;

export interface MaxAgeView {
  readonly seconds: number | undefined;
  /** `10 minutes`, or `Not set`. */
  readonly text: string;
  /** How long each browser really caches, against its cap. */
  readonly chromium: string;
  readonly firefox: string;
  /** True when a browser caps the value. */
  readonly capped: boolean;
}

/** One set of rules in force: the top-level rules or one route rule, in one environment. */
export interface RulesView {
  /** Stable across environments: `top` or `route-<index>`. */
  readonly key: string;
  /** `All other paths` / `Every path` for the top level, the path pattern for a route. */
  readonly label: string;
  readonly path: string | undefined;
  readonly description: string | undefined;
  readonly disabled: boolean;
  readonly origins: readonly OriginView[];
  readonly credentials: boolean;
  readonly methods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAge: MaxAgeView;
  readonly privateNetwork: boolean;
  readonly risk: Risk;
  /** One plain-English sentence. */
  readonly summary: string;
}

/** The policy as loaded for one environment (`name` undefined: the base policy, i.e. production). */
export interface EnvironmentView {
  readonly name: string | undefined;
  readonly label: string;
  readonly description: string | undefined;
  readonly policy: CorsPolicy;
  readonly contexts: readonly RulesView[];
  readonly risk: Risk;
  /** Top-level origins this overlay adds to the base policy. */
  readonly addedOrigins: readonly string[];
}

export interface FindingView {
  readonly code: string;
  readonly severity: Severity;
  /** Where in the policy: `origins[2]`, `routes[0].maxAge`, `(policy)`. */
  readonly path: string;
  readonly message: string;
  readonly hint: string;
  readonly acknowledged: string | undefined;
  readonly ruleTitle: string | undefined;
  /** Anchor on the rule reference page. */
  readonly ruleHref: string;
}

/** One cell of a side-by-side table. */
export interface ComparisonCell {
  /** The effective value, one line per item. */
  readonly lines: readonly string[];
  /** The value differs from the same cell in production (the base policy). */
  readonly changed: boolean;
  /** A route rule that does not set this field: the value comes from the top level. */
  readonly inherited: boolean;
}

/** One environment's effective rules, every route rule side by side (columns: top level, then routes). */
export interface ComparisonTable {
  readonly environment: string | undefined;
  readonly label: string;
  readonly description: string | undefined;
  readonly columns: ReadonlyArray<{ readonly key: string; readonly label: string; readonly isRoute: boolean; readonly description: string | undefined }>;
  readonly rows: ReadonlyArray<{ readonly field: string; readonly cells: readonly ComparisonCell[] }>;
}

export interface PolicyAudit {
  readonly name: string;
  readonly description: string | undefined;
  readonly owners: readonly string[];
  readonly module: string;
  readonly exportName: string;
  /** Plain-English sentences: who may call, exceptions per route, per-environment additions, caching. */
  readonly summary: readonly string[];
  readonly risk: Risk;
  readonly riskReasons: readonly string[];
  readonly base: EnvironmentView;
  readonly environments: readonly EnvironmentView[];
  readonly comparison: readonly ComparisonTable[];
  readonly findings: { readonly open: readonly FindingView[]; readonly acknowledged: readonly FindingView[] };
  readonly counts: { readonly warnings: number; readonly info: number; readonly acknowledged: number };
  readonly preflight: PreflightSettings;
}

/** Builds the audit view of a loaded policy. */
export function auditPolicy(entry: LoadedPolicy): PolicyAudit {
  const { policy } = entry;
  const base = environmentView(policy, undefined, undefined);
  const environments = policy.environments.map((name) => environmentView(policyForEnvironment(policy, name), name, base));
  const findings = sortIssues(policy.findings).map(findingView);
  const open = findings.filter((f) => f.acknowledged === undefined);
  const acknowledged = findings.filter((f) => f.acknowledged !== undefined);
  const openWarnings = open.filter((f) => f.severity === 'warning').length;

  const riskReasons: string[] = [];
  for (const ctx of base.contexts) {
    for (const origin of ctx.origins) {
      if (origin.risk !== 'low') riskReasons.push(`${ctx.path === undefined ? ctx.label : ctx.path}: ${origin.label.toLowerCase()} ${origin.origin === '*' ? '(*)' : origin.origin}`);
    }
    if (ctx.privateNetwork) riskReasons.push(`${ctx.path ?? ctx.label}: opts in to Private Network Access`);
  }
  if (openWarnings > 0) riskReasons.push(`${plural(openWarnings, 'open lint warning')}`);
  const risk = maxRisk([base.risk, openWarnings > 0 ? 'medium' : 'low']);

  return {
    name: policy.name,
    description: policy.description,
    owners: policy.owners,
    module: entry.module,
    exportName: entry.exportName,
    summary: policySummary(base, environments),
    risk,
    riskReasons,
    base,
    environments,
    comparison: comparisonTables([base, ...environments]),
    findings: { open, acknowledged },
    counts: { warnings: openWarnings, info: open.filter((f) => f.severity === 'info').length, acknowledged: acknowledged.length },
    preflight: policy.preflight,
  };
}

function environmentView(policy: CorsPolicy, name: string | undefined, base: EnvironmentView | undefined): EnvironmentView {
  const hasRoutes = policy.routes.length > 0;
  const contexts: RulesView[] = [
    rulesView('top', hasRoutes ? 'All other paths' : 'Every path', undefined, undefined, false, policy.rules),
    ...policy.routes.map((route, i) => rulesView(`route-${i}`, route.path, route.path, route.description, route.disabled, route)),
  ];
  const baseOrigins = new Set(base?.policy.rules.origins ?? []);
  return {
    name,
    label: name ?? 'Production (base)',
    description: name === undefined ? undefined : policy.source.environments?.[name]?.description,
    policy,
    contexts,
    risk: maxRisk(contexts.map((c) => c.risk)),
    addedOrigins: base === undefined ? [] : policy.rules.origins.filter((o) => !baseOrigins.has(o)),
  };
}

function rulesView(key: string, label: string, path: string | undefined, description: string | undefined, disabled: boolean, rules: EffectiveRules): RulesView {
  const origins = disabled ? [] : rules.origins.map((o) => describeOrigin(o, rules.credentials));
  const methods = [...rules.methods];
  const allowHeaders = rules.allowHeaders.map(displayHeaderName);
  const exposeHeaders = [...rules.exposeHeaders];
  const risk = disabled ? 'low' : maxRisk([...origins.map((o) => o.risk), rules.privateNetwork ? 'medium' : 'low']);
  const view = { key, label, path, description, disabled, origins, credentials: rules.credentials, methods, allowHeaders, exposeHeaders, maxAge: maxAgeView(rules.maxAge), privateNetwork: rules.privateNetwork, risk };
  return { ...view, summary: contextSentence(view) };
}

/** Core lower-cases allowed header names for matching; show them in their usual spelling. */
export function displayHeaderName(name: string): string {
  if (name === '*') return name;
  return name.split('-').map((part) => (part === '' ? part : part[0]!.toUpperCase() + part.slice(1))).join('-');
}

/** How long browsers cache a preflight answer under this policy, against their caps. */
export function maxAgeView(seconds: number | undefined): MaxAgeView {
  if (seconds === undefined) {
    const d = humanDuration(DEFAULT_BROWSER_MAX_AGE);
    return { seconds, text: 'Not set', chromium: `${d} (browser default)`, firefox: `${d} (browser default)`, capped: false };
  }
  const inBrowser = (cap: number, name: string) =>
    seconds > cap ? `${humanDuration(cap)} (capped: ${name} never caches longer)` : seconds === 0 ? 'no caching: a preflight before every request' : humanDuration(seconds);
  return {
    seconds,
    text: seconds === 0 ? '0 seconds (no caching)' : humanDuration(seconds),
    chromium: inBrowser(CHROMIUM_MAX_AGE_CAP, 'Chromium'),
    firefox: inBrowser(FIREFOX_MAX_AGE_CAP, 'Firefox'),
    capped: seconds > CHROMIUM_MAX_AGE_CAP,
  };
}

type ContextFacts = Omit<RulesView, 'summary'>;

function methodWords(methods: readonly string[]): string {
  return methods.includes('*') ? 'any method' : listInWords(methods);
}

function headerWords(headers: readonly string[]): string {
  if (headers.length === 0) return '';
  const named = headers.filter((h) => h !== '*');
  if (headers.includes('*')) return `any request header (Authorization only if listed)${named.length > 0 ? `, including ${listInWords(named)}` : ''}`;
  return `the ${listInWords(named)} header${named.length === 1 ? '' : 's'}`;
}

/** One sentence for one context, e.g. "Pages on A and B may call this API with the user's cookies, using …". */
function contextSentence(ctx: ContextFacts): string {
  const scope = ctx.path === undefined ? 'this API' : `paths matching ${ctx.path}`;
  if (ctx.disabled) return `For paths matching ${ctx.path}, CORS is off: no other website may read the responses in a browser.`;
  const who = ctx.origins.some((o) => o.kind === 'any')
    ? 'Any website'
    : `Pages on ${listInWords(ctx.origins.map((o) => o.words))}`;
  const cookies = ctx.credentials ? 'with the user\'s cookies' : 'without the user\'s cookies';
  const headers = headerWords(ctx.allowHeaders);
  const exposed = ctx.exposeHeaders.length === 0 ? '' : `; they may read the ${listInWords(ctx.exposeHeaders)} response header${ctx.exposeHeaders.length === 1 ? '' : 's'}`;
  return `${who} may call ${scope} ${cookies}, using ${methodWords(ctx.methods)}${headers === '' ? '' : ` and sending ${headers}`}${exposed}.`;
}

function policySummary(base: EnvironmentView, environments: readonly EnvironmentView[]): string[] {
  const [top, ...routes] = base.contexts;
  const sentences = top === undefined ? [] : [top.summary];
  if (routes.length > 0) sentences.push(`${routes.length === 1 ? 'One route rule changes' : `${routes.length} route rules change`} this, first match wins:`);
  sentences.push(...routes.map((r) => r.summary));
  for (const env of environments) {
    const changed = changedFields(base, env);
    const parts: string[] = [];
    if (env.addedOrigins.length > 0) parts.push(`pages on ${listInWords(env.addedOrigins)} may also call it`);
    const other = changed.filter((f) => f !== 'Origins');
    if (other.length > 0) parts.push(`${listInWords(other.map((f) => f.toLowerCase()))} change${other.length === 1 ? 's' : ''}`);
    sentences.push(parts.length === 0 ? `The ${env.name} overlay changes nothing.` : `When loaded for ${env.name}, ${listInWords(parts)}.`);
  }
  if (top !== undefined && !top.disabled) {
    sentences.push(top.maxAge.seconds === undefined
      ? `Browsers re-check permission (a preflight) every ${humanDuration(DEFAULT_BROWSER_MAX_AGE)}, their default.`
      : top.maxAge.seconds === 0 ? 'Browsers send a preflight before every request that needs one.'
        : `Browsers may reuse a preflight answer for ${top.maxAge.text}${top.maxAge.capped ? ` (Chromium for ${humanDuration(CHROMIUM_MAX_AGE_CAP)} at most)` : ''}.`);
  }
  return sentences;
}

type FieldKey = 'origins' | 'credentials' | 'methods' | 'allowHeaders' | 'exposeHeaders' | 'maxAge' | 'privateNetwork';

const FIELDS: ReadonlyArray<[string, FieldKey, (c: RulesView) => readonly string[]]> = [
  ['Origins', 'origins', (c) => (c.disabled ? ['CORS off'] : c.origins.map((o) => o.origin))],
  ['Credentials', 'credentials', (c) => (c.disabled ? ['—'] : [c.credentials ? 'Yes: cookies travel' : 'No'])],
  ['Methods', 'methods', (c) => (c.disabled ? ['—'] : c.methods)],
  ['Allowed request headers', 'allowHeaders', (c) => (c.disabled ? ['—'] : c.allowHeaders.length === 0 ? ['Safelisted only'] : c.allowHeaders)],
  ['Exposed response headers', 'exposeHeaders', (c) => (c.disabled ? ['—'] : c.exposeHeaders.length === 0 ? ['Safelisted only'] : c.exposeHeaders)],
  ['Preflight cache', 'maxAge', (c) => (c.disabled ? ['—'] : [c.maxAge.text])],
  ['Private Network Access', 'privateNetwork', (c) => (c.disabled ? ['—'] : [c.privateNetwork ? 'Allowed' : 'No'])],
];

function changedFields(base: EnvironmentView, env: EnvironmentView): string[] {
  const changed = new Set<string>();
  base.contexts.forEach((ctx, i) => {
    const other = env.contexts[i];
    if (other === undefined) return;
    for (const [field, , read] of FIELDS) if (read(ctx).join('\n') !== read(other).join('\n')) changed.add(field);
  });
  return [...changed];
}

function comparisonTables(views: readonly EnvironmentView[]): ComparisonTable[] {
  const [base] = views;
  if (base === undefined) return [];
  const sourceRoutes = base.policy.source.routes ?? [];
  return views.map((view) => ({
    environment: view.name,
    label: view.label,
    description: view.description,
    columns: view.contexts.map((c) => ({ key: c.key, label: c.label, isRoute: c.path !== undefined, description: c.description })),
    rows: FIELDS.map(([field, key, read]) => ({
      field,
      cells: view.contexts.map((ctx, i) => {
        const lines = read(ctx);
        const baseCtx = base.contexts[i];
        const routeSource = i === 0 ? undefined : sourceRoutes[i - 1];
        return {
          lines,
          changed: baseCtx !== undefined && lines.join('\n') !== read(baseCtx).join('\n'),
          inherited: routeSource !== undefined && !ctx.disabled && routeSource[key] === undefined,
        };
      }),
    })),
  }));
}

/** A finding with its rule's title and reference anchor. */
export function findingView(issue: PolicyIssue): FindingView {
  const doc = (RULES as Record<string, { title: string } | undefined>)[issue.code];
  return {
    code: issue.code,
    severity: issue.severity,
    path: formatIssuePath(issue.path),
    message: issue.message,
    hint: issue.hint,
    acknowledged: issue.acknowledged,
    ruleTitle: doc?.title,
    ruleHref: ruleHref(issue.code),
  };
}

/** Link to a rule's section on the rule reference page. */
export function ruleHref(code: string): string {
  return `/rules/#${ruleAnchor(code)}`;
}

/** The HTML id of a rule's section: its code, `/` kept (valid in ids and fragments). */
export function ruleAnchor(code: string): string {
  return code;
}
