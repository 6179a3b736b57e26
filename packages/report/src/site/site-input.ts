import type { CorsPolicy } from '@org/cors-core';
import { buildAuditModel, type AuditModel, type RiskLevel } from '../audit-model.js';
import { policyOverview } from '../policy-overview.js';
import type { ReportOnlySummary } from '../report-only-summary.js';
import type { Text } from '../text.js';

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
  /**
   * Report-only events summarised (`ReportOnlyAccumulator`): adds the page "What the candidate policy
   * would change". The caller reads the event files; this package never touches the file system.
   */
  readonly reportOnly?: SiteReportOnly | undefined;
}

/** A report-only summary and where its events came from. */
export interface SiteReportOnly {
  readonly summary: ReportOnlySummary;
  /** The event files, as shown to readers. */
  readonly files?: readonly string[] | undefined;
}

/** A policy with its audit model, page slug and overall risk: what the pages render. */
export interface SitePolicyView extends SitePolicy {
  readonly model: AuditModel;
  /** The policy page's file name (without `.html`): the policy name, made unique. */
  readonly slug: string;
  /** Overall risk and its reasons, from `policyOverview`. */
  readonly risk: RiskLevel;
  readonly riskReasons: readonly Text[];
}

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
    const overview = policyOverview(model);
    return { ...entry, model, slug, risk: overview.risk, riskReasons: overview.reasons };
  });
}

/** Lower-case letters, digits, dots and dashes; anything else becomes `-`. */
export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 80);
}
