import type { CorsPolicy } from '@org/cors-core';
import { buildAuditModel, type AuditModel, type RiskLevel } from '../audit-model.js';
import { plural } from '../describe.js';

/** The last commit that changed a policy's file (as `gitProvenance` in @org/cors-loader returns it). */
export interface SiteProvenance {
  readonly commit: string;
  /** ISO 8601. */
  readonly date: string;
  readonly author: string;
}

/** One loaded policy and where it came from. */
export interface SitePolicy {
  readonly policy: CorsPolicy;
  /** The file it was loaded from, as shown to readers (e.g. `src/cors.policy.ts`). */
  readonly file?: string | undefined;
  /** The export that holds it (`default`, `apiPolicy`). */
  readonly exportName?: string | undefined;
  /** `undefined`: not known (not in git, or not asked). */
  readonly provenance?: SiteProvenance | undefined;
}

/** What the site is built from. */
export interface SiteInput {
  readonly policies: readonly SitePolicy[];
  /** Shown in every page's header (default "CORS policies"). */
  readonly title?: string | undefined;
}

/** A policy with its audit model, page slug and overall risk: what the pages render. */
export interface SitePolicyView extends SitePolicy {
  readonly model: AuditModel;
  /** The policy page's file name (without `.html`): the policy name, made unique. */
  readonly slug: string;
  readonly risk: RiskLevel;
  readonly riskReasons: readonly string[];
}

const RISK_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

/**
 * Builds each policy's audit model, slug and overall risk. Slugs are the policy names; a name used
 * twice (two files) gets `-2`, `-3`.
 */
export function sitePolicyViews(policies: readonly SitePolicy[]): SitePolicyView[] {
  const used = new Set<string>();
  return policies.map((entry) => {
    const model = buildAuditModel(entry.policy);
    const base = slugify(entry.policy.name) || 'policy';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return { ...entry, model, slug, ...overallRisk(model) };
  });
}

/**
 * A policy's overall risk: the riskiest origin entry (top level and route rules), and at least
 * medium while lint warnings are open.
 */
export function overallRisk(model: AuditModel): { risk: RiskLevel; riskReasons: string[] } {
  const scopes = [
    { label: 'Top level', origins: model.rules.origins },
    ...model.routes.filter((r) => !r.disabled).map((r) => ({ label: `Route \`${r.path}\``, origins: r.rules.origins })),
  ];
  let risk: RiskLevel = 'low';
  const riskReasons: string[] = [];
  for (const scope of scopes) {
    for (const origin of scope.origins) {
      if (RISK_RANK[origin.risk] > RISK_RANK[risk]) risk = origin.risk;
      if (origin.risk !== 'low') riskReasons.push(`${scope.label}, \`${origin.origin}\`: ${origin.notes[0] ?? origin.risk}`);
    }
  }
  const warnings = model.findings.filter((f) => f.severity === 'warning').length;
  if (warnings > 0) {
    if (risk === 'low') risk = 'medium';
    riskReasons.push(plural(warnings, 'open lint warning'));
  }
  return { risk, riskReasons };
}

/** Lower-case letters, digits, dots and dashes; anything else becomes `-`. */
export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 80);
}
