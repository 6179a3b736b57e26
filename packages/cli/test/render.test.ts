import { explain, policyForEnvironment } from '@org/cors-core';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textToPlain, type AuditJson } from '@org/cors-report';
import { loadPolicyFile } from '@org/cors-loader';
import { fixtures, runCli } from './run-cli.js';

describe('cors-policy render', () => {
  it('shows an origin source as what it is in Markdown and as data in JSON, flagging credentials with the lint code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-render-sources-'));
    try {
      const file = join(dir, 'tenants.policy.json');
      await writeFile(file, JSON.stringify({ name: 'tenant-api', origins: ['https://app.example.com', { source: 'tenant-domains', credentials: true, methods: ['GET'], refreshSeconds: 30, timeoutMs: 100 }] }));
      const md = await runCli(['render', file]);
      expect(md.code).toBe(0);
      expect(md.stdout).toContain(
        "- ⚠️ Origins from `tenant-domains`, looked up at run time, credentials (cookies) allowed, method GET (refreshed every 30 s; a lookup waits at most 100 ms, then refuses).",
      );
      expect(md.stdout).toContain('**Warning:** `origins/source-with-credentials`');
      const json = JSON.parse((await runCli(['render', file, '--format', 'json'])).stdout) as AuditJson;
      expect(json.policies[0]?.rules.sources.map((s) => [s.name, s.credentials, s.methods, s.refreshSeconds, s.timeoutMs, s.warnings])).toEqual([
        ['tenant-domains', true, ['GET'], 30, 100, ['origins/source-with-credentials']],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('summarises the example policy in plain English for auditors', async () => {
    const result = await runCli(['render', 'example-base.policy.ts', '--format', 'md']);
    expect(result.code).toBe(0);
    const md = result.stdout;
    expect(md).toContain(
      "Pages on `https://myapp.com` and `https://admin.myapp.com` may call this API with the user's cookies, using GET, POST, PUT and DELETE and sending the `Content-Type` and `Authorization` headers.",
    );
    expect(md).toContain('Browsers may reuse a preflight answer for 10 minutes.');
    expect(md).toContain("On `/public/**`, any website may read responses, without the user's cookies");
    expect(md).toContain('In the `development` environment, `http://localhost:3000` and `http://127.0.0.1:3000` may also call this API.');
    expect(md).toContain('CORS is not CSRF protection.');
    expect(md).toContain('(cross-site requests need SameSite=None; Secure)');
    expect(md).toContain('Chromium honours 600 s (cap 7200), Firefox 600 s (cap 86400)');
    expect(md).toMatch(/\| `\*` \| any \| 🟠 medium \|/);
    expect(md).toContain('## Decision table');
    expect(md).toMatch(/GET from an unlisted origin.*⛔ refused/);
  });

  it('shows max-age above the browser caps, risky origins and acknowledged warnings with their justification', async () => {
    const md = (await runCli(['render', 'warnings.policy.ts'])).stdout;
    expect(md).toContain('Browsers may reuse a preflight answer for 2 hours 46 minutes 40 seconds. Chromium caps it at 2 hours.');
    expect(md).toContain('Chromium honours 7200 s');
    expect(md).toMatch(/\| `http:\/\/staging\.myapp\.com` \| exact \| 🔴 high \|/);
    expect(md).toContain('### Acknowledged warnings');
    expect(md).toContain('**Justification:** Firefox users benefit from the longer cache.');
  });

  it('computes every decision-table row with core\'s explain(), in the versioned JSON shape', async () => {
    const result = await runCli(['render', 'example-base.policy.ts', '--format', 'json']);
    const json = JSON.parse(result.stdout) as AuditJson;
    expect(json).toMatchObject({ schemaVersion: 1, kind: 'cors-policy-audit' });
    expect(json.policies).toHaveLength(1);
    const model = json.policies[0];
    if (model === undefined) throw new Error('no policy in the JSON');
    const [found] = (await loadPolicyFile(join(fixtures, 'example-base.policy.ts'))).policies;
    if (found === undefined || !found.ok) throw new Error('fixture did not load');
    expect(model.decisions.length).toBeGreaterThan(8);
    for (const row of model.decisions) {
      // Rows for an overlay are asked of the policy loaded for it.
      const policy = row.environment === undefined ? found.policy : policyForEnvironment(found.policy, row.environment);
      expect(row.allowed, textToPlain(row.label)).toBe(explain(policy, row.request).allowed);
    }
    expect(model.decisions.some((r) => r.allowed)).toBe(true);
    expect(model.decisions.some((r) => !r.allowed)).toBe(true);
    expect(model.decisions.some((r) => r.environment === 'development' && r.allowed)).toBe(true);
  });

  it('writes a self-contained HTML page with --out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-render-'));
    try {
      const out = join(dir, 'audit.html');
      const result = await runCli(['render', 'example-base.policy.ts', '--format', 'html', '--out', out]);
      expect(result.code).toBe(0);
      const html = await readFile(out, 'utf8');
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('<title>CORS policy storefront-api</title>');
      expect(html).toContain('Pages on <code>https://myapp.com</code> and <code>https://admin.myapp.com</code> may call this API with the user&#39;s cookies');
      expect(html).not.toMatch(/<script/i);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lists the owners\' expectations of the organisation\'s example policy', async () => {
    const md = (await runCli(['render', 'org-example.policy.ts'])).stdout;
    expect(md).toContain("## Owners' expectations");
    expect(md).toContain('Look-alike domains are not the shop.');
  });

  it('refuses to render a policy with errors (exit 1)', async () => {
    const result = await runCli(['render', 'invalid-input.policy.ts']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('policy/invalid-name');
  });
});

describe('cors-policy schema', () => {
  it('prints core\'s JSON Schema', async () => {
    const { policyJsonSchema } = await import('@org/cors-core');
    const result = await runCli(['schema']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(policyJsonSchema());
  });
});
