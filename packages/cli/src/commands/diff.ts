import type { CorsPolicy } from '@org/cors-core';
import type { LoadedPolicyFile } from '@org/cors-loader';
import { readPolicySpec, specPath } from '@org/cors-loader';
import { diffJson, diffPolicySets, renderDiffReportMarkdown } from '@org/cors-report';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import { requireLoaded, selectPolicies } from './shared.js';

export interface DiffOptions {
  readonly base: string | undefined;
  readonly head: string | undefined;
  readonly format: 'md' | 'json';
  readonly policy: string | undefined;
  readonly failOnLoosening: boolean;
  /** Time limit for loading a policy module, in milliseconds (default: the loader's). */
  readonly timeoutMs?: number | undefined;
}

/** `diff`: what a change to a policy file loosens, tightens or leaves alone. */
export async function diffCommand(options: DiffOptions, io: CliIo): Promise<number> {
  if (options.base === undefined || options.head === undefined) throw new UsageError('diff needs two policy files: <base> <head>');
  const base = await readPolicySpec(options.base, io.cwd, { timeoutMs: options.timeoutMs });
  const head = await readPolicySpec(options.head, io.cwd, { timeoutMs: options.timeoutMs });
  if (head === undefined) throw new UsageError(`${options.head} does not exist at that revision`);
  // A base missing at its ref is a new policy only when it is the head's file: a mistyped path is not.
  if (base === undefined && (await specPath(options.base, io.cwd)) !== (await specPath(options.head, io.cwd))) {
    throw new UsageError(`${options.base} does not exist at that revision, and it is not the head's file (${options.head}): check the path`);
  }

  const basePolicies = base === undefined ? [] : loadedPolicies(base, options.policy);
  const headPolicies = loadedPolicies(head, options.policy);
  const report = diffPolicySets(basePolicies, headPolicies, { label: head.file.replace(/^git:[^:]+:/, '') });
  io.stdout(
    options.format === 'json' ? `${JSON.stringify(diffJson(report, { base: options.base, head: options.head }), null, 2)}\n` : renderDiffReportMarkdown(report),
  );
  return options.failOnLoosening && report.loosening ? ExitCode.Failure : ExitCode.Ok;
}

function loadedPolicies(file: LoadedPolicyFile, wanted: string | undefined): CorsPolicy[] {
  return selectPolicies(file, wanted).map((found) => requireLoaded(found, file.file));
}
