import { maxRisk, type AuditModel, type RiskLevel } from './audit-model.js';
import { plural } from './describe.js';
import { code, text, type Text } from './text.js';

/** A policy at a glance: its overall risk and why, and its finding counts (an index row, a badge). */
export interface PolicyOverview {
  readonly risk: RiskLevel;
  /** One sentence per origin entry above low risk (top level and routes), then open warnings. */
  readonly reasons: readonly Text[];
  readonly counts: { readonly warnings: number; readonly info: number; readonly acknowledged: number };
}

/**
 * The overall risk of a policy: the highest risk of any origin entry in force (top level and enabled
 * routes), at least medium while a warning is open.
 *
 * @example
 * policyOverview(buildAuditModel(policy)).risk; // 'medium'
 */
export function policyOverview(model: AuditModel): PolicyOverview {
  const scopes = [
    { label: ['Top level'] as Text, origins: model.rules.origins },
    ...model.routes.filter((r) => !r.disabled).map((r) => ({ label: text`Route ${code(r.path)}`, origins: r.rules.origins })),
  ];
  const warnings = model.findings.filter((f) => f.severity === 'warning').length;
  const reasons = scopes.flatMap((s) => s.origins.filter((o) => o.risk !== 'low').map((o) => text`${s.label}, ${code(o.origin)}: ${o.notes[0] ?? [o.risk]}`));
  if (warnings > 0) reasons.push([plural(warnings, 'open lint warning')]);
  return {
    risk: maxRisk([...scopes.flatMap((s) => s.origins.map((o) => o.risk)), warnings > 0 ? 'medium' : 'low']),
    reasons,
    counts: { warnings, info: model.findings.filter((f) => f.severity === 'info').length, acknowledged: model.acknowledged.length },
  };
}
