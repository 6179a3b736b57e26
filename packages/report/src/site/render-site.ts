import { buildOriginIndex } from './origin-index.js';
import { renderIndexPage } from './render-index-page.js';
import { renderOriginPage, renderOriginsPage } from './render-origins-pages.js';
import { renderPolicyPage } from './render-policy-page.js';
import { renderRulesPage } from './render-rules-page.js';
import { SITE_CSS } from './site-css.js';
import { sitePolicyViews, type SiteInput } from './site-input.js';
import { SITE_PATHS, relativeLinks } from './site-links.js';

/** One file of the static site: a path relative to the site folder (always `/`-separated, never `..`) and its text. */
export interface SiteFile {
  readonly path: string;
  readonly contents: string;
}

/**
 * The whole auditor site as files: `index.html`, one page per policy (`policies/<name>.html`),
 * `origins.html` and one page per origin (`origins/<slug>.html`), `rules.html` and `site.css`.
 * Pure: the caller writes the files.
 *
 * @example
 * for (const file of renderSite({ policies: [{ policy: apiPolicy }] })) await write(join(out, file.path), file.contents);
 */
export function renderSite(input: SiteInput): SiteFile[] {
  const views = sitePolicyViews(input.policies);
  const origins = buildOriginIndex(views.map((v) => v.policy));
  const slugByName = new Map<string, string>();
  for (const v of views) if (!slugByName.has(v.policy.name)) slugByName.set(v.policy.name, v.slug);
  const top = { siteTitle: input.title, links: relativeLinks(0) };
  const nested = { siteTitle: input.title, links: relativeLinks(1) };
  return [
    { path: SITE_PATHS.home, contents: renderIndexPage(views, top) },
    ...views.map((view) => ({ path: SITE_PATHS.policy(view.slug), contents: renderPolicyPage(view, { ...nested, origins }) })),
    { path: SITE_PATHS.origins, contents: renderOriginsPage(origins, top) },
    ...origins.map((entry) => ({ path: SITE_PATHS.origin(entry.slug), contents: renderOriginPage(entry, { ...nested, policySlug: (name) => slugByName.get(name) }) })),
    { path: SITE_PATHS.rules, contents: renderRulesPage(top) },
    { path: SITE_PATHS.stylesheet, contents: SITE_CSS },
  ];
}
