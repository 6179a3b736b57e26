import { compilePolicy, definePolicy, loadCompiledPolicy } from '@org/cors-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkResponse } from './check-response.js';
import { appRequestHeaders } from './conformance-app.js';
import { sendRequest, type ConformanceResponse } from './send-request.js';
import type { ConformanceTarget, RunningTarget, TargetSetup } from './target.js';
import type { ConformanceVector } from './vector.js';
import { vectors as allVectors } from './vectors/index.js';

/** Options of {@link runConformance}. */
export interface RunConformanceOptions {
  /** The vectors to run (default: all of them). A new adapter is done when it passes all, unchanged. */
  readonly vectors?: readonly ConformanceVector[];
  /** Header limit passed to targets (default 128 KiB, so oversized-header vectors reach the CORS layer). */
  readonly maxHeaderSize?: number;
  /**
   * Which loaded forms of each vector's policy the target is given (default both): `authoring`, the
   * policy from `definePolicy`; `compiled`, the same policy through `compilePolicy` → JSON →
   * `loadCompiledPolicy` (the runtime entry's path). Both must give byte-identical answers.
   */
  readonly forms?: readonly PolicyForm[];
}

export type PolicyForm = 'authoring' | 'compiled';

/** The vector's policy in the given form. The compiled form goes through JSON, as a build step would write it. */
function loadVector(vector: ConformanceVector, form: PolicyForm): TargetSetup['policy'] {
  const policy = definePolicy(vector.policy, { environment: vector.environment });
  if (form === 'authoring') return policy;
  return loadCompiledPolicy(JSON.parse(JSON.stringify(compilePolicy(policy))) as unknown);
}

/**
 * Registers one vitest test per vector against a target: `describe(target.name)` → one `describe` per
 * theme → `it(vector.title)`. Servers start lazily, one per distinct policy and environment, and all
 * close after the suite. Call it at the top level of a test file.
 *
 * @example runConformance({ name: 'express 5', start: ({ policy, serverOptions }) => startServer(app(policy), serverOptions) });
 */
export function runConformance(target: ConformanceTarget, options: RunConformanceOptions = {}): void {
  const list = options.vectors ?? allVectors;
  const serverOptions = { maxHeaderSize: options.maxHeaderSize ?? 128 * 1024 };
  const forms = options.forms ?? ['authoring', 'compiled'];
  const servers = new Map<string, Promise<RunningTarget>>();

  function serverFor(vector: ConformanceVector, form: PolicyForm): Promise<RunningTarget> {
    const key = JSON.stringify([vector.policy, vector.environment ?? null, form]);
    let running = servers.get(key);
    if (running === undefined) {
      running = target.start({ policy: loadVector(vector, form), serverOptions });
      servers.set(key, running);
    }
    return running;
  }

  describe(target.name, () => {
    afterAll(async () => {
      const started = await Promise.allSettled(servers.values());
      await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)));
    });
    for (const [theme, group] of groupByTheme(list)) {
      describe(theme, () => {
        for (const vector of group) {
          it.each(forms)(`${vector.title.replaceAll('%', '%%')} [%s policy]`, async (form) => {
            const running = await serverFor(vector, form);
            const response = await sendRequest(running.url, vector.request, appRequestHeaders(vector.app));
            expect(checkResponse(vector, response), describeExchange(vector, response)).toEqual([]);
          });
        }
      });
    }
  });
}

function groupByTheme(list: readonly ConformanceVector[]): Map<string, ConformanceVector[]> {
  const groups = new Map<string, ConformanceVector[]>();
  for (const vector of list) {
    const theme = vector.id.split('/')[0] ?? vector.id;
    groups.set(theme, [...(groups.get(theme) ?? []), vector]);
  }
  return groups;
}

/** The request and response, for the failure message. Long values are shortened. */
function describeExchange(vector: ConformanceVector, response: ConformanceResponse): string {
  const clip = (value: unknown) => {
    const text = Array.isArray(value) ? value.join(' | ') : String(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  };
  const request = Object.entries(vector.request.headers).map(([name, value]) => `  ${name}: ${clip(value)}`);
  const headers = Object.entries(response.headers).map(([name, value]) => `  ${name}: ${clip(value)}`);
  return [
    `vector ${vector.id}${vector.environment === undefined ? '' : ` (environment ${vector.environment})`}`,
    `> ${vector.request.method} ${vector.request.path}`,
    ...request,
    `< ${response.status} (${Math.round(response.durationMs)} ms)`,
    ...headers,
  ].join('\n');
}
