import type { MessagePort } from 'node:worker_threads';
import type { PlainExport } from './describe-exports.js';
import type { PolicyLoadErrorCode } from './policy-load-error.js';

/** What the loader hands the policy worker. */
export interface PolicyWorkerRequest {
  readonly absolutePath: string;
  /** The path as the user named it, for messages. */
  readonly displayPath: string;
  /** Module text to evaluate as if it were `absolutePath` (a git revision); read the file when absent. */
  readonly source: string | undefined;
  /** A private channel for the one reply (taken out of `workerData` before the policy file runs). */
  readonly port: MessagePort | undefined;
}

/** The worker's one reply: plain data only, validated again by the loader. */
export type PolicyWorkerReply =
  | { readonly ok: true; readonly exports: readonly PlainExport[] }
  | { readonly ok: false; readonly code: PolicyLoadErrorCode; readonly message: string; readonly line: number | undefined; readonly column: number | undefined };
