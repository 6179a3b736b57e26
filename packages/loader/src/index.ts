// Loading policy files in Node: one meaning of "a policy", shared by the CLI and the auditor site.
export { loadPolicyFile, loadPolicySource } from './load-policy-file.js';
export type { LoadedPolicyFile, LoadPolicyOptions } from './load-policy-file.js';
export { collectPolicies, issuesOf, policiesFromPlain } from './collect-policies.js';
export type { CollectOptions, FoundPolicy, LocatedIssue, LocateIssue } from './collect-policies.js';
export { describeExports, TooDeepError } from './describe-exports.js';
export type { PlainExport } from './describe-exports.js';
export { DEFAULT_TIMEOUT_MS } from './evaluate-in-worker.js';
export { importModule, isModuleExtension } from './import-module.js';
export { MAX_NESTING_DEPTH } from './nesting-depth.js';
export type { PolicyPackage } from './package-of.js';
export { PolicyLoadError } from './policy-load-error.js';
export type { PolicyLoadErrorCode } from './policy-load-error.js';
export { readPolicySpec, parseGitSpec, specPath, unsafeGitSpecReason } from './read-policy-spec.js';
export type { GitRevisionSpec, ReadPolicySpecOptions } from './read-policy-spec.js';
export { gitProvenance } from './provenance.js';
export type { GitProvenance } from './provenance.js';
