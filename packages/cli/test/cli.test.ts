import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('cors-policy', () => {
  it('prints usage with --help (exit 0) and without a command (exit 2)', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['check', 'compile', 'explain', 'render', 'diff', 'schema', 'migrate']) expect(help.stdout).toContain(`cors-policy ${command}`);
    expect((await runCli([])).code).toBe(2);
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = await runCli(['--version']);
    expect(result.stdout.trim()).toBe(version);
  });

  it('rejects an unknown command with exit 2', async () => {
    const result = await runCli(['lint', 'x.ts']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "lint"');
  });
});
