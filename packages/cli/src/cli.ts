import { parseArgs, type ParseArgsConfig } from 'node:util';
import packageJson from '../package.json' with { type: 'json' };
import { ExitCode, LOAD_ERROR_EXIT_CODE, UsageError, type CliIo } from './cli-io.js';
import { checkCommand } from './commands/check.js';
import { compileCommand } from './commands/compile.js';
import { diffCommand } from './commands/diff.js';
import { explainCommand } from './commands/explain.js';
import { migrateCommand } from './commands/migrate.js';
import { renderCommand } from './commands/render.js';
import { reportOnlyCommand } from './commands/report-only.js';
import { schemaCommand } from './commands/schema.js';
import { siteCommand } from './commands/site.js';
import { InvalidPolicyError } from './commands/shared.js';
import { PolicyLoadError } from '@org/cors-loader';
import { escapeControlCharacters, escapeLine } from './terminal-text.js';

const HELP = `cors-policy — check, compile, explain, render, diff and migrate CORS policies, and summarise report-only events

Usage:
  cors-policy check <policies…> [--format text|json] [--max-warnings N] [--environment NAME] [--timeout S]
  cors-policy compile <policies|folders…> --out FILE.json|.js|.mjs|.cjs|.ts [--environment NAME] [--check] [--timeout S]
  cors-policy explain <policy> --origin O [--method M] [--header H]… [--path P] [--credentials]
                      [--environment NAME] [--policy NAME] [--format text|json] [--timeout S]
  cors-policy render <policy> [--format md|html|json] [--out FILE] [--environment NAME] [--policy NAME] [--timeout S]
  cors-policy diff <base> <head> [--format md|json] [--policy NAME] [--fail-on-loosening] [--timeout S]
  cors-policy schema
  cors-policy site <files|folders…> --out DIR [--environment NAME] [--title TEXT] [--timeout S]
                   [--report-only EVENTS.jsonl]… [--skip-invalid]
  cors-policy migrate <options.json|.js|.ts> --from cors|koa|nest [--name NAME] [--out FILE] [--export NAME] [--force]
  cors-policy report-only <events.jsonl…> [--format md|json] [--skip-invalid] [--fail-on-break]

A <policy> is a .ts/.js/.json policy file, git:<ref>:<path> (read from git), or a package in
node_modules (@acme/cors-policies or @acme/cors-policies/cors.policy.json). Policy modules run in a
worker with a time limit: --timeout S seconds (default 10).

Exit codes:
  0   ok
  1   policy errors, refused request, loosening with --fail-on-loosening, a stale file with compile --check,
      or a caller the candidate would break with report-only --fail-on-break
  2   usage: bad arguments, missing file, invalid git ref or path
  3   a policy file could not be loaded (syntax error, threw, exported no policy, nested too deep)
  4   a policy file did not finish loading (time limit, or it ended the process itself)
  5   bad input data: an events file has lines that are not decision events (report-only, or site --report-only,
      without --skip-invalid)
  70  internal error (a bug in cors-policy)
Docs: https://github.com/org/cors-policy-as-code/blob/main/docs/cli.md
`;

const COMMON = { help: { type: 'boolean', short: 'h' } } as const;
/** Options of every command that loads policy files. */
const LOADING = { ...COMMON, timeout: { type: 'string' } } as const;

const COMMANDS = {
  check: { ...LOADING, format: { type: 'string' }, 'max-warnings': { type: 'string' }, environment: { type: 'string' } },
  compile: { ...LOADING, out: { type: 'string' }, environment: { type: 'string' }, check: { type: 'boolean' } },
  explain: {
    ...LOADING,
    origin: { type: 'string' },
    method: { type: 'string' },
    header: { type: 'string', multiple: true },
    path: { type: 'string' },
    credentials: { type: 'boolean' },
    environment: { type: 'string' },
    policy: { type: 'string' },
    format: { type: 'string' },
  },
  render: { ...LOADING, format: { type: 'string' }, out: { type: 'string' }, environment: { type: 'string' }, policy: { type: 'string' } },
  diff: { ...LOADING, format: { type: 'string' }, policy: { type: 'string' }, 'fail-on-loosening': { type: 'boolean' } },
  schema: { ...COMMON },
  site: {
    ...LOADING,
    out: { type: 'string' },
    environment: { type: 'string' },
    title: { type: 'string' },
    'report-only': { type: 'string', multiple: true },
    'skip-invalid': { type: 'boolean' },
  },
  migrate: {
    ...COMMON,
    from: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string' },
    export: { type: 'string' },
    force: { type: 'boolean' },
  },
  'report-only': { ...COMMON, format: { type: 'string' }, 'skip-invalid': { type: 'boolean' }, 'fail-on-break': { type: 'boolean' } },
} as const satisfies Record<string, NonNullable<ParseArgsConfig['options']>>;

type CommandName = keyof typeof COMMANDS;

/**
 * Runs the CLI with arguments (without `node` and the script) and returns the exit code. Never
 * throws for expected failures: usage errors, missing files and bad policies become messages.
 */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // Policy text is hostile: no control characters reach the terminal raw, whatever the command prints.
  const io: CliIo = {
    cwd: rawIo.cwd,
    stdout: (text) => rawIo.stdout(escapeControlCharacters(text)),
    stderr: (text) => rawIo.stderr(escapeControlCharacters(text)),
  };
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${packageJson.version}\n`);
    return ExitCode.Ok;
  }
  if (!(command in COMMANDS)) {
    io.stderr(`cors-policy: unknown command "${escapeLine(command)}"\n\n${HELP}`);
    return ExitCode.Usage;
  }
  try {
    return await dispatch(command as CommandName, rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cors-policy ${command}: ${error.message}\nRun cors-policy --help for usage.\n`);
      return ExitCode.Usage;
    }
    if (error instanceof PolicyLoadError) {
      io.stderr(`cors-policy ${command}: ${error.message}\n`);
      return LOAD_ERROR_EXIT_CODE[error.code];
    }
    if (error instanceof InvalidPolicyError) {
      io.stderr(`cors-policy ${command}: ${error.message}\n`);
      return ExitCode.Failure;
    }
    io.stderr(`${internalErrorLine(error)}\n`);
    return ExitCode.Internal;
  }
}

/** An unexpected error as one line (never a stack): exit code 70. */
export function internalErrorLine(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    text = 'an error that cannot be described';
  }
  return `cors-policy: internal error: ${escapeLine(text.split('\n', 1)[0] ?? '')} (please report this)`;
}

/** `--timeout S` in milliseconds (default: the loader's 10 s). */
function timeoutMs(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (!(raw.trim() !== '' && Number.isFinite(seconds) && seconds > 0 && seconds <= 3600)) {
    throw new UsageError(`--timeout must be a number of seconds between 0 and 3600 (got "${escapeLine(raw)}")`);
  }
  return Math.ceil(seconds * 1000);
}

async function dispatch(command: CommandName, args: readonly string[], io: CliIo): Promise<number> {
  let parsed: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: COMMANDS[command], allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values: v, positionals } = parsed;
  if (v['help'] === true) {
    io.stdout(HELP);
    return ExitCode.Ok;
  }
  const str = (name: string) => v[name] as string | undefined;
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = str(name) ?? fallback;
    if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return value as T;
  };
  const timeout = timeoutMs(str('timeout'));
  const noExtra = (max: number) => {
    if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}"`);
  };

  switch (command) {
    case 'check': {
      const raw = str('max-warnings');
      const maxWarnings = raw === undefined ? undefined : Number(raw);
      if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= -1)) {
        throw new UsageError(`--max-warnings must be an integer ≥ -1 (got "${raw}")`);
      }
      return checkCommand(
        { files: positionals, format: oneOf('format', ['text', 'json'], 'text'), maxWarnings, environment: str('environment'), timeoutMs: timeout },
        io,
      );
    }
    case 'compile':
      return compileCommand({ paths: positionals, out: str('out'), environment: str('environment'), check: v['check'] === true, timeoutMs: timeout }, io);
    case 'explain':
      noExtra(1);
      return explainCommand(
        {
          file: positionals[0],
          origin: str('origin'),
          method: str('method'),
          headers: (v['header'] as string[] | undefined) ?? [],
          path: str('path'),
          credentials: v['credentials'] === true,
          environment: str('environment'),
          policy: str('policy'),
          format: oneOf('format', ['text', 'json'], 'text'),
          timeoutMs: timeout,
        },
        io,
      );
    case 'render':
      noExtra(1);
      return renderCommand(
        { file: positionals[0], format: oneOf('format', ['md', 'html', 'json'], 'md'), out: str('out'), environment: str('environment'), policy: str('policy'), timeoutMs: timeout },
        io,
      );
    case 'diff':
      noExtra(2);
      return diffCommand(
        {
          base: positionals[0],
          head: positionals[1],
          format: oneOf('format', ['md', 'json'], 'md'),
          policy: str('policy'),
          failOnLoosening: v['fail-on-loosening'] === true,
          timeoutMs: timeout,
        },
        io,
      );
    case 'schema':
      noExtra(0);
      return schemaCommand(io);
    case 'site':
      return siteCommand(
        {
          paths: positionals,
          out: str('out'),
          environment: str('environment'),
          title: str('title'),
          timeoutMs: timeout,
          reportOnly: v['report-only'] as string[] | undefined,
          skipInvalid: v['skip-invalid'] === true,
        },
        io,
      );
    case 'migrate':
      noExtra(1);
      return migrateCommand(
        { file: positionals[0], from: str('from'), name: str('name'), out: str('out'), exportName: str('export'), force: v['force'] === true },
        io,
      );
    case 'report-only':
      return reportOnlyCommand(
        { files: positionals, format: oneOf('format', ['md', 'json'], 'md'), skipInvalid: v['skip-invalid'] === true, failOnBreak: v['fail-on-break'] === true },
        io,
      );
  }
}
