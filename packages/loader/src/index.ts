// Loading policy files in Node: one meaning of "a policy", shared by the CLI and the auditor site.
export { loadPolicyFile, loadPolicySource } from './load-policy-file.js';
export type { LoadedPolicyFile, LoadPolicyOptions } from './load-policy-file.js';
export { collectPolicies, issuesOf } from './collect-policies.js';
export type { CollectOptions, FoundPolicy } from './collect-policies.js';
export { importModule, isModuleExtension } from './import-module.js';
export { PolicyLoadError } from './policy-load-error.js';
export type { PolicyLoadErrorCode } from './policy-load-error.js';
export { readPolicySpec, parseGitSpec } from './read-policy-spec.js';
export type { GitRevisionSpec } from './read-policy-spec.js';
export { gitProvenance } from './provenance.js';
export type { GitProvenance } from './provenance.js';
