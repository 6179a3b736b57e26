import type { EffectiveOriginSource } from './policy.js';

/*
 * The one wording of an origin source. Explain, the linter, the audit, the auditor site and the diff
 * all say a source with these words, so a reader meets one phrase everywhere; a report adds its own
 * details (refresh, timeout) around the phrase, never rewords it. "Credentials (cookies)": the
 * policy's field name first, so a developer finds it in the file, then the plain word for auditors.
 */

/** The phrase in three parts, so a report can show the name as code and keep the words around it. */
export interface SourceWording {
  /** `origins from ` */
  readonly before: string;
  /** The source's name (`tenant-domains`). */
  readonly name: string;
  /** `, looked up at run time, credentials (cookies) not allowed, methods GET, POST` */
  readonly after: string;
}

/**
 * A source as what it is, in parts: `before + name + after` is {@link describeSource}.
 *
 * @example
 * const w = sourceWording(source);
 * text`${w.before}${code(w.name)}${w.after}`; // a report's sentence, the name as code
 */
export function sourceWording(source: Pick<EffectiveOriginSource, 'name' | 'credentials' | 'methods'>): SourceWording {
  return { before: 'origins from ', name: source.name, after: `, looked up at run time, ${describeSourceCredentials(source.credentials)}, ${sourceMethods(source.methods)}` };
}

/**
 * A source as what it is: "origins from tenant-domains, looked up at run time, credentials (cookies)
 * not allowed, methods GET, HEAD, POST".
 *
 * @example
 * describeSource(policy.rules.sources[0]!)
 */
export function describeSource(source: Pick<EffectiveOriginSource, 'name' | 'credentials' | 'methods'>): string {
  const { before, name, after } = sourceWording(source);
  return `${before}${name}${after}`;
}

/** `credentials (cookies) allowed` or `credentials (cookies) not allowed`. */
export function describeSourceCredentials(credentials: boolean): string {
  return `credentials (cookies) ${allowed(credentials)}`;
}

/** A change of a source's credentials: `credentials (cookies) not allowed → allowed`. */
export function describeSourceCredentialsChange(before: boolean, after: boolean): string {
  return `${describeSourceCredentials(before)} → ${allowed(after)}`;
}

function allowed(credentials: boolean): string {
  return credentials ? 'allowed' : 'not allowed';
}

/** `methods GET, POST`, `method GET`, `any method` (`*`), or `no method`. */
function sourceMethods(methods: readonly string[]): string {
  if (methods.includes('*')) return 'any method';
  if (methods.length === 0) return 'no method';
  return `${methods.length === 1 ? 'method' : 'methods'} ${methods.join(', ')}`;
}
