import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_ORIGIN } from '../src/shared/bench-rules.js';
import { buildCases } from '../src/sources/sources-bench.js';

/*
 * The sources bench times these cases: each must do the CORS work it is timed for — grant the origin
 * it sends (a static one, or a tenant that only the source holds, with the source's settings: no
 * credentials) — and the observed cases must deliver their events.
 */

let built: Awaited<ReturnType<typeof buildCases>>;
beforeAll(async () => {
  built = await buildCases();
});
afterAll(() => built.close());

describe('sources bench cases', () => {
  it('grant a static origin with the policy\'s credentials, and a tenant origin with the source\'s settings (none)', () => {
    for (const c of built.cases) {
      c.op();
      const tenant = c.name.includes('source hit');
      expect(c.response.getHeader('access-control-allow-origin'), c.name).toBe(tenant ? built.tenant : ALLOWED_ORIGIN);
      expect(c.response.getHeader('access-control-allow-credentials'), c.name).toBe(tenant ? undefined : 'true');
      expect(String(c.response.getHeader('vary')), c.name).toContain('Origin');
    }
  });

  it('deliver one event per request to onDecision, with report-only on or off', () => {
    const before = { ...built.events };
    for (const c of built.cases) if (c.name.startsWith('onDecision on') || c.name.startsWith('report-only')) c.op();
    expect(built.events).toEqual({ onDecision: before.onDecision + 1, reportOnly: before.reportOnly + 1 });
  });
});
