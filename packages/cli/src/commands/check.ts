import { formatIssuePath, sortIssues } from '@org/cors-core';
import type { PolicyIssue } from '@org/cors-core';
import { ExitCode, LOAD_ERROR_EXIT_CODE, UsageError, type CliIo } from '../cli-io.js';
import { PolicyLoadError, readPolicySpec, type LoadedPolicyFile, type LocatedIssue, type PolicyPackage } from '@org/cors-loader';
import { escapeLine } from '../terminal-text.js';
import { policyLabel } from './shared.js';

/** One finding as `check --format json` reports it. */
export interface CheckFinding {
  /** The policy file, as named on the command line (for annotations). */
  readonly file: string;
  /** Where the offending value is written: exact for JSON files, best effort for modules; `null` when unknown. */
  readonly line: number | null;
  readonly column: number | null;
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
  /** The package the file ships in: the policy version being enforced. */
  readonly package: { readonly name: string; readonly version: string; readonly path: string } | null;
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
  /** Time limit for loading a policy module, in milliseconds (default: the loader's). */
  readonly timeoutMs?: number | undefined;
}

export async function checkCommand(options: CheckOptions, io: CliIo): Promise<number> {
  if (options.files.length === 0) throw new UsageError('check needs at least one policy file');
  const { report, exitCode } = await checkPolicyFiles(options, io.cwd);
  if (options.format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(renderCheckText(report));
  return exitCode;
}

/** What {@link checkPolicyFiles} found: the report, the exit code `check` gives it, and every policy loaded. */
export interface CheckedPolicyFiles {
  readonly report: CheckReport;
  /** 0 when the report is clean; else the largest applicable exit code (a load failure outranks findings). */
  readonly exitCode: number;
  /** Every file that loaded, with its policies (valid or not), in the order given. */
  readonly loaded: readonly LoadedPolicyFile[];
}

/**
 * Loads and lints every file: the one meaning of "these policies pass" for `check` and `compile`.
 * Load failures are part of the report (and of the exit code), never thrown.
 */
export async function checkPolicyFiles(options: Omit<CheckOptions, 'format'>, cwd: string): Promise<CheckedPolicyFiles> {
  const files: CheckedFile[] = [];
  const loadedFiles: LoadedPolicyFile[] = [];
  // Several files: the largest applicable exit code wins (a file that did not finish outranks the rest).
  let loadExit: number = ExitCode.Ok;
  for (const file of options.files) {
    try {
      const loaded = await readPolicySpec(file, cwd, { environment: options.environment, timeoutMs: options.timeoutMs });
      if (loaded === undefined) throw new PolicyLoadError('file-not-found', file, `${file} does not exist at that revision`);
      loadedFiles.push(loaded);
      files.push({
        file,
        package: packageJson(loaded.package),
        error: null,
        // Core verifies the policy's own expectations at load: failures arrive as `expectations/failed` errors.
        policies: loaded.policies.map((found): CheckedPolicy => {
          return {
            export: found.exportName,
            name: (found.ok ? found.policy.name : found.name) ?? null,
            environment: found.ok ? (found.policy.environment ?? null) : (options.environment ?? null),
            loaded: found.ok,
            findings: (sortIssues(found.issues) as LocatedIssue[]).map((issue) => toFinding(issue, file)),
          };
        }),
      });
    } catch (error) {
      if (!(error instanceof PolicyLoadError)) throw error;
      loadExit = Math.max(loadExit, LOAD_ERROR_EXIT_CODE[error.code]);
      files.push({
        file,
        package: null,
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
  const exitCode = loadExit !== ExitCode.Ok ? loadExit : report.ok ? ExitCode.Ok : ExitCode.Failure;
  return { report, exitCode, loaded: loadedFiles };
}

function packageJson(pkg: PolicyPackage | undefined): CheckedFile['package'] {
  return pkg === undefined ? null : { name: pkg.name, version: pkg.version, path: pkg.path };
}

function toFinding(issue: LocatedIssue, file: string): CheckFinding {
  return {
    file,
    line: issue.line ?? null,
    column: issue.column ?? null,
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
    out.push(escapeLine(file.file));
    if (file.error !== null) {
      out.push(`  error  ${escapeLine(file.error.message)}`, '');
      continue;
    }
    for (const policy of file.policies) {
      const label = policyLabel({ exportName: policy.export, ok: false, name: policy.name ?? undefined, issues: [] });
      const env = policy.environment === null ? '' : ` [environment: ${policy.environment}]`;
      // Which version of the policy is enforced: `storefront-api (@acme/cors-policies@1.2.0, cors.policy.json)`.
      const version = file.package === null ? '' : ` (${file.package.name}@${file.package.version}, ${file.package.path})`;
      out.push(`  ${escapeLine(label)}${version}${env}${policy.loaded ? '' : ' — does not load'}`);
      if (policy.findings.length === 0) out.push('    no findings');
      for (const f of policy.findings) {
        const at = f.line === null ? '' : `  (line ${f.line})`;
        out.push(`    ${f.severity.padEnd(7)} ${escapeLine(f.location)}  ${f.code}${at}`, `            ${escapeLine(f.message)}`, `            Fix: ${escapeLine(f.hint)}`);
        if (f.acknowledged) out.push(`            Acknowledged: ${escapeLine(f.justification ?? '')}`);
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
