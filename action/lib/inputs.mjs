// Inputs arrive as environment variables (set in action.yml's `env:`), never interpolated into scripts.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** A problem with how the action was configured: reported as one error, the step fails. */
export class ActionInputError extends Error {
  name = 'ActionInputError';
}

/** Reads a boolean input as YAML 1.2 core does: true/True/TRUE, false/False/FALSE. */
export function readBoolean(name, raw, fallback) {
  const value = (raw ?? '').trim();
  if (value === '') return fallback;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new ActionInputError(`Input "${name}" must be true or false (got "${value}").`);
}

/** The `timeout` input: seconds for each CLI call, a positive integer of at most six hours. */
export function readTimeoutSeconds(raw) {
  const value = (raw ?? '').trim();
  if (value === '') return 180;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || Number(value) > 21_600) {
    throw new ActionInputError(`Input "timeout" must be a whole number of seconds between 1 and 21600 (got "${value}").`);
  }
  return Number(value);
}

/** The directory the action works in: `working-directory` inside the workspace. */
export function resolveWorkingDirectory(raw, env = process.env) {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const dir = resolve(workspace, (raw ?? '').trim() || '.');
  const rel = relative(workspace, dir);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new ActionInputError(`Input "working-directory" must be inside the workspace (got "${raw}").`);
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ActionInputError(`Input "working-directory" is not a directory: "${raw}".`);
  }
  return dir;
}

/** Runs a step's main function: an expected failure is one `::error::` line and exit code 1. */
export async function runStep(main, { annotate }) {
  try {
    await main();
  } catch (error) {
    const message = error instanceof ActionInputError ? error.message : `cors-policy action: unexpected error: ${error?.stack ?? error}`;
    annotate('error', { title: 'cors-policy' }, message);
    process.exitCode = 1;
  }
}
