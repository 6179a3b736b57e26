import { formatIssuePath, sortIssues } from '@org/cors-core';
import type { PolicyIssue } from '@org/cors-core';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import { loadPolicyFile } from '@org/cors-loader';
import { PolicyLoadError } from '@org/cors-loader';
import { policyLabel } from './shared.js';

/** One finding as `check --format json` reports it. */
export interface CheckFinding {
  readonly severity: PolicyIssue['severity'];
  readonly code: string;
  /** The path into the policy input, e.g. `["routes", 0, "origins", 1]`. */
  readonly path: ReadonlyArray<string | number>;
  /** The same path as text: `routes[0].origins[1]`. */
  readonly location: string;
  readonly message: string;
  readonly hint: string;
  readonly acknowledged: boolean;
  readonly justification: string | null;
}

export interface CheckedPolicy {
  readonly export: string;
  readonly name: string | null;
  readonly environment: string | null;
  readonly loaded: boolean;
  readonly findings: readonly CheckFinding[];
}

export interface CheckedFile {
  readonly file: string;
  /** Set when the file could not be loaded at all (missing, syntax error…). */
  readonly error: { readonly code: string; readonly message: string; readonly line: number | null; readonly column: number | null } | null;
  readonly policies: readonly CheckedPolicy[];
}

export interface CheckReport {
  readonly files: readonly CheckedFile[];
  readonly summary: {
    readonly policies: number;
    readonly errors: number;
    /** Unacknowledged warnings (what `--max-warnings` counts). */
    readonly warnings: number;
    readonly acknowledged: number;
    readonly info: number;
  };
  readonly maxWarnings: number | null;
  readonly ok: boolean;
}

export interface CheckOptions {
  readonly files: readonly string[];
  readonly format: 'text' | 'json';
  readonly maxWarnings: number | undefined;
  readonly environment: string | undefined;
}

export async function checkCommand(options: CheckOptions, io: CliIo): Promise<number> {
  if (options.files.length === 0) throw new UsageError('check needs at least one policy file');
  const files: CheckedFile[] = [];
  let missing = false;
  for (const file of options.files) {
    try {
      const loaded = await loadPolicyFile(file, { environment: options.environment, cwd: io.cwd });
      files.push({
        file,
        error: null,
        // Core verifies the policy's own expectations at load: failures arrive as `expectations/failed` errors.
        policies: loaded.policies.map((found): CheckedPolicy => {
          return {
            export: found.exportName,
            name: (found.ok ? found.policy.name : found.name) ?? null,
            environment: found.ok ? (found.policy.environment ?? null) : (options.environment ?? null),
            loaded: found.ok,
            findings: sortIssues(found.issues).map(toFinding),
          };
        }),
      });
    } catch (error) {
      if (!(error instanceof PolicyLoadError)) throw error;
      if (error.code === 'file-not-found' || error.code === 'unsupported-file') missing = true;
      files.push({
        file,
        error: { code: error.code, message: error.message, line: error.line ?? null, column: error.column ?? null },
        policies: [],
      });
    }
  }

  const all = files.flatMap((f) => f.policies.flatMap((p) => p.findings));
  const summary = {
    policies: files.reduce((n, f) => n + f.policies.length, 0),
    errors: all.filter((f) => f.severity === 'error').length + files.filter((f) => f.error !== null).length,
    warnings: all.filter((f) => f.severity === 'warning' && !f.acknowledged).length,
    acknowledged: all.filter((f) => f.acknowledged).length,
    info: all.filter((f) => f.severity === 'info').length,
  };
  const tooManyWarnings = options.maxWarnings !== undefined && options.maxWarnings >= 0 && summary.warnings > options.maxWarnings;
  const report: CheckReport = { files, summary, maxWarnings: options.maxWarnings ?? null, ok: summary.errors === 0 && !tooManyWarnings };

  if (options.format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(renderCheckText(report));
  if (missing) return ExitCode.Usage;
  return report.ok ? ExitCode.Ok : ExitCode.Failure;
}

function toFinding(issue: PolicyIssue): CheckFinding {
  return {
    severity: issue.severity,
    code: issue.code,
    path: issue.path,
    location: formatIssuePath(issue.path),
    message: issue.message,
    hint: issue.hint,
    acknowledged: issue.acknowledged !== undefined,
    justification: issue.acknowledged ?? null,
  };
}

/** The human report: findings grouped by file and policy, then a one-line verdict. */
export function renderCheckText(report: CheckReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    out.push(file.file);
    if (file.error !== null) {
      out.push(`  error  ${file.error.message}`, '');
      continue;
    }
    for (const policy of file.policies) {
      const label = policyLabel({ exportName: policy.export, ok: false, name: policy.name ?? undefined, issues: [] });
      const env = policy.environment === null ? '' : ` [environment: ${policy.environment}]`;
      out.push(`  ${label}${env}${policy.loaded ? '' : ' — does not load'}`);
      if (policy.findings.length === 0) out.push('    no findings');
      for (const f of policy.findings) {
        out.push(`    ${f.severity.padEnd(7)} ${f.location}  ${f.code}`, `            ${f.message}`, `            Fix: ${f.hint}`);
        if (f.acknowledged) out.push(`            Acknowledged: ${f.justification}`);
      }
    }
    out.push('');
  }
  const { errors, warnings, acknowledged, info, policies } = report.summary;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${
    acknowledged > 0 ? ` (+${acknowledged} acknowledged)` : ''
  }${info > 0 ? `, ${info} note${info === 1 ? '' : 's'}` : ''} in ${policies} polic${policies === 1 ? 'y' : 'ies'}`;
  if (report.ok) out.push(`✔ ${counts}`);
  else if (errors === 0) out.push(`✖ ${counts}: more than --max-warnings ${report.maxWarnings}`);
  else out.push(`✖ ${counts}`);
  return `${out.join('\n')}\n`;
}
