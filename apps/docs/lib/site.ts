import { buildOriginIndex, sitePolicyViews } from '@org/cors-report';
import type { OriginIndexEntry, SiteLinks, SitePolicyView } from '@org/cors-report';
import { policyModules } from '../generated/policy-modules';
import { loadPolicies, type LoadedPolicy } from './policy-loader';

/*
 * The build's single entry to the policies. Every page goes through here, so one invalid policy
 * throws PolicyLoadFailure (the full lint report) during `next build`, and the build fails. The
 * pages themselves are @org/cors-report's renderers, the same HTML `cors-policy site` writes.
 */

/** Everything the pages render: loaded once per build process, shared by every page. */
export interface DocsSite {
  readonly policies: readonly LoadedPolicy[];
  /** In the same order as `policies`. */
  readonly views: readonly SitePolicyView[];
  readonly origins: readonly OriginIndexEntry[];
}

/** The report's pages under this site's URLs (trailing slashes: `next.config.ts` sets `trailingSlash`). */
export const SITE_LINKS: SiteLinks = {
  home: '/',
  origins: '/origins/',
  rules: '/rules/',
  stylesheet: undefined,
  policy: (slug) => `/policies/${encodeURIComponent(slug)}/`,
  origin: (slug) => `/origins/${encodeURIComponent(slug)}/`,
  rule: (code) => `/rules/#${encodeURIComponent(code)}`,
};

// On globalThis: Next may evaluate this module once per route bundle, but the policies load once per process.
const CACHE = Symbol.for('@org/docs/site');
type WithCache = typeof globalThis & { [CACHE]?: Promise<DocsSite> };

/** The site's policies, their page models and the origin index, built on first use. */
export function getSite(): Promise<DocsSite> {
  const holder = globalThis as WithCache;
  holder[CACHE] ??= buildSite();
  return holder[CACHE];
}

async function buildSite(): Promise<DocsSite> {
  const policies = await loadPolicies(policyModules);
  const views = sitePolicyViews(policies.map((p) => ({ policy: p.policy, file: p.module, exportName: p.exportName })));
  return { policies, views, origins: buildOriginIndex(views.map((v) => v.policy)) };
}

/** One policy by page slug, with its page model. */
export async function getPolicyPage(slug: string): Promise<{ entry: LoadedPolicy; view: SitePolicyView } | undefined> {
  const site = await getSite();
  const i = site.views.findIndex((v) => v.slug === slug);
  const entry = site.policies[i];
  const view = site.views[i];
  return entry === undefined || view === undefined ? undefined : { entry, view };
}
