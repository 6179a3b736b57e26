import type { CorsPolicy } from '@org/cors-core';
import { buildAuditModel } from '@org/cors-report';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import type { LoadedPolicyFile } from '@org/cors-loader';
import { diffPolicies, type PolicyDiff } from '@org/cors-report';
import { readPolicySpec, specPath } from '@org/cors-loader';
import { renderDiffMarkdown } from '@org/cors-report';
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

interface DiffReport {
  readonly base: string;
  readonly head: string;
  /** Policies present in both revisions, paired by name. */
  readonly diffs: ReadonlyArray<{ readonly policy: string; readonly diff: PolicyDiff }>;
  /** Policies only in head (new) or only in base (deleted). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly loosening: boolean;
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

  const basePolicies = base === undefined ? new Map<string, CorsPolicy>() : loadedByName(base, options.policy);
  const headPolicies = loadedByName(head, options.policy);
  // One policy on each side: compare them even if renamed.
  const pairs: Array<[string, CorsPolicy, CorsPolicy]> = [];
  if (basePolicies.size === 1 && headPolicies.size === 1) {
    const [[, b]] = [...basePolicies] as [[string, CorsPolicy]];
    const [[name, h]] = [...headPolicies] as [[string, CorsPolicy]];
    pairs.push([name, b, h]);
  } else {
    for (const [name, h] of headPolicies) {
      const b = basePolicies.get(name);
      if (b !== undefined) pairs.push([name, b, h]);
    }
  }
  const paired = new Set(pairs.flatMap(([, b, h]) => [b.name, h.name]));
  const added = [...headPolicies.values()].filter((p) => !paired.has(p.name));
  const removed = [...basePolicies.values()].filter((p) => !paired.has(p.name));
  const diffs = pairs.map(([policy, b, h]) => ({ policy, diff: diffPolicies(b, h) }));
  const report: DiffReport = {
    base: options.base,
    head: options.head,
    diffs,
    added: added.map((p) => p.name),
    removed: removed.map((p) => p.name),
    loosening: added.length > 0 || diffs.some((d) => d.diff.counts.loosening > 0),
  };

  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const out: string[] = [];
    for (const { diff } of diffs) out.push(renderDiffMarkdown(diff, head.file.replace(/^git:[^:]+:/, '')));
    for (const policy of added) {
      const model = buildAuditModel(policy);
      out.push(
        `### New CORS policy \`${policy.name}\``,
        '',
        '#### ⚠️ Loosening — needs a security review',
        '',
        'Everything this policy allows is new:',
        '',
        ...model.summary.map((s) => `- ${s}`),
        ...model.findings.map((f) => `- ${f.severity} \`${f.code}\`: ${f.message}`),
        '',
      );
    }
    for (const policy of removed) out.push(`### CORS policy \`${policy.name}\` removed`, '', 'Services that loaded it must load another policy or drop CORS.', '');
    io.stdout(out.join('\n'));
  }
  return options.failOnLoosening && report.loosening ? ExitCode.Failure : ExitCode.Ok;
}

function loadedByName(file: LoadedPolicyFile, wanted: string | undefined): Map<string, CorsPolicy> {
  const map = new Map<string, CorsPolicy>();
  for (const found of selectPolicies(file, wanted)) {
    const policy = requireLoaded(found, file.file);
    map.set(policy.name, policy);
  }
  return map;
}
