// Step 1: validate the inputs, expand `policy-files`, pick the CLI; later steps read config.json.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveCliCommand } from './lib/cli.mjs';
import { describeFiles, expandPolicyFiles } from './lib/files.mjs';
import { readBoolean, readTimeoutSeconds, resolveWorkingDirectory, runStep, ActionInputError } from './lib/inputs.mjs';
import { annotate, info, setOutput } from './lib/workflow.mjs';
import { writeState } from './lib/state.mjs';

await runStep(async () => {
  const env = process.env;
  const [major] = process.versions.node.split('.').map(Number);
  if (major < 20) throw new ActionInputError(`The action needs Node.js 20 or later on the runner (found ${process.version}).`);
  // Read every input once here, so a typo fails before any policy code runs.
  if (readBoolean('fail-on-loosening', env.INPUT_FAIL_ON_LOOSENING, true) && (env.INPUT_APPROVAL_LABEL ?? '').trim() === '') {
    throw new ActionInputError('Input "approval-label" is empty: with "fail-on-loosening" on, name the label that approves a loosening.');
  }
  readBoolean('site', env.INPUT_SITE, true);
  readBoolean('comment', env.INPUT_COMMENT, true);
  const timeoutSeconds = readTimeoutSeconds(env.INPUT_TIMEOUT);
  const cwd = resolveWorkingDirectory(env.INPUT_WORKING_DIRECTORY, env);
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const cli = resolveCliCommand({ cli: env.INPUT_CLI, cliVersion: env.INPUT_CLI_VERSION, actionPath: env.GITHUB_ACTION_PATH ?? '' });
  const files = describeFiles(expandPolicyFiles(env.INPUT_POLICY_FILES, cwd), { cwd, workspace });

  const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'cors-policy-review-'));
  env.CORS_REVIEW_DIR = dir;
  writeState('config', { cwd, workspace, cli, timeoutSeconds, files });
  setOutput('work-dir', dir);
  info(`cors-policy: ${files.length} policy file${files.length === 1 ? '' : 's'}: ${files.map((f) => f.annotationPath).join(', ')}`);
  info(`cors-policy: CLI command: ${cli.join(' ')}`);
}, { annotate });
