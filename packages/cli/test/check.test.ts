import { describe, expect, it } from 'vitest';
import { fixtures, hasStackTrace, runCli } from './run-cli.js';

interface CheckJson {
  files: Array<{
    file: string;
    error: { code: string; message: string; line: number | null; column: number | null } | null;
    policies: Array<{
      export: string;
      name: string | null;
      environment: string | null;
      loaded: boolean;
      findings: Array<{ severity: string; code: string; path: Array<string | number>; location: string; message: string; hint: string; acknowledged: boolean; justification: string | null }>;
    }>;
  }>;
  summary: { policies: number; errors: number; warnings: number; acknowledged: number; info: number };
  ok: boolean;
}

async function checkJson(...args: string[]): Promise<{ code: number | null; report: CheckJson }> {
  const result = await runCli(['check', '--format', 'json', ...args]);
  return { code: result.code, report: JSON.parse(result.stdout) as CheckJson };
}

describe('cors-policy check', () => {
  it('exits 0 and says so for a policy without findings', async () => {
    const result = await runCli(['check', 'clean.policy.ts']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('clean (clean-api)');
    expect(result.stdout).toMatch(/✔ 0 errors, 0 warnings in 1 policy/);
  });

  it('lists every error of an invalid policy input instead of stopping at the first, and exits 1', async () => {
    const { code, report } = await checkJson('invalid-input.policy.ts');
    expect(code).toBe(1);
    const policy = report.files[0]?.policies[0];
    expect(policy?.loaded).toBe(false);
    expect(policy?.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['policy/invalid-name', 'origins/wildcard-with-credentials', 'methods/forbidden', 'max-age/invalid']),
    );
    for (const finding of policy?.findings ?? []) {
      expect(finding).toMatchObject({ severity: 'error', acknowledged: false, justification: null });
      expect(finding.message.length).toBeGreaterThan(0);
      expect(finding.hint.length).toBeGreaterThan(0);
    }
  });

  it('reports the issues of a definePolicy that throws while the file loads, not a stack trace', async () => {
    const result = await runCli(['check', 'throws-at-load.policy.ts']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('origins/not-an-origin');
    expect(result.stdout).toContain('origins/null');
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  it('gives every finding its severity, path, code, message, hint and acknowledgement', async () => {
    const { code, report } = await checkJson('warnings.policy.ts');
    expect(code).toBe(0);
    const findings = report.files[0]?.policies[0]?.findings ?? [];
    const acknowledged = findings.find((f) => f.code === 'max-age/above-browser-cap');
    expect(acknowledged).toMatchObject({
      severity: 'warning',
      path: ['maxAge'],
      location: 'maxAge',
      acknowledged: true,
      justification: 'Firefox users benefit from the longer cache.',
    });
    const insecure = findings.find((f) => f.code === 'origins/insecure-with-credentials');
    expect(insecure).toMatchObject({ severity: 'warning', path: ['origins', 1], location: 'origins[1]', acknowledged: false, justification: null });
    expect(report.summary.acknowledged).toBe(1);
    expect(report.summary.warnings).toBe(findings.filter((f) => f.severity === 'warning' && !f.acknowledged).length);
  });

  it('fails when open warnings exceed --max-warnings, not counting acknowledged ones', async () => {
    const { report } = await checkJson('warnings.policy.ts');
    const open = report.summary.warnings;
    expect(open).toBeGreaterThan(0);
    expect((await runCli(['check', 'warnings.policy.ts', '--max-warnings', String(open)])).code).toBe(0);
    const over = await runCli(['check', 'warnings.policy.ts', '--max-warnings', String(open - 1)]);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain(`more than --max-warnings ${open - 1}`);
  });

  it('names a missing file plainly and exits 2', async () => {
    const result = await runCli(['check', 'clean.policy.ts', 'does-not-exist.policy.ts']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('File not found: does-not-exist.policy.ts');
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  it('points at the line and column of a syntax error in a policy file, without a stack dump, and exits 3', async () => {
    const { code, report } = await checkJson('syntax-error.policy.ts');
    expect(code).toBe(3);
    const error = report.files[0]?.error;
    expect(error?.code).toBe('syntax-error');
    expect(error?.message).toMatch(/^Syntax error in syntax-error\.policy\.ts at line \d+, column \d+/);
    expect(error?.line).toBeGreaterThanOrEqual(3);
    const text = await runCli(['check', 'syntax-error.policy.ts']);
    expect(hasStackTrace(text.stdout + text.stderr)).toBe(false);
  });

  it('points at the line of a syntax error in a JSON policy', async () => {
    const { report } = await checkJson('broken.policy.json');
    expect(report.files[0]?.error).toMatchObject({ code: 'syntax-error', line: 4 });
  });

  it('reports an exception thrown by the policy file as one line naming the file, and exits 3', async () => {
    const result = await runCli(['check', 'evaluation-error.policy.ts']);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/evaluation-error\.policy\.ts threw while loading: TypeError: .*\(at .*evaluation-error\.policy\.ts:2:\d+\)/);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  it('says so when a file exports no policy, and exits 3', async () => {
    const result = await runCli(['check', 'no-policy.ts']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('no-policy.ts exports no CORS policy');
  });

  it('finds every policy a file exports, once each, whether CorsPolicy or policy input', async () => {
    const { code, report } = await checkJson('multi.policy.ts');
    expect(code).toBe(0);
    const policies = report.files[0]?.policies ?? [];
    expect(policies.map((p) => [p.export, p.name]).sort()).toEqual([
      ['partnerInput', 'partner-api'],
      ['shop', 'shop-api'],
    ]);
  });

  it('checks JSON policies and several files in one run', async () => {
    const { code, report } = await checkJson('plain.policy.json', 'clean.policy.ts');
    expect(code).toBe(0);
    expect(report.files.map((f) => f.file)).toEqual(['plain.policy.json', 'clean.policy.ts']);
    expect(report.summary.policies).toBe(2);
  });

  it('loads the policy under the environment overlay given with --environment', async () => {
    const { report } = await checkJson('example-base.policy.ts', '--environment', 'development');
    expect(report.files[0]?.policies[0]?.environment).toBe('development');
    const unknown = await checkJson('example-base.policy.ts', '--environment', 'staging');
    expect(unknown.code).toBe(1);
    expect(unknown.report.files[0]?.policies[0]?.findings.map((f) => f.code)).toContain('environments/unknown');
  });

  it('reports a policy whose own expectations fail', async () => {
    const { code, report } = await checkJson('expectation-fails.policy.ts');
    expect(code).toBe(1);
    expect(report.files[0]?.policies[0]?.findings[0]).toMatchObject({ code: 'expectations/failed', path: ['expectations', 0] });
  });

  it('loads the organisation\'s shared example policy through its package', async () => {
    const { code, report } = await checkJson('org-example.policy.ts');
    expect(code).toBe(0);
    expect(report.files[0]?.policies[0]).toMatchObject({ export: 'apiPolicy', name: 'storefront-api', loaded: true });
  });

  it('exits 2 on an unknown option or a bad --format', async () => {
    expect((await runCli(['check', 'clean.policy.ts', '--frobnicate'])).code).toBe(2);
    const bad = await runCli(['check', 'clean.policy.ts', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be one of text, json');
  });

  it('exits 2 when given no file', async () => {
    const result = await runCli(['check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('check needs at least one policy file');
  });
});
