// Finding and running the `cors-policy` CLI: no shell, a time limit, a scrubbed environment.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ActionInputError } from './inputs.mjs';

/** What each documented exit code of `cors-policy` means (docs/cli.md). */
export const EXIT_MEANINGS = {
  0: 'ok',
  1: 'findings',
  2: 'usage error: the action called the CLI wrongly, or a policy file or git revision is missing',
  3: 'a policy file could not be loaded',
  4: 'a policy file did not finish loading (the CLI time limit, or it ended the process itself)',
  70: 'internal error in the CLI',
};

/**
 * Splits the `cli` input into argv like a shell would split words, without running a shell:
 * whitespace separates, '…' and "…" quote, nothing is expanded.
 */
export function splitCommand(command) {
  const words = [];
  let word = null;
  let quote = null;
  for (const char of command) {
    if (quote !== null) {
      if (char === quote) quote = null;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote !== null) throw new ActionInputError(`Input "cli" has an unclosed ${quote} quote.`);
  if (word !== null) words.push(word);
  return words;
}

/** A version or dist-tag for `npx @org/cors-cli@<version>`: nothing that npm reads as a path or URL. */
const VERSION = /^(?:v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?|[a-z][a-z0-9-]{0,40})$/;

/**
 * The command to run: the `cli` input when given, else `npx --yes @org/cors-cli@<version>`, where the
 * version defaults to the CLI released with this copy of the action.
 */
export function resolveCliCommand({ cli, cliVersion, actionPath }) {
  if ((cli ?? '').trim() !== '') {
    const argv = splitCommand(cli.trim());
    if (argv.length === 0) throw new ActionInputError('Input "cli" is empty.');
    return argv;
  }
  let version = (cliVersion ?? '').trim();
  if (version === '') {
    try {
      version = JSON.parse(readFileSync(join(actionPath, 'packages/cli/package.json'), 'utf8')).version;
    } catch {
      throw new ActionInputError('Cannot tell which @org/cors-cli this action ships with: set the "cli-version" input.');
    }
  }
  if (!VERSION.test(version)) throw new ActionInputError(`Input "cli-version" must be a version or a dist-tag (got "${version}").`);
  return ['npx', '--yes', `@org/cors-cli@${version.replace(/^v/, '')}`];
}

// Variables a policy file (the PR's code, run by the CLI) must not see or write to.
const SCRUBBED = /^(?:GITHUB_(?:TOKEN|OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)|ACTIONS_(?:RUNTIME_TOKEN|RUNTIME_URL|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL|RESULTS_URL|CACHE_URL)|INPUT_.*|CORS_REVIEW_.*)$/;

/** The environment for the CLI: the step's, less tokens and the runner's command files. */
export function cliEnvironment(env = process.env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) if (!SCRUBBED.test(key)) out[key] = value;
  out.NO_COLOR = '1';
  return out;
}

const MAX_OUTPUT = 32 * 1024 * 1024;

/**
 * Runs the CLI with `args`, in its own process group so the time limit stops everything it started.
 * Resolves to { code, signal, timedOut, stdout, stderr }; never rejects for the child's behaviour.
 */
export function runCli(command, args, { cwd, timeoutMs, env = process.env }) {
  return new Promise((resolvePromise) => {
    const [file, ...prefix] = command;
    let child;
    try {
      child = spawn(file, [...prefix, ...args], { cwd, env: cliEnvironment(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (error) {
      resolvePromise({ code: null, signal: null, timedOut: false, stdout: '', stderr: '', spawnError: String(error?.message ?? error) });
      return;
    }
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let overflow = false;
    let spawnError;
    const killGroup = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const collect = (which) => (chunk) => {
      if (which === 'out') stdout += chunk;
      else stderr += chunk;
      if (stdout.length + stderr.length > MAX_OUTPUT && !overflow) {
        overflow = true;
        killGroup();
      }
    };
    child.stdout.setEncoding('utf8').on('data', collect('out'));
    child.stderr.setEncoding('utf8').on('data', collect('err'));
    child.on('error', (error) => {
      spawnError = String(error?.message ?? error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Whatever the CLI left running (a policy's timers, npx's children) ends with it.
      if (child.pid !== undefined) killGroup();
      resolvePromise({ code, signal, timedOut, overflow, stdout, stderr, spawnError });
    });
  });
}

/** Why a CLI run is not a usable answer, or undefined when its exit code is 0 or 1. */
export function describeRunFailure(result, timeoutSeconds) {
  if (result.spawnError) return `could not start the CLI: ${result.spawnError}`;
  if (result.timedOut) return `did not finish within ${timeoutSeconds} s (input "timeout"): the action stopped it — a policy that never settles or never exits?`;
  if (result.overflow) return 'printed more than 32 MiB: the action stopped it';
  if (result.code === 0 || result.code === 1) return undefined;
  if (result.code === null) return `was killed by ${result.signal ?? 'a signal'}`;
  const said = firstLine(result.stderr);
  return `exited with code ${result.code}: ${EXIT_MEANINGS[result.code] ?? 'not a documented exit code'}${said === '' ? '' : ` — ${said}`}`;
}

/** The CLI's own first line of explanation (it escapes control characters; annotations escape the rest). */
function firstLine(text) {
  const line = String(text ?? '').trim().split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** Whether the CLI refused a command it does not know (an older CLI without `site`). */
export function isUnknownCommand(result, command) {
  return result.code === 2 && new RegExp(`unknown command "?${command}"?`, 'i').test(result.stderr);
}
