/** Where the site's pages are, so the docs app can render the same pages under its own URLs. */
export interface SiteLinks {
  readonly home: string;
  readonly origins: string;
  readonly rules: string;
  /** The stylesheet to link, or `undefined` when the host page brings its own styles. */
  readonly stylesheet: string | undefined;
  readonly policy: (slug: string) => string;
  readonly origin: (slug: string) => string;
  /** A rule's section on the rules page. */
  readonly rule: (code: string) => string;
  /** The report-only page ("What the candidate policy would change"), when the site has one. */
  readonly reportOnly?: string | undefined;
}

/** The file each page is written to, relative to the site folder. */
export const SITE_PATHS = {
  home: 'index.html',
  origins: 'origins.html',
  rules: 'rules.html',
  stylesheet: 'site.css',
  reportOnly: 'report-only.html',
  policy: (slug: string) => `policies/${slug}.html`,
  origin: (slug: string) => `origins/${slug}.html`,
} as const;

/**
 * Relative links for the static site: `depth` 0 for pages at the top (`index.html`), 1 for pages in
 * `policies/` and `origins/`. Relative links keep the folder working wherever it is published.
 * `reportOnly`: the site has the report-only page (the navigation links it).
 */
export function relativeLinks(depth: 0 | 1, options: { readonly reportOnly?: boolean } = {}): SiteLinks {
  const up = depth === 0 ? '' : '../';
  return {
    ...(options.reportOnly === true ? { reportOnly: `${up}${SITE_PATHS.reportOnly}` } : {}),
    home: `${up}${SITE_PATHS.home}`,
    origins: `${up}${SITE_PATHS.origins}`,
    rules: `${up}${SITE_PATHS.rules}`,
    stylesheet: `${up}${SITE_PATHS.stylesheet}`,
    policy: (slug) => `${up}${SITE_PATHS.policy(encodeURIComponent(slug))}`,
    origin: (slug) => `${up}${SITE_PATHS.origin(encodeURIComponent(slug))}`,
    rule: (code) => `${up}${SITE_PATHS.rules}#${encodeURIComponent(code)}`,
  };
}

/** Options every page renderer takes. */
export interface PageOptions {
  /** Shown in every page's header and `<title>` (default "CORS policies"). */
  readonly siteTitle?: string | undefined;
  /** Default: relative links for the static site. */
  readonly links?: SiteLinks | undefined;
}
