import { maxRisk, type AuditModel, type AuditOrigin, type RiskLevel } from './audit-model.js';
import { plural } from './describe.js';
import { code, text, type Text } from './text.js';

/** A policy at a glance: its overall risk and why, and its finding counts (an index row, a badge). */
export interface PolicyOverview {
  readonly risk: RiskLevel;
  /** One sentence per origin entry or source above low risk (top level and routes), then open warnings. */
  readonly reasons: readonly Text[];
  readonly counts: { readonly warnings: number; readonly info: number; readonly acknowledged: number };
}

/**
 * The overall risk of a policy: the highest risk of any origin entry or origin source in force (top
 * level and enabled routes), at least medium while a warning is open.
 *
 * @example
 * policyOverview(buildAuditModel(policy)).risk; // 'medium'
 */
export function policyOverview(model: AuditModel): PolicyOverview {
  const scopes = [
    { label: ['Top level'] as Text, origins: model.rules.origins, sources: model.rules.sources },
    // A route's inherited sources are the top level's: counted once, there.
    ...model.routes.filter((r) => !r.disabled).map((r) => ({ label: text`Route ${code(r.path)}`, origins: r.rules.origins, sources: r.rules.sources.filter((s) => !s.inherited) })),
  ];
  const warnings = model.findings.filter((f) => f.severity === 'warning').length;
  const reasons = scopes.flatMap((s) => [
    ...s.origins.filter((o) => o.risk !== 'low').map((o) => text`${s.label}, ${code(o.origin)}: ${o.notes[0] ?? [o.risk]}`),
    ...s.sources.filter((o) => o.risk !== 'low').map((o) => text`${s.label}, the source ${code(o.name)}: ${o.notes[0] ?? [o.risk]}`),
  ]);
  if (warnings > 0) reasons.push([plural(warnings, 'open lint warning')]);
  return {
    risk: maxRisk([...scopes.flatMap((s) => [...s.origins.map((o) => o.risk), ...s.sources.map((o) => o.risk)]), warnings > 0 ? 'medium' : 'low']),
    reasons,
    counts: { warnings, info: model.findings.filter((f) => f.severity === 'info').length, acknowledged: model.acknowledged.length },
  };
}

/**
 * Badge text for an origin entry, from core's facts: `Any site`, `Subdomain pattern`, `HTTP pattern`,
 * `null origin`, `Exact HTTPS`, `Local machine`, `Plain HTTP`, `Other scheme`.
 */
export function originBadge(origin: AuditOrigin): string {
  const { facts } = origin;
  if (facts.kind === 'any') return 'Any site';
  if (facts.nullOrigin) return 'null origin';
  if (facts.kind === 'pattern') return facts.scheme === 'http' ? 'HTTP pattern' : 'Subdomain pattern';
  if (facts.scheme === 'https') return 'Exact HTTPS';
  if (facts.scheme === 'http') return facts.loopback ? 'Local machine' : 'Plain HTTP';
  return 'Other scheme';
}
