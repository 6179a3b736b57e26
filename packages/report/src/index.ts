// Pure reporting: the audit model, the semantic diff, and their renderings. No file system, no process.
export { buildAuditModel } from './audit-model.js';
export type { AuditDecisionRow, AuditEnvironment, AuditExpectation, AuditMaxAge, AuditModel, AuditOrigin, AuditRoute, AuditRules, RiskLevel } from './audit-model.js';
export { renderAuditHtml, renderAuditMarkdown } from './render-audit.js';
export { humanDuration, plural } from './describe.js';
export { ChangeCode, diffPolicies, diffRules, worstKind } from './policy-diff.js';
export type { ChangeKind, ChangeScope, PolicyChange, PolicyDiff } from './policy-diff.js';
export { DIFF_COMMENT_MARKER, renderDiffMarkdown } from './render-diff.js';
// The auditor site: pure page renderers shared by `cors-policy site` and the docs app.
export { renderSite } from './site/render-site.js';
export type { SiteFile } from './site/render-site.js';
export { pageShell, DEFAULT_SITE_TITLE } from './site/page-shell.js';
export type { PageShellInput } from './site/page-shell.js';
export { renderIndexPage } from './site/render-index-page.js';
export { renderPolicyPage, CORS_IS_NOT_CSRF, SAMESITE_NOTE } from './site/render-policy-page.js';
export type { PolicyPageOptions } from './site/render-policy-page.js';
export { renderOriginPage, renderOriginsPage } from './site/render-origins-pages.js';
export type { OriginPageOptions } from './site/render-origins-pages.js';
export { renderRulesPage } from './site/render-rules-page.js';
export { buildOriginIndex } from './site/origin-index.js';
export type { OriginGrant, OriginIndexEntry } from './site/origin-index.js';
export { overallRisk, sitePolicyViews } from './site/site-input.js';
export type { SiteInput, SitePolicy, SitePolicyView, SiteProvenance } from './site/site-input.js';
export { SITE_PATHS, relativeLinks } from './site/site-links.js';
export type { PageOptions, SiteLinks } from './site/site-links.js';
export { SITE_CSS } from './site/site-css.js';
