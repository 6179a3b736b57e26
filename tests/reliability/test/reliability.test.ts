import { compilePolicy, definePolicy } from '@org/cors-core';
import { bindOriginSources, closeSources, loadCompiledPolicy } from '@org/cors-core/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTS, observedEvents } from '../src/hosts.js';
import { LOOKUP_CACHE_SIZE, reliabilityPolicy, tenantLookup } from '../src/reliability-policy.js';
import { runReliability, type HostReport, type ReliabilityReport } from '../src/run-reliability.js';

/*
 * Every adapter, over real HTTP, under the same RELIABILITY_REQUESTS (default 10⁶) random and
 * adversarial requests: no uncaught exception, no 5xx, no unsafe CORS answer, and a retained heap after
 * the run no more than 1.1× the heap after warm-up — also through a lookup source's full, evicting
 * cache. The figures are printed for the closing note.
 */

const REQUESTS = Number(process.env['RELIABILITY_REQUESTS'] ?? 1_000_000);
if (!Number.isInteger(REQUESTS) || REQUESTS < 1) throw new Error(`RELIABILITY_REQUESTS must be a positive integer, got ${process.env['RELIABILITY_REQUESTS']}`);

// The runtime path, as a production service loads it: compiled data, loaded without the validator,
// its tenant source bound to a lookup provider that sometimes fails or hangs.
const policy = bindOriginSources(loadCompiledPolicy(JSON.parse(JSON.stringify(compilePolicy(definePolicy(reliabilityPolicy))))), { tenants: tenantLookup }, { lookupCacheSize: LOOKUP_CACHE_SIZE });

function hostLine(report: HostReport): string {
  const statuses = Object.entries(report.statuses).map(([status, count]) => `${status}×${count}`).join(' ');
  return `  ${report.host}: ${report.requests} requests, ${Math.round(report.requests / report.seconds)}/s; statuses ${statuses}; ` +
    `closed without response ${report.closedWithoutResponse}; violations ${report.violationCount}` +
    report.closedOn.slice(0, 3).map((request) => `\n    closed on: ${request}`).join('');
}

function summary(report: ReliabilityReport): string {
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  return [
    `reliability: ${REQUESTS} requests to each of ${report.hosts.length} hosts in ${report.seconds.toFixed(0)} s; uncaught ${report.uncaught}; ` +
      `heap after GC ${mib(report.heapBeforeBytes)} → ${mib(report.heapAfterBytes)} MiB (${(report.heapAfterBytes / report.heapBeforeBytes).toFixed(3)}×)`,
    ...report.hosts.map(hostLine),
    `  observed host: ${observedEvents.events} decision events, ${observedEvents.reportOnly} report-only differences, ${observedEvents.unsafe.length} unsafe`,
  ].join('\n');
}

describe(`${REQUESTS} random and adversarial requests through every adapter`, () => {
  let report: ReliabilityReport;
  beforeAll(async () => {
    report = await runReliability(HOSTS, policy, { requests: REQUESTS });
    closeSources(policy);
    console.log(summary(report));
  }, 60 * 60_000);

  it('the observed host reported its decisions and report-only differences, every event a safe one-line JSON record', () => {
    expect(observedEvents.events).toBeGreaterThan(0);
    expect(observedEvents.reportOnly).toBeGreaterThan(0);
    expect(observedEvents.unsafe).toEqual([]);
  });

  it('raises no uncaught exception or unhandled rejection', () => {
    expect(report.uncaught).toBe(0);
  });

  it.each(HOSTS.map((host, index) => [host.name, index] as const))('%s: every request answered, no 5xx, no unsafe CORS answer', (_name, index) => {
    const host = report.hosts[index] as HostReport;
    expect(host.requests).toBe(REQUESTS);
    expect(host.violations).toEqual([]);
    expect(Object.keys(host.statuses).filter((status) => Number(status) >= 500)).toEqual([]);
    // The CORS layer answered most of them, not Node's own 400s.
    expect((host.statuses['200'] ?? 0) + (host.statuses['204'] ?? 0)).toBeGreaterThan(REQUESTS / 3);
  });

  it('retains no memory per request: heap after ≤ 1.1× heap after warm-up', () => {
    expect(report.heapAfterBytes).toBeLessThanOrEqual(report.heapBeforeBytes * 1.1);
  });
});
