// Runs the composite action in action.yml as the Actions runner would: each step in order, `if:`
// conditions, `env:` and `with:` resolved from inputs, step outputs and the `github` context, run
// steps through `bash -eo pipefail`, outputs read back from $GITHUB_OUTPUT. `uses:` steps are handed
// to the test. The expression support is deliberately small: anything else throws, so a change to
// action.yml that this runner cannot follow fails the tests instead of being skipped.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { parseWorkflowCommands, type WorkflowCommand } from './workflow-commands.js';

interface ActionStep {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly shell?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
}

interface ActionYaml {
  readonly inputs: Record<string, { required?: boolean; default?: string }>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { using: string; steps: ActionStep[] };
}

export interface StepRun {
  readonly id: string;
  readonly outcome: 'success' | 'failure' | 'skipped';
  readonly stdout: string;
  readonly stderr: string;
  readonly commands: readonly WorkflowCommand[];
  readonly outputs: Readonly<Record<string, string>>;
  readonly with?: Readonly<Record<string, string>>;
}

export interface ActionRun {
  readonly success: boolean;
  readonly steps: readonly StepRun[];
  readonly outputs: Readonly<Record<string, string>>;
  /** Every workflow command the runner would have executed, in order. */
  readonly commands: readonly WorkflowCommand[];
  readonly summary: string;
  step(id: string): StepRun;
}

export interface RunOptions {
  /** Root of the action (the repository holding action.yml). */
  readonly actionPath: string;
  readonly inputs: Readonly<Record<string, string>>;
  readonly workspace: string;
  readonly eventPath: string;
  readonly apiUrl: string;
  readonly repository: string;
  readonly token: string;
  readonly runnerTemp: string;
  /** Handlers for `uses:` steps, by `uses` value; they return the step's outputs. */
  readonly uses?: Readonly<Record<string, (withInputs: Record<string, string>) => Promise<Record<string, string>> | Record<string, string>>>;
}

/** Reads action.yml; the tests run exactly this file. */
export async function loadAction(actionPath: string): Promise<ActionYaml> {
  const action = load(await readFile(join(actionPath, 'action.yml'), 'utf8')) as ActionYaml;
  if (action.runs.using !== 'composite') throw new Error(`Expected a composite action, got ${action.runs.using}`);
  return action;
}

function lookup(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Expression values as strings, as the runner gives them to `env:`: missing is ''. */
function asString(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

type Context = { inputs: Record<string, string>; steps: Record<string, { outputs: Record<string, string> }>; github: Record<string, unknown> };

function evaluateOperand(text: string, context: Context): unknown {
  const t = text.trim();
  const literal = /^'((?:[^']|'')*)'$/.exec(t);
  if (literal) return (literal[1] ?? '').replaceAll("''", "'");
  if (!/^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*$/.test(t)) throw new Error(`Unsupported expression: ${t}`);
  const [head = '', ...rest] = t.split('.');
  if (!(head in context)) throw new Error(`Unsupported context: ${head}`);
  return lookup((context as Record<string, unknown>)[head], rest);
}

/** `a`, `a == b`, `a != b`, joined with `&&`; `success()` and `always()`. */
function evaluateCondition(expression: string, context: Context, failed: boolean): boolean {
  return expression.split('&&').every((part) => {
    const p = part.trim();
    if (p === 'always()') return true;
    if (p === 'success()') return !failed;
    const cmp = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(p);
    if (cmp) {
      const equal = asString(evaluateOperand(cmp[1] ?? '', context)).toLowerCase() === asString(evaluateOperand(cmp[3] ?? '', context)).toLowerCase();
      return cmp[2] === '==' ? equal : !equal;
    }
    return asString(evaluateOperand(p, context)) !== '';
  });
}

/** Replaces each `${{ … }}` in a value with its string value. */
function interpolate(value: string, context: Context): string {
  return value.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => asString(evaluateOperand(expression, context)));
}

function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '');
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return outputs;
}

function runBash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // The runner's `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`.
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the action once with `options.inputs`. */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const action = await loadAction(options.actionPath);
  const event = JSON.parse(await readFile(options.eventPath, 'utf8')) as unknown;
  const github = { token: options.token, event, repository: options.repository, action_path: options.actionPath, workspace: options.workspace };
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const given = options.inputs[name];
    if (given === undefined && spec.required) throw new Error(`Missing required input ${name}`);
    inputs[name] = given ?? interpolate(spec.default ?? '', { inputs: {}, steps: {}, github });
  }
  for (const name of Object.keys(options.inputs)) if (!(name in action.inputs)) throw new Error(`Unknown input ${name}`);
  const context: Context = { inputs, steps: {}, github };
  const scratch = await mkdtemp(join(options.runnerTemp, 'runner-'));
  const summaryFile = join(scratch, 'step-summary.md');
  await writeFile(summaryFile, '');
  const runs: StepRun[] = [];
  let failed = false;
  try {
    for (const [index, step] of action.runs.steps.entries()) {
      const id = step.id ?? `__step${index}`;
      if (!evaluateCondition(step.if ?? 'success()', context, failed)) {
        runs.push({ id, outcome: 'skipped', stdout: '', stderr: '', commands: [], outputs: {} });
        context.steps[id] = { outputs: {} };
        continue;
      }
      if (step.uses !== undefined) {
        const withInputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), context)]));
        const handler = options.uses?.[step.uses];
        if (!handler) throw new Error(`No handler for uses: ${step.uses}`);
        const outputs = await handler(withInputs);
        runs.push({ id, outcome: 'success', stdout: '', stderr: '', commands: [], outputs, with: withInputs });
        context.steps[id] = { outputs };
        continue;
      }
      if (step.shell !== 'bash' || step.run === undefined) throw new Error(`Step ${id}: expected shell: bash and run:`);
      if (step.run.includes('${{')) throw new Error(`Step ${id}: expressions inside run: are not allowed (pass them through env:)`);
      const outputFile = join(scratch, `output-${index}`);
      await writeFile(outputFile, '');
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_ACTION_PATH: options.actionPath,
        GITHUB_EVENT_PATH: options.eventPath,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_API_URL: options.apiUrl,
        GITHUB_REPOSITORY: options.repository,
        RUNNER_TEMP: options.runnerTemp,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(String(v), context)])),
      };
      const result = await runBash(step.run, options.workspace, env);
      const outputs = readOutputs(await readFile(outputFile, 'utf8'));
      const outcome = result.code === 0 ? 'success' : 'failure';
      if (outcome === 'failure') failed = true;
      runs.push({ id, outcome, stdout: result.stdout, stderr: result.stderr, commands: parseWorkflowCommands(result.stdout), outputs });
      context.steps[id] = { outputs };
    }
    const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, spec]) => [name, interpolate(spec.value, context)]));
    const summary = await readFile(summaryFile, 'utf8');
    return {
      success: !failed,
      steps: runs,
      outputs,
      commands: runs.flatMap((r) => r.commands),
      summary,
      step(id: string) {
        const found = runs.find((r) => r.id === id);
        if (!found) throw new Error(`No step ${id}`);
        return found;
      },
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
