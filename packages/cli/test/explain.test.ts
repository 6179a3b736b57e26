import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('cors-policy explain', () => {
  it('allows a credentialed PUT from a listed origin, showing the preflight and the headers the server sends', async () => {
    const result = await runCli([
      'explain', 'example-base.policy.ts', '--origin', 'https://admin.myapp.com', '--method', 'PUT',
      '--header', 'Content-Type', '--header', 'Authorization', '--path', '/api/items/1', '--credentials',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Allowed: PUT \/api\/items\/1 from https:\/\/admin\.myapp\.com with credentials/);
    expect(result.stdout).toContain('Preflight (OPTIONS): preflight-allowed');
    expect(result.stdout).toContain('Access-Control-Allow-Origin: https://admin.myapp.com');
    expect(result.stdout).toContain('Access-Control-Allow-Credentials: true');
    expect(result.stdout).toContain('Access-Control-Allow-Methods: PUT');
    expect(result.stdout).toMatch(/Why:\n {2}1\. /);
  });

  it('refuses an unlisted origin with exit code 1 and says why', async () => {
    const result = await runCli(['explain', 'example-base.policy.ts', '--origin', 'https://evil.example', '--method', 'DELETE']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Refused: DELETE \/ from https:\/\/evil\.example/);
    expect(result.stdout).toContain('preflight-refused (origin-not-allowed, status 403)');
    expect(result.stdout).toContain('never sent');
  });

  it('applies the environment overlay chosen with --environment', async () => {
    const args = ['explain', 'example-base.policy.ts', '--origin', 'http://localhost:3000', '--credentials'];
    expect((await runCli(args)).code).toBe(1);
    const dev = await runCli([...args, '--environment', 'development']);
    expect(dev.code).toBe(0);
    expect(dev.stdout).toContain('(environment: development)');
  });

  it('explains route rules: a credentialed call to a `*` route is refused by the browser', async () => {
    const result = await runCli(['explain', 'example-base.policy.ts', '--origin', 'https://any.example', '--path', '/public/x', '--credentials']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('route /public/**');
  });

  it('prints the explanation as JSON with --format json', async () => {
    const result = await runCli(['explain', 'clean.policy.ts', '--origin', 'https://myapp.com', '--method', 'POST', '--header', 'content-type', '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { policy: string; allowed: boolean; preflight: { needed: boolean }; actual: { kind: string } };
    expect(json).toMatchObject({ policy: 'clean-api', allowed: true, preflight: { needed: true }, actual: { kind: 'actual-allowed' } });
  });

  it('asks for --origin and for --policy when a file holds several policies (exit 2)', async () => {
    const noOrigin = await runCli(['explain', 'clean.policy.ts']);
    expect(noOrigin.code).toBe(2);
    expect(noOrigin.stderr).toContain('--origin');
    const ambiguous = await runCli(['explain', 'multi.policy.ts', '--origin', 'https://myapp.com']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('choose one with --policy NAME');
    const chosen = await runCli(['explain', 'multi.policy.ts', '--origin', 'https://myapp.com', '--policy', 'shop-api']);
    expect(chosen.code).toBe(0);
  });

  it('says which origin source it cannot see into, as core words a source, and refuses (exit 1)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-explain-sources-'));
    try {
      const file = join(dir, 'tenants.policy.json');
      await writeFile(file, JSON.stringify({ name: 'tenant-api', origins: ['https://app.example.com', { source: 'tenant-domains', credentials: true, methods: ['GET', 'POST'] }], methods: ['GET', 'POST', 'PUT'] }));
      const result = await runCli(['explain', file, '--origin', 'https://shop.customer.example']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        "Explain cannot see the source's contents (origins from tenant-domains, looked up at run time, credentials (cookies) allowed, methods GET, POST): if the running service finds the origin there, it gets these rules; if not, it is refused.",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints the issues of an invalid policy and exits 1', async () => {
    const result = await runCli(['explain', 'invalid-input.policy.ts', '--origin', 'https://myapp.com']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is invalid');
    expect(result.stderr).toContain('origins/wildcard-with-credentials');
  });
});
