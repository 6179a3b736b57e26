import { policyForEnvironment } from './define-policy.js';
import { unknownEnvironmentIssue } from './environment-name.js';
import type { CorsPolicy } from './policy.js';
import { CorsPolicyError, formatIssuePath, type PolicyIssue } from './policy-issue.js';
import type { PolicyInput } from './policy-schema.js';
import { toPolicy } from './to-policy.js';

/** Where `selectPolicyEnvironment` writes its boot lines. `console` fits; so does pino or winston. */
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
const announced = new WeakMap<PolicyLogger, WeakSet<CorsPolicy>>();

/**
 * Picks the policy's environment from an environment variable, the way a service does at boot:
 * unset or empty → the base policy; a name the policy does not define → a `CorsPolicyError` listing the
 * known ones; an overlay marked `developmentOnly` while `NODE_ENV` is `production` → refused unless
 * `allowDevelopmentOnlyInProduction`. Logs once per policy and logger: one line naming the policy, the
 * environment loaded (or the base policy) and the variable, then one line per unacknowledged warning.
 *
 * @example
 * const policy = selectPolicyEnvironment(apiPolicy, { env: process.env }); // reads APP_ENV
 * app.use(cors(policy));
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/environments.md
 */
export function selectPolicyEnvironment(policyOrInput: CorsPolicy | PolicyInput, options: SelectPolicyEnvironmentOptions): CorsPolicy {
  const variable = options.variable ?? 'APP_ENV';
  const base = policyForEnvironment(toPolicy(policyOrInput), undefined);
  const raw = ownValue(options.env, variable);
  const label = `CORS policy "${base.name}"`;
  if (raw === undefined || raw === '') {
    announce(base, options.logger, [`${label}: loaded the base policy (${variable} is not set).`], []);
    return base;
  }
  if (!base.environments.includes(raw)) {
    throw new CorsPolicyError(base.name, [unknownEnvironmentIssue(raw, base.environments, `was selected by ${variable}`)]);
  }
  const overlay = base.source.environments?.[raw];
  const production = ownValue(options.env, 'NODE_ENV') === 'production';
  const extra: string[] = [];
  if (overlay?.developmentOnly === true && production) {
    if (options.allowDevelopmentOnlyInProduction !== true) throw new CorsPolicyError(base.name, [developmentOnlyIssue(raw, variable)]);
    extra.push(`${label}: environment "${raw}" is developmentOnly but NODE_ENV is "production"; loaded because allowDevelopmentOnlyInProduction is set.`);
  }
  const chosen = policyForEnvironment(base, raw);
  announce(chosen, options.logger, [`${label}: loaded environment "${raw}" (${variable}=${raw}).`], extra);
  return chosen;
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

/** Warnings that concern the loaded environment: every one except those written inside another overlay. */
function relevantWarnings(policy: CorsPolicy): PolicyIssue[] {
  return policy.findings.filter((f) => f.severity === 'warning' && f.acknowledged === undefined && !(f.path[0] === 'environments' && f.path[1] !== policy.environment));
}

function announce(policy: CorsPolicy, logger: PolicyLogger | undefined, info: readonly string[], warnings: readonly string[]): void {
  const target = logger ?? console;
  let seen = announced.get(target);
  if (seen === undefined) announced.set(target, (seen = new WeakSet()));
  if (seen.has(policy)) return;
  seen.add(policy);
  for (const line of info) target.info(line);
  for (const line of warnings) target.warn(line);
  for (const f of relevantWarnings(policy)) target.warn(`CORS policy "${policy.name}": warning ${formatIssuePath(f.path)} ${f.code}: ${f.message}`);
}
