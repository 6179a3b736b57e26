import { buildOriginIndex } from './origin-index.js';
import { renderIndexPage } from './render-index-page.js';
import { renderOriginPage, renderOriginsPage } from './render-origins-pages.js';
import { renderPolicyPage } from './render-policy-page.js';
import { renderReportOnlyPage } from './render-report-only-page.js';
import { renderRulesPage } from './render-rules-page.js';
import { runTimeSources } from './run-time-sources.js';
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
 * `origins.html` and one page per origin (`origins/<slug>.html`), `rules.html`, `site.css`, and with
 * `reportOnly` the page `report-only.html` ("What the candidate policy would change").
 * Pure: the caller writes the files.
 *
 * @example
 * for (const file of renderSite({ policies: [{ policy: apiPolicy }] })) await write(join(out, file.path), file.contents);
 */
export function renderSite(input: SiteInput): SiteFile[] {
  const views = sitePolicyViews(input.policies);
  const origins = buildOriginIndex(views.map((v) => v.policy));
  const sources = runTimeSources(views);
  const slugByName = new Map<string, string>();
  for (const v of views) if (!slugByName.has(v.policy.name)) slugByName.set(v.policy.name, v.slug);
  const reportOnly = input.reportOnly !== undefined;
  const top = { siteTitle: input.title, links: relativeLinks(0, { reportOnly }) };
  const nested = { siteTitle: input.title, links: relativeLinks(1, { reportOnly }) };
  return [
    { path: SITE_PATHS.home, contents: renderIndexPage(views, top) },
    ...views.map((view) => ({ path: SITE_PATHS.policy(view.slug), contents: renderPolicyPage(view, { ...nested, origins }) })),
    { path: SITE_PATHS.origins, contents: renderOriginsPage(origins, { ...top, sources }) },
    ...origins.map((entry) => ({ path: SITE_PATHS.origin(entry.slug), contents: renderOriginPage(entry, { ...nested, sources, policySlug: (name) => slugByName.get(name) }) })),
    { path: SITE_PATHS.rules, contents: renderRulesPage(top) },
    ...(input.reportOnly === undefined ? [] : [{ path: SITE_PATHS.reportOnly, contents: renderReportOnlyPage(input.reportOnly, top) }]),
    { path: SITE_PATHS.stylesheet, contents: SITE_CSS },
  ];
}
