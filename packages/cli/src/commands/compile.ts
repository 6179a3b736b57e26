import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { compilePolicy, loadCompiledPolicy } from '@org/cors-core';
import type { LoadedPolicyFile } from '@org/cors-loader';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import {
  COMPILED_MODULE_EXTENSIONS, compiledModuleFormat, exportNameProblem, renderCompiledModule, type CompiledModuleEntry,
} from '../compiled-module.js';
import { escapeLine } from '../terminal-text.js';
import { checkPolicyFiles, renderCheckText } from './check.js';
import { policyFiles } from './policy-files.js';

export interface CompileOptions {
  /** Policy files, package or git specs, or folders searched for `*.policy.*` files. */
  readonly paths: readonly string[];
  /** The module to write; its extension picks the format. */
  readonly out: string | undefined;
  /** The environment the compiled data loads by default (every environment is compiled). */
  readonly environment: string | undefined;
  /** Write nothing; exit 1 when `out` differs from what would be written (for CI). */
  readonly check: boolean;
  /** Time limit for loading a policy module, in milliseconds (default: the loader's). */
  readonly timeoutMs?: number | undefined;
}

/**
 * `compile`: loads and lints every policy like `check`, and — only when all of them pass — writes one
 * module holding each policy's compiled data, for `@org/cors-core/runtime` (no validator at run time).
 */
export async function compileCommand(options: CompileOptions, io: CliIo): Promise<number> {
  if (options.paths.length === 0) throw new UsageError('compile needs at least one policy file or folder');
  const out = options.out;
  if (out === undefined || out === '') throw new UsageError('compile needs --out <file>: the module to write (.json, .js, .mjs, .cjs, .ts)');
  const format = compiledModuleFormat(out);
  if (format === undefined) throw new UsageError(`--out ${escapeLine(out)} must end with ${COMPILED_MODULE_EXTENSIONS.join(', ')}`);
  const target = resolve(io.cwd, out);
  const files = await policyFiles(options.paths, io.cwd);
  if (files.some((file) => resolve(io.cwd, file) === target)) throw new UsageError(`--out ${escapeLine(out)} is one of the policy files: choose another file`);

  const checked = await checkPolicyFiles({ files, maxWarnings: undefined, environment: options.environment, timeoutMs: options.timeoutMs }, io.cwd);
  if (checked.exitCode !== ExitCode.Ok) {
    io.stderr(`cors-policy compile: nothing written; fix these policies first:\n\n${renderCheckText(checked.report)}`);
    return checked.exitCode;
  }

  const entries = compiledEntries(checked.loaded);
  const command = ['cors-policy', 'compile', ...options.paths, '--out', out, ...(options.environment === undefined ? [] : ['--environment', options.environment])]
    .map(shellWord)
    .join(' ');
  const text = renderCompiledModule({ format, policies: entries, sources: await sourceLines(checked.loaded, io.cwd), command });
  const existing = await readFile(target, 'utf8').catch(() => undefined);
  const listing = entries.map((e) => `  ${e.exportName} (${e.data.name})\n`).join('');
  if (options.check) return reportStaleness(out, existing, text, command, io);

  if (checked.report.summary.warnings > 0) io.stderr(renderCheckText(checked.report));
  if (existing === text) {
    io.stdout(`${out} is up to date (${entries.length} ${entries.length === 1 ? 'policy' : 'policies'}):\n${listing}`);
    return ExitCode.Ok;
  }
  await writeAtomically(target, out, text);
  io.stdout(`Wrote ${out} (${entries.length} ${entries.length === 1 ? 'policy' : 'policies'}):\n${listing}`);
  return ExitCode.Ok;
}

/** One entry per policy, named as exported; a default export is named after the policy. */
function compiledEntries(loaded: readonly LoadedPolicyFile[]): CompiledModuleEntry[] {
  const entries: CompiledModuleEntry[] = [];
  const origin = new Map<string, string>();
  const problems: string[] = [];
  for (const file of loaded) {
    for (const found of file.policies) {
      // checkPolicyFiles passed: every policy loaded.
      if (!found.ok) throw new Error(`${file.file} › ${found.exportName} did not load after a clean check`);
      const exportName = found.exportName === 'default' ? defaultExportName(found.policy.name) : found.exportName;
      const where = `${file.file} › ${found.exportName}`;
      const problem = exportNameProblem(exportName);
      const clash = origin.get(exportName);
      if (problem !== undefined) problems.push(`${where}: the export name ${JSON.stringify(exportName)} ${problem}`);
      else if (clash !== undefined) problems.push(`${where} and ${clash} would both be exported as ${exportName}: compile them into separate files`);
      origin.set(exportName, where);
      const data = compilePolicy(found.policy);
      // What is written must load: a shape the runtime refuses is a bug here, not in the policy.
      loadCompiledPolicy(JSON.parse(JSON.stringify(data)));
      entries.push({ exportName, data });
    }
  }
  if (problems.length > 0) throw new UsageError(`nothing written:\n  ${problems.map(escapeLine).join('\n  ')}`);
  return entries;
}

/** `acme-orders-api` → `acmeOrdersApiPolicy` (policy names are lower-case slugs). */
export function defaultExportName(policyName: string): string {
  const camel = policyName.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase()).replace(/-/g, '');
  return `${/^[0-9]/.test(camel) ? '_' : ''}${camel}Policy`;
}

/** The sources as given; a policy read from an installed package also names the package's version. */
async function sourceLines(loaded: readonly LoadedPolicyFile[], cwd: string): Promise<string[]> {
  return Promise.all(
    loaded.map(async ({ file, package: pkg }) => {
      const isPath = file.startsWith('git:') || (await stat(resolve(cwd, file)).catch(() => undefined)) !== undefined;
      return isPath || pkg === undefined ? file : `${file} (${pkg.name}@${pkg.version}, ${pkg.path})`;
    }),
  );
}

/** `--check`: 0 when `out` holds exactly what would be written; else 1 and where it differs. */
function reportStaleness(out: string, existing: string | undefined, expected: string, command: string, io: CliIo): number {
  const regenerate = `Regenerate it with: ${escapeLine(command)}`;
  if (existing === expected) {
    io.stdout(`${out} is up to date.\n`);
    return ExitCode.Ok;
  }
  if (existing === undefined) {
    io.stderr(`cors-policy compile --check: ${out} does not exist. ${regenerate}\n`);
    return ExitCode.Failure;
  }
  const want = expected.split('\n');
  const have = existing.split('\n');
  let line = 0;
  while (line < want.length && want[line] === have[line]) line++;
  const shown = (text: string | undefined) => (text === undefined ? '(end of file)' : JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text));
  io.stderr(
    `cors-policy compile --check: ${out} is stale: it differs from the compiled policies at line ${line + 1}.\n` +
      `  expected: ${shown(want[line])}\n  found:    ${shown(have[line])}\n${regenerate}\n`,
  );
  return ExitCode.Failure;
}

/** Temp file beside the target, then rename: a reader (a bundler, a watcher) never sees half a module. */
async function writeAtomically(target: string, shown: string, text: string): Promise<void> {
  const info = await stat(target).catch(() => undefined);
  if (info !== undefined && !info.isFile()) throw new UsageError(`--out ${escapeLine(shown)} exists and is not a file`);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UsageError(`cannot write --out ${escapeLine(shown)} (${code})`);
  }
}

/** An argument as a POSIX shell reads it back (for the header's "Regenerate:" line). */
function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
