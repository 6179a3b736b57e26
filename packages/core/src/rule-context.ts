import type { IssuePath } from './policy-issue.js';
import { isSourceEntry, type OriginEntryInput, type OriginSourceInput, type PolicyInput } from './policy-schema.js';
import { shownEnvironment } from './environment-name.js';

/*
 * The rules that apply in one place of a policy (top level, a route, an environment, or a route in
 * an environment), each value remembering where it was written so that findings point there.
 */

export interface Located<T> {
  readonly value: T;
  /** Where the value was written; for defaults, the path of the field that would set it. */
  readonly path: IssuePath;
}

export interface RuleContext {
  /** Human label: "top level", "route /public/**", "environment development". */
  readonly label: string;
  readonly routeIndex: number | undefined;
  readonly environment: string | undefined;
  /** The string entries of the origins list (exact origins, patterns, `*`), each at its index in the list. */
  readonly origins: readonly Located<string>[];
  /** The origin sources listed, in declaration order, each at its index in the list. */
  readonly sources: readonly Located<OriginSourceInput>[];
  readonly credentials: Located<boolean>;
  readonly methods: readonly Located<string>[];
  readonly allowHeaders: readonly Located<string>[];
  readonly exposeHeaders: readonly Located<string>[];
  readonly maxAge: Located<number> | undefined;
  readonly privateNetwork: Located<boolean>;
  readonly disabled: boolean;
}

type RuleFields = Partial<Pick<PolicyInput, 'credentials' | 'methods' | 'allowHeaders' | 'exposeHeaders' | 'maxAge' | 'privateNetwork'>> & {
  readonly origins?: readonly OriginEntryInput[] | undefined;
};

export const DEFAULT_METHODS: readonly string[] = ['GET', 'HEAD', 'POST'];

function list(values: readonly string[] | undefined, path: IssuePath): Located<string>[] {
  return (values ?? []).map((value, i) => ({ value, path: [...path, i] }));
}

/** The string entries of an origins list, at their own indices (sources are kept apart). */
function originStrings(values: readonly OriginEntryInput[] | undefined, path: IssuePath): Located<string>[] {
  const out: Located<string>[] = [];
  (values ?? []).forEach((value, i) => { if (!isSourceEntry(value)) out.push({ value, path: [...path, i] }); });
  return out;
}

function originSources(values: readonly OriginEntryInput[] | undefined, path: IssuePath): Located<OriginSourceInput>[] {
  const out: Located<OriginSourceInput>[] = [];
  (values ?? []).forEach((value, i) => { if (isSourceEntry(value)) out.push({ value, path: [...path, i] }); });
  return out;
}

function topLevel(input: PolicyInput): RuleContext {
  return {
    label: 'top level',
    routeIndex: undefined,
    environment: undefined,
    origins: originStrings(input.origins, ['origins']),
    sources: originSources(input.origins, ['origins']),
    credentials: { value: input.credentials ?? false, path: ['credentials'] },
    methods: input.methods === undefined ? DEFAULT_METHODS.map((value) => ({ value, path: ['methods'] })) : list(input.methods, ['methods']),
    allowHeaders: list(input.allowHeaders, ['allowHeaders']),
    exposeHeaders: list(input.exposeHeaders, ['exposeHeaders']),
    maxAge: input.maxAge === undefined ? undefined : { value: input.maxAge, path: ['maxAge'] },
    privateNetwork: { value: input.privateNetwork ?? false, path: ['privateNetwork'] },
    disabled: false,
  };
}

/** `fields` replace the base's; with `addOrigins`, origins are appended instead (overlays). */
function overlay(base: RuleContext, fields: RuleFields, at: IssuePath, addOrigins: boolean): Omit<RuleContext, 'label' | 'routeIndex' | 'environment' | 'disabled'> {
  const origins = fields.origins === undefined
    ? base.origins
    : addOrigins
      ? base.origins.length === 1 && base.origins[0]?.value === '*' ? base.origins : [...base.origins, ...originStrings(fields.origins, [...at, 'origins'])]
      : originStrings(fields.origins, [...at, 'origins']);
  // Overlays add strings only; a route's own list replaces the sources too.
  const sources = fields.origins === undefined || addOrigins ? base.sources : originSources(fields.origins, [...at, 'origins']);
  return {
    origins,
    sources,
    credentials: fields.credentials === undefined ? base.credentials : { value: fields.credentials, path: [...at, 'credentials'] },
    methods: fields.methods === undefined ? base.methods : list(fields.methods, [...at, 'methods']),
    allowHeaders: fields.allowHeaders === undefined ? base.allowHeaders : list(fields.allowHeaders, [...at, 'allowHeaders']),
    exposeHeaders: fields.exposeHeaders === undefined ? base.exposeHeaders : list(fields.exposeHeaders, [...at, 'exposeHeaders']),
    maxAge: fields.maxAge === undefined ? base.maxAge : { value: fields.maxAge, path: [...at, 'maxAge'] },
    privateNetwork: fields.privateNetwork === undefined ? base.privateNetwork : { value: fields.privateNetwork, path: [...at, 'privateNetwork'] },
  };
}

/** Top-level rules with the environment overlay applied (`undefined` = base policy). */
export function topContext(input: PolicyInput, environment: string | undefined): RuleContext {
  const base = topLevel(input);
  const env = environment === undefined ? undefined : input.environments?.[environment];
  if (env === undefined || environment === undefined) return base;
  return { ...overlay(base, env, ['environments', environment], true), label: `environment ${shownEnvironment(environment)}`, routeIndex: undefined, environment, disabled: false };
}

/** Every route's rules, inheriting from `top`; overlay origins are added to routes that list their own. */
export function routeContexts(input: PolicyInput, top: RuleContext): RuleContext[] {
  const env = top.environment === undefined ? undefined : input.environments?.[top.environment];
  return (input.routes ?? []).map((route, index) => {
    const at: IssuePath = ['routes', index];
    let ctx = overlay(top, route, at, false);
    if (route.origins !== undefined && env?.origins !== undefined && top.environment !== undefined) {
      const own = ctx.origins;
      if (!(own.length === 1 && own[0]?.value === '*')) {
        ctx = { ...ctx, origins: [...own, ...originStrings(env.origins, ['environments', top.environment, 'origins'])] };
      }
    }
    return { ...ctx, label: `route ${route.path}`, routeIndex: index, environment: top.environment, disabled: route.disabled ?? false };
  });
}

/** Every place rules apply: base and each environment, each with its routes. */
export function allContexts(input: PolicyInput): RuleContext[] {
  const out: RuleContext[] = [];
  for (const environment of [undefined, ...Object.keys(input.environments ?? {})]) {
    const top = topContext(input, environment);
    out.push(top, ...routeContexts(input, top));
  }
  return out;
}
