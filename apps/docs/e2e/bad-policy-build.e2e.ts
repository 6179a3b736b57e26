import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatIssues, parsePolicy } from '@org/cors-core';
import { afterAll, describe, expect, it } from 'vitest';
import { badPolicyInput } from '../test/fixtures/bad.policy';

const appDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs a Node script in apps/docs with extra environment, capturing stdout and stderr together. */
function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: appDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const nextBin = fileURLToPath(new URL('../node_modules/next/dist/bin/next', import.meta.url));

// This runs a real `next build` of apps/docs: never start another build of this app meanwhile.
describe('a bad policy', () => {
  afterAll(async () => {
    // Point the generated module list back at the configured policies.
    await run(['scripts/write-policy-modules.mjs'], { CORS_DOCS_POLICY_MODULES: '' });
  });

  it('fails `next build` with core\'s lint report and leaves the previous export in out/ untouched', async () => {
    const env = { CORS_DOCS_POLICY_MODULES: './test/fixtures/bad.policy.ts' };
    const index = `${appDir}/out/index.html`;
    const before = existsSync(index) ? statSync(index).mtimeMs : undefined;

    const generated = await run(['scripts/write-policy-modules.mjs'], env);
    expect(generated.code).toBe(0);
    const build = await run([nextBin, 'build'], env);

    const expected = parsePolicy(badPolicyInput);
    expect(expected.ok).toBe(false);
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('Policy "bad-api" in ./test/fixtures/bad.policy.ts (export badPolicyInput):');
    expect(build.output).toContain(formatIssues(expected.issues));
    expect(existsSync(index) ? statSync(index).mtimeMs : undefined).toBe(before);
  }, 240_000);
});
