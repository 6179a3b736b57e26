import { formatIssuePath } from '@org/cors-core';
import type { AuditSource } from '../source-audit.js';
import type { SitePolicyView } from './site-input.js';

/** One origin source a policy consults, where it applies: origins no page of the site can list. */
export interface RunTimeSource {
  /** The policy's name and page slug. */
  readonly policy: string;
  readonly policySlug: string;
  /** The route rule's path pattern, or `undefined` for the top-level rules (every path no rule takes). */
  readonly route: string | undefined;
  /** Route rules that inherit this top-level entry (they list no origins of their own). */
  readonly inheritedBy: readonly string[];
  readonly source: AuditSource;
}

/**
 * Every origin source in the policies (each entry once, where it is written), for the by-origin pages:
 * their origins come from a provider while the service runs, so "which APIs may pages on X read" can
 * never be complete for them.
 *
 * @example
 * runTimeSources(sitePolicyViews(policies)).map((s) => s.source.name); // ['tenant-domains']
 */
export function runTimeSources(views: readonly SitePolicyView[]): RunTimeSource[] {
  const out: RunTimeSource[] = [];
  for (const view of views) {
    const { model } = view;
    const inheritors = (source: AuditSource) => model.routes.filter((r) => r.rules.sources.some((s) => s.inherited && samePath(s, source))).map((r) => r.path);
    for (const source of model.rules.sources) out.push({ policy: model.name, policySlug: view.slug, route: undefined, inheritedBy: inheritors(source), source });
    for (const route of model.routes) {
      for (const source of route.rules.sources) if (!source.inherited) out.push({ policy: model.name, policySlug: view.slug, route: route.path, inheritedBy: [], source });
    }
  }
  return out;
}

function samePath(a: AuditSource, b: AuditSource): boolean {
  return formatIssuePath(a.path) === formatIssuePath(b.path);
}
