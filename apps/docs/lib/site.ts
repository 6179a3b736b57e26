import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gitProvenance } from '@org/cors-loader';
import { buildOriginIndex, runTimeSources, sitePolicyViews } from '@org/cors-report';
import type { OriginIndexEntry, RunTimeSource, SiteLinks, SitePolicyView } from '@org/cors-report';
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
  /** Origin sources the policies consult: the origins pages say their lists cannot be complete. */
  readonly sources: readonly RunTimeSource[];
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
  const provenance = new Map(await Promise.all([...new Set(policies.map((p) => p.module))].map(async (m) => [m, await provenanceOf(m)] as const)));
  const views = sitePolicyViews(policies.map((p) => ({ policy: p.policy, file: p.module, exportName: p.exportName, provenance: provenance.get(p.module) })));
  return { policies, views, origins: buildOriginIndex(views.map((v) => v.policy)), sources: runTimeSources(views) };
}

/**
 * The last commit that changed a policy module: the file itself for a path (relative to apps/docs, where
 * builds and tests run), the whole package folder for a package name. `undefined` when git cannot tell.
 */
async function provenanceOf(module: string): Promise<Awaited<ReturnType<typeof gitProvenance>>> {
  const appDir = process.cwd();
  if (module.startsWith('.') || module.startsWith('/')) return gitProvenance(module, appDir);
  try {
    const entry = createRequire(join(appDir, 'package.json')).resolve(module);
    let dir = dirname(entry);
    while (!dir.endsWith('node_modules') && dirname(dir) !== dir) {
      if (existsSync(join(dir, 'package.json'))) return await gitProvenance(dir, appDir);
      dir = dirname(dir);
    }
  } catch {
    // Not resolvable from here: no provenance rather than a failed build.
  }
  return undefined;
}

/** One policy by page slug, with its page model. */
export async function getPolicyPage(slug: string): Promise<{ entry: LoadedPolicy; view: SitePolicyView } | undefined> {
  const site = await getSite();
  const i = site.views.findIndex((v) => v.slug === slug);
  const entry = site.policies[i];
  const view = site.views[i];
  return entry === undefined || view === undefined ? undefined : { entry, view };
}
