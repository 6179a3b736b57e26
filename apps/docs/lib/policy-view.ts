import { RULES, describeReason, explain, formatIssuePath, policyForEnvironment } from '@org/cors-core';
import type { CorsPolicy, PolicyIssue, Severity } from '@org/cors-core';
import { buildAuditModel, humanDuration, plural } from '@org/cors-report';
import type { AuditDecisionRow, AuditModel, AuditOrigin, RiskLevel } from '@org/cors-report';
import type { LoadedPolicy } from './policy-loader';

/*
 * What a policy page shows. The auditor model (summary, origin risks, rules, findings, canonical
 * decisions, expectations) is @org/cors-report's `buildAuditModel`, the same one `cors-policy render`
 * prints; this module adds what only the site shows: an overall risk, effective values per
 * environment side by side, decision rows per environment, and links into the rule reference.
 */

/** One cell of a side-by-side table. */
export interface ComparisonCell {
  /** The effective value, one line per item. */
  readonly lines: readonly string[];
  /** Differs from the same cell in production (the base policy). */
  readonly changed: boolean;
  /** A route rule that does not set this field: the value comes from the top level. */
  readonly inherited: boolean;
}

/** One environment's effective rules, the top level and every route rule side by side. */
export interface ComparisonTable {
  readonly environment: string | undefined;
  readonly label: string;
  readonly description: string | undefined;
  readonly columns: ReadonlyArray<{ readonly key: string; readonly label: string; readonly isRoute: boolean }>;
  readonly rows: ReadonlyArray<{ readonly field: string; readonly cells: readonly ComparisonCell[] }>;
}

export interface FindingView {
  readonly code: string;
  readonly severity: Severity;
  /** `origins[2]`, `routes[0].maxAge`, `(policy)`. */
  readonly path: string;
  readonly message: string;
  readonly hint: string;
  readonly acknowledged: string | undefined;
  readonly ruleTitle: string | undefined;
  /** The rule's section on the rule reference page. */
  readonly ruleHref: string;
}

/** A decision row, optionally computed with an environment overlay loaded. */
export type DecisionRow = AuditDecisionRow & { readonly environment?: string | undefined };

export interface PolicyView {
  readonly model: AuditModel;
  readonly module: string;
  readonly exportName: string;
  readonly risk: RiskLevel;
  readonly riskReasons: readonly string[];
  readonly counts: { readonly warnings: number; readonly info: number; readonly acknowledged: number };
  /** Origins each overlay adds to the top level, described like the base ones. */
  readonly addedOrigins: ReadonlyArray<{ readonly environment: string; readonly description: string | undefined; readonly origins: readonly AuditOrigin[] }>;
  readonly comparison: readonly ComparisonTable[];
  readonly findings: { readonly open: readonly FindingView[]; readonly acknowledged: readonly FindingView[] };
  /** The canonical decisions, then per environment: an origin it adds, refused in production and allowed there. */
  readonly decisions: readonly DecisionRow[];
}

const RISK_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

/** The highest risk (`low` for none). */
export function maxRisk(risks: Iterable<RiskLevel>): RiskLevel {
  let worst: RiskLevel = 'low';
  for (const risk of risks) if (RISK_RANK[risk] > RISK_RANK[worst]) worst = risk;
  return worst;
}

/** Builds everything a policy page and its index row show. */
export function policyView(entry: LoadedPolicy): PolicyView {
  const { policy } = entry;
  const model = buildAuditModel(policy);
  const environments = policy.environments.map((name) => ({ name, policy: policyForEnvironment(policy, name) }));
  const open = model.findings.map(findingView);
  const openWarnings = open.filter((f) => f.severity === 'warning').length;

  const scopes = [
    { label: 'Top level', origins: model.rules.origins },
    ...model.routes.filter((r) => !r.disabled).map((r) => ({ label: `Route \`${r.path}\``, origins: r.rules.origins })),
  ];
  // Values in backticks, like the audit model's own sentences.
  const riskReasons = scopes.flatMap((s) => s.origins.filter((o) => o.risk !== 'low').map((o) => `${s.label}, \`${o.origin}\`: ${o.notes[0] ?? o.risk}`));
  if (openWarnings > 0) riskReasons.push(`${plural(openWarnings, 'open lint warning')}`);

  return {
    model,
    module: entry.module,
    exportName: entry.exportName,
    risk: maxRisk([...scopes.flatMap((s) => s.origins.map((o) => o.risk)), openWarnings > 0 ? 'medium' : 'low']),
    riskReasons,
    counts: { warnings: openWarnings, info: open.filter((f) => f.severity === 'info').length, acknowledged: model.acknowledged.length },
    addedOrigins: environments.map(({ name, policy: loaded }) => ({
      environment: name,
      description: model.environments.find((e) => e.name === name)?.description,
      origins: buildAuditModel(loaded).rules.origins.filter((o) => !policy.rules.origins.includes(o.origin)),
    })).filter((e) => e.origins.length > 0),
    comparison: comparisonTables(policy, environments),
    findings: { open, acknowledged: model.acknowledged.map(findingView) },
    decisions: [...model.decisions, ...environmentDecisions(policy, environments)],
  };
}

type Rules = CorsPolicy['rules'];

const FIELDS: ReadonlyArray<[label: string, key: keyof Rules, read: (r: Rules) => readonly string[]]> = [
  ['Origins', 'origins', (r) => r.origins],
  ['Credentials', 'credentials', (r) => [r.credentials ? 'Yes: cookies travel' : 'No']],
  ['Methods', 'methods', (r) => r.methods],
  ['Allowed request headers', 'allowHeaders', (r) => (r.allowHeaders.length === 0 ? ['Safelisted only'] : r.allowHeaders.map(displayHeaderName))],
  ['Exposed response headers', 'exposeHeaders', (r) => (r.exposeHeaders.length === 0 ? ['Safelisted only'] : r.exposeHeaders)],
  ['Preflight cache', 'maxAge', (r) => [r.maxAge === undefined ? 'Not set (5 seconds)' : humanDuration(r.maxAge)]],
  ['Private Network Access', 'privateNetwork', (r) => [r.privateNetwork ? 'Allowed' : 'No']],
];

/** Effective values as core loads the policy for each environment, one table per environment. */
function comparisonTables(base: CorsPolicy, environments: ReadonlyArray<{ name: string; policy: CorsPolicy }>): ComparisonTable[] {
  const views = [{ name: undefined as string | undefined, policy: base }, ...environments];
  const contextsOf = (p: CorsPolicy) => [{ rules: p.rules as Rules, disabled: false }, ...p.routes.map((r) => ({ rules: r as Rules, disabled: r.disabled }))];
  const read = (ctx: { rules: Rules; disabled: boolean }, field: (typeof FIELDS)[number]) =>
    ctx.disabled ? [field[1] === 'origins' ? 'CORS off' : '—'] : field[2](ctx.rules);
  const baseContexts = contextsOf(base);
  const sourceRoutes = base.source.routes ?? [];
  return views.map(({ name, policy }) => ({
    environment: name,
    label: name ?? 'Production (base)',
    description: name === undefined ? undefined : base.source.environments?.[name]?.description,
    columns: [
      { key: 'top', label: base.routes.length === 0 ? 'Every path' : 'All other paths', isRoute: false },
      ...base.routes.map((r, i) => ({ key: `route-${i}`, label: r.path, isRoute: true })),
    ],
    rows: FIELDS.map((field) => ({
      field: field[0],
      cells: contextsOf(policy).map((ctx, i) => {
        const lines = read(ctx, field);
        const baseCtx = baseContexts[i];
        const route = i === 0 ? undefined : (sourceRoutes[i - 1] as Record<string, unknown> | undefined);
        return {
          lines,
          changed: baseCtx !== undefined && lines.join('\n') !== read(baseCtx, field).join('\n'),
          inherited: route !== undefined && !ctx.disabled && route[field[1]] === undefined,
        };
      }),
    })),
  }));
}

/** For each overlay: the first top-level origin it adds, asked under production and under the overlay. */
function environmentDecisions(base: CorsPolicy, environments: ReadonlyArray<{ name: string; policy: CorsPolicy }>): DecisionRow[] {
  const rows: DecisionRow[] = [];
  for (const { name, policy } of environments) {
    const added = policy.rules.origins.find((o) => o !== '*' && !base.rules.origins.includes(o));
    if (added === undefined) continue;
    const origin = added.replace('://*.', '://app.').replace(/:\*$/, ':8443');
    const request = { origin, method: 'GET', path: '/', credentials: policy.rules.credentials };
    rows.push(decisionRow(base, `Origin added for ${name}, policy loaded for production`, request, undefined));
    rows.push(decisionRow(policy, `Origin added for ${name}, policy loaded for ${name}`, request, name));
  }
  return rows;
}

function decisionRow(policy: CorsPolicy, label: string, request: DecisionRow['request'], environment: string | undefined): DecisionRow {
  const explanation = explain(policy, request);
  const pre = explanation.preflight.decision;
  const refusedAtPreflight = pre !== undefined && pre.kind !== 'preflight-allowed';
  const deciding = refusedAtPreflight ? pre : explanation.actual;
  return {
    label,
    request,
    environment,
    allowed: explanation.allowed,
    preflight: !explanation.preflight.needed ? 'not needed' : refusedAtPreflight ? 'refused' : 'allowed',
    reason: deciding.reason,
    route: deciding.route?.path,
    summary: explanation.summary,
    why: describeReason(deciding.reason),
    preflightHeaders: pre?.headers ?? [],
    responseHeaders: refusedAtPreflight ? [] : explanation.actual.headers,
  };
}

/** Core lower-cases allowed header names for matching; show them in their usual spelling. */
export function displayHeaderName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
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

/** Link to a rule's section on the rule reference page (its id is the code itself; `/` is valid in ids). */
export function ruleHref(code: string): string {
  return `/rules/#${code}`;
}

/** Badge text for an origin entry: what kind of trust it is, in two words. */
export function originLabel(origin: AuditOrigin): string {
  if (origin.kind === 'any') return 'Any site';
  if (origin.kind === 'pattern') return origin.origin.startsWith('http://') ? 'HTTP pattern' : 'Subdomain pattern';
  if (origin.origin === 'null') return 'null origin';
  if (origin.origin.startsWith('https://')) return 'Exact HTTPS';
  if (origin.origin.startsWith('http://')) return /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:|$)/.test(origin.origin) ? 'Local machine' : 'Plain HTTP';
  return 'Other scheme';
}
