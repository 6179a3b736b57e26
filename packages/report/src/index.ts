// Pure reporting: the audit model, the semantic diff, and their renderings. No file system, no process.
export { buildAuditModel } from './audit-model.js';
export type { AuditDecisionRow, AuditEnvironment, AuditExpectation, AuditMaxAge, AuditModel, AuditOrigin, AuditRoute, AuditRules, RiskLevel } from './audit-model.js';
export { renderAuditHtml, renderAuditMarkdown } from './render-audit.js';
export { humanDuration, plural } from './describe.js';
export { ChangeCode, diffPolicies, diffRules, worstKind } from './policy-diff.js';
export type { ChangeKind, ChangeScope, PolicyChange, PolicyDiff } from './policy-diff.js';
export { DIFF_COMMENT_MARKER, renderDiffMarkdown } from './render-diff.js';
export { renderLivePage, LIVE_CSS } from './site/live.js';
export type { LivePage, LivePageInput } from './site/live.js';
export { buildLiveData } from './site/live-model.js';
export type { LiveCheck, LiveData, LivePrediction, LiveService } from './site/live-model.js';
