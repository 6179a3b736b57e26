// Loading policy files (shared with the docs app)
export { loadPolicyFile, loadPolicySource } from './load-policy-file.js';
export type { LoadedPolicyFile, LoadPolicyOptions } from './load-policy-file.js';
export { collectPolicies } from './collect-policies.js';
export type { CollectOptions, FoundPolicy } from './collect-policies.js';
export { PolicyLoadError } from './policy-load-error.js';
export type { PolicyLoadErrorCode } from './policy-load-error.js';
export { readPolicySpec, parseGitSpec } from './read-policy-spec.js';
export type { GitRevisionSpec } from './read-policy-spec.js';

// The auditor model and its renderings
export { buildAuditModel } from './audit-model.js';
export type { AuditDecisionRow, AuditEnvironment, AuditExpectation, AuditMaxAge, AuditModel, AuditOrigin, AuditRoute, AuditRules, RiskLevel } from './audit-model.js';
export { renderAuditHtml, renderAuditMarkdown } from './render-audit.js';
export { humanDuration, plural } from './describe.js';

// The semantic diff
export { ChangeCode, diffPolicies, diffRules, worstKind } from './policy-diff.js';
export type { ChangeKind, ChangeScope, PolicyChange, PolicyDiff } from './policy-diff.js';
export { DIFF_COMMENT_MARKER, renderDiffMarkdown } from './render-diff.js';

// Migration from other CORS libraries
export { migrateCorsOptions, policySourceFromMigration } from './migrate-options.js';
export type { MigrationNote, MigrationResult, MigrationSource } from './migrate-options.js';

// The CLI itself, for embedding and tests
export { runCli } from './cli.js';
export { ExitCode, UsageError } from './cli-io.js';
export type { CliIo } from './cli-io.js';
