import { compilePolicy, definePolicy } from '@org/cors-core';
import { loadCompiledPolicy } from '@org/cors-core/runtime';
import { describe, expect, it } from 'vitest';
import { HOSTS } from '../src/hosts.js';
import { reliabilityPolicy } from '../src/reliability-policy.js';
import { runReliability, type ReliabilityReport } from '../src/run-reliability.js';

/*
 * Each adapter, over real HTTP, under RELIABILITY_REQUESTS (default 10⁶) random and adversarial
 * requests: no uncaught exception, no 5xx, no unsafe CORS answer, and a retained heap after the run
 * no more than 1.1× the heap after warm-up. The figures are printed for the closing note.
 */

const REQUESTS = Number(process.env['RELIABILITY_REQUESTS'] ?? 1_000_000);
if (!Number.isInteger(REQUESTS) || REQUESTS < 1) throw new Error(`RELIABILITY_REQUESTS must be a positive integer, got ${process.env['RELIABILITY_REQUESTS']}`);

// The runtime path, as a production service loads it: compiled data, loaded without the validator.
const policy = loadCompiledPolicy(JSON.parse(JSON.stringify(compilePolicy(definePolicy(reliabilityPolicy)))));

function summary(report: ReliabilityReport): string {
  const rps = Math.round(report.requests / report.seconds);
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const statuses = Object.entries(report.statuses).map(([status, count]) => `${status}×${count}`).join(' ');
  return `${report.host}: ${report.requests} requests in ${report.seconds.toFixed(1)} s (${rps}/s); statuses ${statuses}; ` +
    `closed without response ${report.closedWithoutResponse}; uncaught ${report.uncaught}; violations ${report.violationCount}; ` +
    `heap ${mib(report.heapBeforeBytes)} → ${mib(report.heapAfterBytes)} MiB (${(report.heapAfterBytes / report.heapBeforeBytes).toFixed(3)}×)`;
}

describe(`${REQUESTS} random and adversarial requests per adapter`, () => {
  it.each(HOSTS.map((host) => [host.name, host] as const))('%s: no crash, no 5xx, no unsafe answer, flat heap', async (_name, host) => {
    const report = await runReliability(host, policy, { requests: REQUESTS });
    console.log(summary(report));
    expect(report.requests).toBe(REQUESTS);
    expect(report.uncaught).toBe(0);
    expect(report.violations).toEqual([]);
    expect(Object.keys(report.statuses).filter((status) => Number(status) >= 500)).toEqual([]);
    // Both CORS outcomes were exercised, not only Node's own 400s.
    expect(report.statuses['200'] ?? 0).toBeGreaterThan(REQUESTS / 10);
    expect(report.heapAfterBytes).toBeLessThanOrEqual(report.heapBeforeBytes * 1.1);
  });
});
