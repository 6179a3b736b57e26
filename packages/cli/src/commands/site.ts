import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CorsPolicy } from '@org/cors-core';
import { gitProvenance, loadPolicyFile } from '@org/cors-loader';
import { renderSite, type SitePolicy, type SiteReportOnly } from '@org/cors-report';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import { readEventFiles } from './event-files.js';
import { policyFiles } from './policy-files.js';
import { InvalidPolicyError, requireLoaded } from './shared.js';

export interface SiteOptions {
  /** Policy files, or folders searched for `*.policy.*` files. */
  readonly paths: readonly string[];
  readonly out: string | undefined;
  readonly environment: string | undefined;
  readonly title: string | undefined;
  /** Time limit for loading a policy module, in milliseconds (default: the loader's). */
  readonly timeoutMs?: number | undefined;
  /** Report-only event files (JSON lines): adds the page "What the candidate policy would change". */
  readonly reportOnly?: readonly string[] | undefined;
  /** With `reportOnly`: build the page from the valid lines when some are invalid. */
  readonly skipInvalid?: boolean | undefined;
}

/**
 * `site`: the auditor site for every policy in the given files and folders, as static HTML in `--out`.
 * Loads and lints everything first and writes nothing if any policy is invalid; writes only inside `--out`.
 */
export async function siteCommand(options: SiteOptions, io: CliIo): Promise<number> {
  if (options.paths.length === 0) throw new UsageError('site needs at least one policy file or folder');
  const outArg = options.out;
  if (outArg === undefined || outArg === '') throw new UsageError('site needs --out <dir>, the folder to write the site to');
  const files = await policyFiles(options.paths, io.cwd);
  // Events first: a bad events file writes nothing, as a bad policy does (exit 5, as report-only).
  let reportOnly: SiteReportOnly | undefined;
  if (options.reportOnly !== undefined && options.reportOnly.length > 0) {
    const read = await readEventFiles(options.reportOnly, { command: 'site', skipInvalid: options.skipInvalid === true }, io);
    if ('exitCode' in read) return read.exitCode;
    reportOnly = { summary: read.summary, files: options.reportOnly };
  }

  const policies: SitePolicy[] = [];
  const problems: string[] = [];
  const seen = new Set<CorsPolicy>();
  for (const file of files) {
    const loaded = await loadPolicyFile(file, { cwd: io.cwd, environment: options.environment, timeoutMs: options.timeoutMs });
    for (const found of loaded.policies) {
      let policy: CorsPolicy;
      try {
        policy = requireLoaded(found, file);
      } catch (error) {
        if (!(error instanceof InvalidPolicyError)) throw error;
        problems.push(error.message);
        continue;
      }
      // The same module reached through two paths is one policy.
      if (seen.has(policy)) continue;
      seen.add(policy);
      policies.push({ policy, file, exportName: found.exportName, provenance: await gitProvenance(file, io.cwd) });
    }
  }
  if (problems.length > 0) {
    io.stderr(`cors-policy site: nothing written; fix these policies first:\n\n${problems.join('\n\n')}\n`);
    return ExitCode.Failure;
  }

  const out = resolve(io.cwd, outArg);
  await ensureFolder(out, outArg);
  const site = renderSite({ policies, title: options.title, reportOnly });
  for (const file of site) {
    const target = resolve(out, file.path);
    // renderSite's paths are relative and `..`-free; refuse anything else rather than trust it.
    const inside = relative(out, target);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
      throw new Error(`refusing to write ${file.path} outside ${outArg}`);
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.contents, 'utf8');
  }
  io.stdout(`Wrote ${site.length} files for ${policies.length} ${policies.length === 1 ? 'policy' : 'policies'} to ${outArg}:\n${site.map((f) => `  ${join(outArg, f.path)}\n`).join('')}`);
  return ExitCode.Ok;
}

async function ensureFolder(out: string, shown: string): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) throw new UsageError(`--out ${shown} exists and is not a folder`);
  await mkdir(out, { recursive: true });
}
