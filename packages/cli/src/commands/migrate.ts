import { formatIssues, parsePolicy } from '@org/cors-core';
import { access, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import { importModule, isModuleExtension } from '@org/cors-loader';
import { migrateCorsOptions, policySourceFromMigration, type MigrationSource } from '../migrate-options.js';
import { PolicyLoadError } from '@org/cors-loader';

export interface MigrateOptions {
  readonly file: string | undefined;
  readonly from: string | undefined;
  readonly name: string | undefined;
  readonly out: string | undefined;
  readonly exportName: string | undefined;
  readonly force: boolean;
}

const SOURCES: readonly MigrationSource[] = ['cors', 'koa', 'nest'];

/**
 * `migrate`: turns another library's options into a policy file. The file is written even when a
 * person must decide something (reflected origins, RegExps): exit code 1 then, with every reason.
 */
export async function migrateCommand(options: MigrateOptions, io: CliIo): Promise<number> {
  if (options.file === undefined) throw new UsageError('migrate needs an options file (.json, .js or .ts)');
  if (options.from === undefined || !SOURCES.includes(options.from as MigrationSource)) {
    throw new UsageError(`migrate needs --from ${SOURCES.join('|')}`);
  }
  const from = options.from as MigrationSource;
  const raw = await readOptions(options.file, options.exportName, io.cwd);
  const name = options.name ?? slug(basename(options.file, extname(options.file)));
  const result = migrateCorsOptions(raw, from, { name });
  const header = [
    `Migrated from ${from === 'koa' ? '@koa/cors' : from === 'nest' ? 'Nest enableCors' : 'cors'} options in ${options.file} by \`cors-policy migrate\`.`,
    'Review every TODO, then run `cors-policy check` on this file.',
  ].join('\n');
  const source = policySourceFromMigration(result, header);

  if (options.out === undefined) {
    io.stdout(source);
  } else {
    const target = resolve(io.cwd, options.out);
    if (!options.force && (await exists(target))) throw new UsageError(`${options.out} exists: pass --force to overwrite it`);
    await writeFile(target, source, 'utf8');
  }

  const report: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    for (const note of result.notes.filter((n) => n.severity === severity)) report.push(`${severity.padEnd(7)} ${note.option}: ${note.message}`);
  }
  const validation = parsePolicy(result.input);
  if (!validation.ok) report.push('', 'The written policy does not load yet:', formatIssues(validation.issues));
  else if (validation.issues.length > 0) report.push('', 'The written policy loads, with findings:', formatIssues(validation.issues));
  const blocking = !validation.ok || result.notes.some((n) => n.severity === 'error');
  report.push(
    '',
    blocking
      ? `✖ ${options.out ?? 'The policy'} needs decisions before it loads (see the errors above).`
      : `✔ ${options.out === undefined ? 'Policy written to stdout' : `Wrote ${options.out}`}.`,
  );
  io.stderr(`${report.join('\n')}\n`);
  return blocking ? ExitCode.Failure : ExitCode.Ok;
}

/** The options object: the whole JSON file, or the module's chosen / default / only export. */
async function readOptions(file: string, exportName: string | undefined, cwd: string): Promise<unknown> {
  const absolute = resolve(cwd, file);
  const extension = extname(absolute);
  if (!(await exists(absolute))) throw new PolicyLoadError('file-not-found', file, `File not found: ${file}`);
  if (extension === '.json') {
    try {
      return JSON.parse(await readFile(absolute, 'utf8')) as unknown;
    } catch (error) {
      throw new PolicyLoadError('syntax-error', file, `Syntax error in ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!isModuleExtension(extension)) throw new PolicyLoadError('unsupported-file', file, `${file}: use a .json, .js or .ts options file`);
  const exports = (await importModule(absolute, file)) as Record<string, unknown>;
  if (exportName !== undefined) {
    if (!(exportName in exports)) throw new UsageError(`${file} has no export "${exportName}" (found: ${Object.keys(exports).join(', ')})`);
    return exports[exportName];
  }
  if ('default' in exports) return exports['default'];
  const names = Object.keys(exports).filter((k) => k !== '__esModule');
  // A CommonJS `module.exports = { origin: … }` arrives as the object itself.
  if (names.some((k) => ['origin', 'credentials', 'methods', 'allowMethods', 'allowedHeaders', 'allowHeaders'].includes(k))) return exports;
  if (names.length === 1) return exports[names[0] as string];
  throw new UsageError(`${file} exports ${names.join(', ')}: choose the options with --export NAME`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'migrated-policy';
}
