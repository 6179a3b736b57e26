import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { auditJson, buildAuditModel, renderAuditHtml, renderAuditMarkdown } from '@org/cors-report';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import { readPolicySpec } from '@org/cors-loader';
import { requireLoaded, selectPolicies } from './shared.js';

export interface RenderOptions {
  readonly file: string | undefined;
  readonly format: 'md' | 'html' | 'json';
  readonly out: string | undefined;
  readonly environment: string | undefined;
  readonly policy: string | undefined;
  /** Time limit for loading a policy module, in milliseconds (default: the loader's). */
  readonly timeoutMs?: number | undefined;
}

/** `render`: the auditor view of every policy in a file (or the one chosen with --policy). */
export async function renderCommand(options: RenderOptions, io: CliIo): Promise<number> {
  if (options.file === undefined) throw new UsageError('render needs a policy file');
  const loaded = await readPolicySpec(options.file, io.cwd, { environment: options.environment, timeoutMs: options.timeoutMs });
  if (loaded === undefined) throw new UsageError(`${options.file} does not exist at that revision`);
  const models = selectPolicies(loaded, options.policy).map((found) => buildAuditModel(requireLoaded(found, options.file as string)));
  const text =
    options.format === 'json'
      ? `${JSON.stringify(auditJson(models), null, 2)}\n`
      : options.format === 'html'
        ? renderAuditHtml(models)
        : models.map(renderAuditMarkdown).join('\n---\n\n');
  if (options.out === undefined) {
    io.stdout(text);
  } else {
    await writeFile(resolve(io.cwd, options.out), text, 'utf8');
    io.stderr(`Wrote ${options.out}\n`);
  }
  return ExitCode.Ok;
}
