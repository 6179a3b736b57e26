import { explain } from '@org/cors-core';
import type { CorsDecision, ExplainRequest } from '@org/cors-core';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import { readPolicySpec } from '@org/cors-loader';
import { requireLoaded, selectOne } from './shared.js';

export interface ExplainOptions {
  readonly file: string | undefined;
  readonly origin: string | undefined;
  readonly method: string | undefined;
  readonly headers: readonly string[];
  readonly path: string | undefined;
  readonly credentials: boolean;
  readonly environment: string | undefined;
  readonly policy: string | undefined;
  /** Time limit for loading a policy module, in milliseconds (default: the loader's). */
  readonly timeoutMs?: number | undefined;
  readonly format: 'text' | 'json';
}

/** `explain`: exit 0 when the page may read the response, 1 when the browser would refuse it. */
export async function explainCommand(options: ExplainOptions, io: CliIo): Promise<number> {
  if (options.file === undefined) throw new UsageError('explain needs a policy file');
  if (options.origin === undefined) throw new UsageError('explain needs --origin (the calling page\'s origin, e.g. https://myapp.com)');
  const loaded = await readPolicySpec(options.file, io.cwd, { environment: options.environment, timeoutMs: options.timeoutMs });
  if (loaded === undefined) throw new UsageError(`${options.file} does not exist at that revision`);
  const policy = requireLoaded(selectOne(loaded, options.policy), options.file);
  const request: ExplainRequest = {
    origin: options.origin,
    method: options.method ?? 'GET',
    path: options.path ?? '/',
    headers: options.headers.flatMap((h) => h.split(',')).map((h) => h.trim()).filter((h) => h !== ''),
    credentials: options.credentials,
  };
  const explanation = explain(policy, request);
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ policy: policy.name, environment: policy.environment ?? null, request, ...explanation }, null, 2)}\n`);
  } else {
    const out = [explanation.summary, ''];
    out.push(`Policy: ${policy.name}${policy.environment === undefined ? '' : ` (environment: ${policy.environment})`}`);
    if (explanation.preflight.needed && explanation.preflight.decision !== undefined) {
      out.push('', ...decisionLines('Preflight (OPTIONS)', explanation.preflight.decision));
    } else {
      out.push('', 'Preflight: not needed (safelisted method and headers)');
    }
    const refusedAtPreflight = explanation.preflight.decision !== undefined && explanation.preflight.decision.kind !== 'preflight-allowed';
    if (refusedAtPreflight) out.push('', `Actual request: never sent (the preflight was refused)`);
    else out.push('', ...decisionLines(`Actual request (${request.method})`, explanation.actual));
    out.push('', 'Why:', ...explanation.steps.map((step, i) => `  ${i + 1}. ${step}`), '');
    io.stdout(out.join('\n'));
  }
  return explanation.allowed ? ExitCode.Ok : ExitCode.Failure;
}

function decisionLines(title: string, decision: CorsDecision): string[] {
  const status = 'status' in decision && decision.status !== undefined ? `, status ${decision.status}` : '';
  const lines = [
    `${title}: ${decision.kind} (${decision.reason}${status})${decision.route === undefined ? '' : ` — route ${decision.route.path}`}`,
  ];
  if (decision.headers.length === 0) lines.push('  no CORS headers');
  for (const [name, value] of decision.headers) lines.push(`  ${name}: ${value}`);
  if (decision.vary.length > 0) lines.push(`  Vary (appended): ${decision.vary.join(', ')}`);
  return lines;
}
