// Runs this repository's action.yml against a pull request repository, with the built CLI.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction, type ActionRun } from './composite.js';
import { temporaryDir, type PullRequestRepo } from './git-fixture.js';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const cliBin = join(repoRoot, 'packages/cli/dist/bin.js');

/** Whether the built CLI has the `site` command (another change adds it). */
export const cliHasSite = (() => {
  try {
    return /^\s*cors-policy site\b/m.test(execFileSync(process.execPath, [cliBin, '--help'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
})();

export interface Upload {
  readonly with: Record<string, string>;
}

export async function review(
  repo: PullRequestRepo,
  event: unknown,
  options: { apiUrl: string; inputs?: Record<string, string>; uploads?: Upload[] },
): Promise<ActionRun> {
  const runnerTemp = await temporaryDir('cors-action-runner-');
  const eventPath = join(runnerTemp, 'event.json');
  await writeFile(eventPath, JSON.stringify(event));
  return runAction({
    actionPath: repoRoot,
    workspace: repo.dir,
    eventPath,
    apiUrl: options.apiUrl,
    repository: 'org/shop',
    token: 'test-token',
    runnerTemp,
    inputs: { 'policy-files': 'policies/*.policy.ts', cli: `node "${cliBin}"`, ...options.inputs },
    uses: {
      'actions/upload-artifact@v4': (withInputs) => {
        options.uploads?.push({ with: withInputs });
        return { 'artifact-url': 'https://github.example/org/shop/actions/runs/1/artifacts/2' };
      },
    },
  });
}
