import { unknownEnvironmentIssue } from './environment-name.js';
import { CorsPolicyError, type PolicyIssue } from './policy-issue.js';
import type { CompiledCorsPolicy } from './compiled-data.js';
import { isDevelopmentOnly, switchEnvironment, toRuntimePolicy, type RuntimeCorsPolicy } from './runtime-policy.js';

/** Where environment selection writes its boot lines. `console` fits; so does pino or winston. */
export interface PolicyLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface SelectPolicyEnvironmentOptions {
  /** The variable naming the environment. Default `APP_ENV`. */
  readonly variable?: string | undefined;
  /** The environment variables, e.g. `process.env` (core never reads `process` itself). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Load a `developmentOnly` overlay even though `NODE_ENV` is `production` (a production build run
   * locally, e.g. end-to-end tests). Logged as a warning. Default false.
   */
  readonly allowDevelopmentOnlyInProduction?: boolean | undefined;
  /** Default `console`. */
  readonly logger?: PolicyLogger | undefined;
}

/** Per logger, the policies already announced: a second call for the same policy logs nothing. */
const announced = new WeakMap<PolicyLogger, WeakSet<object>>();

/**
 * The selection rules shared by both entries: unset or empty → the base policy; an unknown name → a
 * `CorsPolicyError` listing the known ones; a `developmentOnly` overlay while `NODE_ENV` is
 * `production` → refused unless allowed. Logs once per policy and logger; `warningsOf` adds the
 * policy's own warnings where they are known (authoring).
 */
export function selectEnvironment(policy: RuntimeCorsPolicy, options: SelectPolicyEnvironmentOptions, warningsOf: (chosen: RuntimeCorsPolicy) => string[] = () => []): RuntimeCorsPolicy {
  const variable = options.variable ?? 'APP_ENV';
  const base = switchEnvironment(policy, undefined);
  const raw = ownValue(options.env, variable);
  const label = `CORS policy "${base.name}"`;
  if (raw === undefined || raw === '') {
    announce(base, options.logger, [`${label}: loaded the base policy (${variable} is not set).`], warningsOf(base));
    return base;
  }
  if (!base.environments.includes(raw)) {
    throw new CorsPolicyError(base.name, [unknownEnvironmentIssue(raw, base.environments, `was selected by ${variable}`)]);
  }
  const production = ownValue(options.env, 'NODE_ENV') === 'production';
  const extra: string[] = [];
  if (production && isDevelopmentOnly(base, raw)) {
    if (options.allowDevelopmentOnlyInProduction !== true) throw new CorsPolicyError(base.name, [developmentOnlyIssue(raw, variable)]);
    extra.push(`${label}: environment "${raw}" is developmentOnly but NODE_ENV is "production"; loaded because allowDevelopmentOnlyInProduction is set.`);
  }
  const chosen = switchEnvironment(base, raw);
  announce(chosen, options.logger, [`${label}: loaded environment "${raw}" (${variable}=${raw}).`], [...extra, ...warningsOf(chosen)]);
  return chosen;
}

/**
 * Picks a compiled policy's environment from an environment variable, the way a service does at boot
 * (the runtime twin of `selectPolicyEnvironment` in `@org/cors-core`, which also logs the policy's
 * warnings: compiled data carries none).
 *
 * @example
 * const policy = selectPolicyEnvironment(loadCompiledPolicy(compiled), { env: process.env }); // reads APP_ENV
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/environments.md
 */
export function selectPolicyEnvironment(policy: RuntimeCorsPolicy | CompiledCorsPolicy, options: SelectPolicyEnvironmentOptions): RuntimeCorsPolicy {
  return selectEnvironment(toRuntimePolicy(policy), options);
}

function ownValue(env: Readonly<Record<string, string | undefined>>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(env, key) ? env[key] : undefined;
}

function developmentOnlyIssue(name: string, variable: string): PolicyIssue {
  return {
    code: 'environments/development-only-in-production',
    severity: 'error',
    path: ['environments', name, 'developmentOnly'],
    message: `${variable} selects the environment "${name}", which is marked developmentOnly, while NODE_ENV is "production": refusing to widen a production service to development origins.`,
    hint: `Unset ${variable} (or name a production environment) in production. For a production build that really runs locally, pass allowDevelopmentOnlyInProduction: true.`,
    value: name,
  };
}

function announce(policy: RuntimeCorsPolicy, logger: PolicyLogger | undefined, info: readonly string[], warnings: readonly string[]): void {
  const target = logger ?? console;
  let seen = announced.get(target);
  if (seen === undefined) announced.set(target, (seen = new WeakSet()));
  if (seen.has(policy)) return;
  seen.add(policy);
  for (const line of info) target.info(line);
  for (const line of warnings) target.warn(line);
}
