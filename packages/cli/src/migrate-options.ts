/*
 * Translates the options of another CORS library into a policy input. Pure: the CLI reads the file.
 *
 * Anchors (read from the packages' own code and docs):
 * - `cors` 2.8 (Express; also what Nest's `enableCors` passes on): origin (default `*`; `true`
 *   reflects any origin; string is sent as is; RegExp/array/function), methods (default
 *   GET,HEAD,PUT,PATCH,POST,DELETE), allowedHeaders (alias `headers`; unset reflects the request's
 *   headers), exposedHeaders, credentials, maxAge (seconds), preflightContinue, optionsSuccessStatus (204).
 * - `@koa/cors` 5: origin (default `*`; string or function of ctx; with credentials `*` reflects the
 *   request origin), allowMethods (default GET,HEAD,PUT,POST,DELETE,PATCH), exposeHeaders,
 *   allowHeaders (unset reflects), maxAge (seconds, string or number), credentials (boolean or
 *   function), keepHeadersOnError, secureContext, privateNetworkAccess.
 * - Nest `CorsOptions`: the `cors` options above; `app.enableCors()` / `{ cors: true }` means defaults.
 */

/** Which library the options come from. */
export type MigrationSource = 'cors' | 'koa' | 'nest';

/** Something the migration could not carry over as is, or did differently. */
export interface MigrationNote {
  /** `error`: the written policy will not load until a person decides; `warning`: behaviour changes; `info`: for the record. */
  readonly severity: 'error' | 'warning' | 'info';
  /** The source option, e.g. `origin` or `origin[1]`. */
  readonly option: string;
  readonly message: string;
}

/** The policy input, plus per-field comments for the generated file. */
export interface MigrationResult {
  /** A policy input; `origins` is `[]` when a person must list them. */
  readonly input: Record<string, unknown>;
  readonly notes: readonly MigrationNote[];
  /** TODO comments keyed by the policy field they belong above. */
  readonly todos: Readonly<Record<string, string>>;
}

const DEFAULT_METHODS: Record<MigrationSource, string> = {
  cors: 'GET,HEAD,PUT,PATCH,POST,DELETE',
  nest: 'GET,HEAD,PUT,PATCH,POST,DELETE',
  koa: 'GET,HEAD,PUT,POST,DELETE,PATCH',
};

const KNOWN_OPTIONS: Record<MigrationSource, readonly string[]> = {
  cors: ['origin', 'methods', 'allowedHeaders', 'headers', 'exposedHeaders', 'credentials', 'maxAge', 'preflightContinue', 'optionsSuccessStatus'],
  nest: ['origin', 'methods', 'allowedHeaders', 'exposedHeaders', 'credentials', 'maxAge', 'preflightContinue', 'optionsSuccessStatus'],
  koa: ['origin', 'allowMethods', 'exposeHeaders', 'allowHeaders', 'maxAge', 'credentials', 'keepHeadersOnError', 'secureContext', 'privateNetworkAccess'],
};

const LIBRARY: Record<MigrationSource, string> = { cors: '`cors`', koa: '`@koa/cors`', nest: 'Nest `enableCors`' };

/**
 * Migrates an options object of `cors`, `@koa/cors` or Nest's `enableCors` to a policy input,
 * reporting every option that cannot be carried over and why. Never guesses trust: reflected or
 * computed origins become an empty list with an error note, so the policy does not load until a
 * person lists the origins.
 *
 * @example
 * const { input, notes } = migrateCorsOptions({ origin: ['https://a.example'], credentials: true }, 'cors', { name: 'api' });
 */
export function migrateCorsOptions(options: unknown, from: MigrationSource, meta: { name: string }): MigrationResult {
  const notes: MigrationNote[] = [];
  const todos: Record<string, string> = {};
  const note = (severity: MigrationNote['severity'], option: string, message: string) => notes.push({ severity, option, message });
  const lib = LIBRARY[from];

  let opts: Record<string, unknown>;
  if (options === true || options === undefined) {
    opts = {};
    note('info', '(options)', `${from === 'nest' ? '`cors: true` / `enableCors()`' : 'No options'}: the library defaults apply.`);
  } else if (typeof options === 'function') {
    note('error', '(options)', `An options delegate (a function computing options per request) cannot be migrated: export the options object instead.`);
    opts = {};
  } else if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    note('error', '(options)', `Expected an options object, got ${describeValue(options)}.`);
    opts = {};
  } else {
    opts = options as Record<string, unknown>;
  }

  const input: Record<string, unknown> = { name: meta.name };
  const credentials = migrateCredentials(opts, note, todos);

  // Origins.
  const origins = migrateOrigins(opts['origin'], from, credentials, note, todos);
  input['origins'] = origins;
  if (credentials) input['credentials'] = true;

  // Methods: make the library default explicit, since ours (GET, HEAD, POST) is narrower.
  const methodsKey = from === 'koa' ? 'allowMethods' : 'methods';
  const rawMethods = opts[methodsKey];
  let methods = rawMethods === undefined ? splitList(DEFAULT_METHODS[from]) : toList(rawMethods, methodsKey, note);
  if (rawMethods === undefined) note('info', methodsKey, `Not set: ${lib} defaults to ${DEFAULT_METHODS[from]}, written out explicitly.`);
  if (methods !== undefined) {
    if (methods.some((m) => m.toUpperCase() === 'OPTIONS')) {
      note('info', methodsKey, 'OPTIONS dropped: it is the preflight itself and needs no entry.');
      methods = methods.filter((m) => m.toUpperCase() !== 'OPTIONS');
    }
    const missingSimple = ['GET', 'HEAD', 'POST'].filter((m) => !methods?.some((x) => x.toUpperCase() === m));
    if (missingSimple.length > 0 && methods.length > 0) {
      note(
        'warning',
        methodsKey,
        `${lib} only advertised methods in preflights, so cross-origin ${missingSimple.join('/')} requests still worked; the policy binds them too (no CORS headers for ${missingSimple.join('/')}). Add them if pages use them.`,
      );
    }
    input['methods'] = methods;
  }

  // Allowed request headers.
  const headersKey = from === 'koa' ? 'allowHeaders' : opts['allowedHeaders'] === undefined && opts['headers'] !== undefined ? 'headers' : 'allowedHeaders';
  if (opts[headersKey] === undefined) {
    note(
      'warning',
      headersKey,
      `Not set: ${lib} echoed back whatever headers a page asked for (including Authorization). The policy allows only listed headers: list the ones your clients send.`,
    );
    todos['allowHeaders'] = `${lib} allowed every requested header. List the headers pages send, e.g. allowHeaders: ['Content-Type', 'Authorization'].`;
  } else {
    const headers = toList(opts[headersKey], headersKey, note);
    if (headers !== undefined && headers.length > 0) input['allowHeaders'] = headers;
  }

  const exposeKey = from === 'koa' ? 'exposeHeaders' : 'exposedHeaders';
  if (opts[exposeKey] !== undefined) {
    const exposed = toList(opts[exposeKey], exposeKey, note);
    if (exposed !== undefined && exposed.length > 0) input['exposeHeaders'] = exposed;
  }

  if (opts['maxAge'] !== undefined) {
    const raw = opts['maxAge'];
    const seconds = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
    if (Number.isFinite(seconds)) input['maxAge'] = seconds;
    else note('error', 'maxAge', `${describeValue(raw)} is not a number of seconds; not migrated.`);
  }

  // Preflight behaviour (cors / Nest only).
  const preflight: Record<string, unknown> = {};
  if (from !== 'koa') {
    if (opts['preflightContinue'] === true) {
      preflight['continueToApp'] = true;
      note('info', 'preflightContinue', 'Mapped to preflight.continueToApp: allowed preflights get their headers, then reach your OPTIONS handlers.');
    }
    const status = opts['optionsSuccessStatus'];
    if (status !== undefined && status !== 204) {
      if (status === 200) {
        preflight['successStatus'] = 200;
      } else {
        note('error', 'optionsSuccessStatus', `${describeValue(status)} is not an ok status browsers accept for preflights; only 200 or 204 can be migrated.`);
      }
    }
  }
  if (Object.keys(preflight).length > 0) input['preflight'] = preflight;

  // @koa/cors only.
  if (from === 'koa') {
    if (opts['privateNetworkAccess'] === true) {
      input['privateNetwork'] = true;
      note('warning', 'privateNetworkAccess', 'Mapped to privateNetwork: true. Private Network Access is deprecated (Chrome put it on hold); the policy check will warn.');
    }
    if (opts['secureContext'] === true) {
      note('warning', 'secureContext', 'Cross-Origin-Opener-Policy / Cross-Origin-Embedder-Policy are not CORS; set them with a separate middleware. Not migrated.');
    }
    if (opts['keepHeadersOnError'] !== undefined) {
      note('info', 'keepHeadersOnError', 'Not a policy setting: the adapter sets CORS headers before your handlers run. Not migrated.');
    }
  } else if (opts['privateNetworkAccess'] !== undefined) {
    note('warning', 'privateNetworkAccess', `${lib} ignores this option, so it was never in effect; not migrated (enabling it would loosen the policy).`);
  }

  for (const key of Object.keys(opts)) {
    if (!KNOWN_OPTIONS[from].includes(key) && key !== 'privateNetworkAccess') {
      note('warning', key, `Unknown ${lib} option; not migrated.`);
    }
  }

  note(
    'info',
    '(behaviour)',
    `Refused preflights: ${lib} answered every preflight with success (leaving out the allow headers); the policy answers 403 with no CORS headers. Browsers block the request either way.`,
  );
  return { input, notes, todos };
}

function migrateCredentials(
  opts: Record<string, unknown>,
  note: (s: MigrationNote['severity'], o: string, m: string) => void,
  todos: Record<string, string>,
): boolean {
  const raw = opts['credentials'];
  if (raw === undefined || raw === false) return false;
  if (raw === true) return true;
  if (typeof raw === 'function') {
    note('error', 'credentials', 'A function decides credentials per request; the policy needs true or false (use a route rule for paths that differ).');
    todos['credentials'] = 'credentials were computed per request: choose true or false (route rules can differ per path).';
    return true;
  }
  note('error', 'credentials', `${describeValue(raw)} is not a boolean; treated as on.`);
  return true;
}

function migrateOrigins(
  origin: unknown,
  from: MigrationSource,
  credentials: boolean,
  note: (s: MigrationNote['severity'], o: string, m: string) => void,
  todos: Record<string, string>,
): string[] {
  const lib = LIBRARY[from];
  const mustList = (message: string) => {
    note('error', 'origin', message);
    todos['origins'] = `${message} List the exact origins (https://app.example.com) or subdomain patterns (https://*.example.com).`;
    return [];
  };
  if (origin === undefined || origin === '*') {
    if (origin === undefined) note('info', 'origin', `Not set: ${lib} defaults to \`*\` (any origin).`);
    if (credentials) {
      return mustList(
        from === 'koa'
          ? '`*` with credentials: @koa/cors then reflects every origin, so any site can read users\' data (CVE-2023-49803).'
          : '`*` with credentials: browsers refuse it, so credentialed calls never worked.',
      );
    }
    return ['*'];
  }
  if (origin === true) return mustList('`origin: true` reflects every request origin: any site could read responses.');
  if (origin === false) return mustList('`origin: false` disables CORS: there is nothing to migrate.');
  if (typeof origin === 'function') return mustList('A function decides origins at request time and cannot be read statically.');
  if (typeof origin === 'string') return [origin];
  if (origin instanceof RegExp) {
    reportRegExp(origin, 'origin', note);
    return mustList('A RegExp origin cannot be migrated.');
  }
  if (Array.isArray(origin)) {
    const out: string[] = [];
    origin.forEach((entry, i) => {
      if (typeof entry === 'string') out.push(entry);
      else if (entry instanceof RegExp) reportRegExp(entry, `origin[${i}]`, note);
      else note('error', `origin[${i}]`, `${describeValue(entry)} is not an origin; not migrated.`);
    });
    if (out.length === 0) return mustList('No origin in the list could be migrated.');
    if (out.length < origin.length) {
      todos['origins'] = 'Some entries were RegExps or invalid: add the origins they stood for (see the migration report).';
    }
    return out;
  }
  return mustList(`${describeValue(origin)} is not a supported origin setting.`);
}

function reportRegExp(re: RegExp, option: string, note: (s: MigrationNote['severity'], o: string, m: string) => void): void {
  const anchored = re.source.startsWith('^') && re.source.endsWith('$');
  const domain = /((?:[a-z0-9-]+\\\.)+[a-z]{2,})\$?$/i.exec(re.source)?.[1]?.replace(/\\\./g, '.');
  const hint = domain === undefined ? '' : ` If it meant subdomains of ${domain}, write 'https://*.${domain}' (and 'https://${domain}' for the apex).`;
  note(
    'error',
    option,
    `RegExp ${String(re)} cannot be migrated: policies compare origins exactly or with validated subdomain patterns.${anchored ? '' : ' It is not anchored at both ends (^…$), so it also matched other schemes or look-alike hosts.'}${hint}`,
  );
}

function toList(value: unknown, option: string, note: (s: MigrationNote['severity'], o: string, m: string) => void): string[] | undefined {
  if (typeof value === 'string') return splitList(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.flatMap((v: string) => splitList(v));
  note('error', option, `${describeValue(value)} is not a list or comma-separated string; not migrated.`);
  return undefined;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function describeValue(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (value instanceof RegExp) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Field order of the generated file: how a reader scans a policy. */
const FIELD_ORDER = ['name', 'origins', 'credentials', 'methods', 'allowHeaders', 'exposeHeaders', 'maxAge', 'privateNetwork', 'preflight'];

/**
 * The TypeScript policy file for a migration: `export default definePolicy({...})` with a TODO
 * comment above every field a person must decide.
 */
export function policySourceFromMigration(result: MigrationResult, header: string): string {
  const lines = [
    "import { definePolicy } from '@org/cors-core';",
    '',
    '/*',
    ...header.split('\n').map((l) => ` * ${l}`.trimEnd()),
    ' */',
    'export default definePolicy({',
  ];
  const fields = [...FIELD_ORDER, ...Object.keys(result.input).filter((k) => !FIELD_ORDER.includes(k))];
  for (const field of fields) {
    const todo = result.todos[field];
    if (todo !== undefined) lines.push(`  // TODO(cors-policy migrate): ${todo}`);
    if (result.input[field] !== undefined) lines.push(`  ${field}: ${literal(result.input[field], '  ')},`);
  }
  lines.push('});', '');
  return lines.join('\n');
}

function literal(value: unknown, indent: string): string {
  if (typeof value === 'string') return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, indent)).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const inner = `${indent}  `;
    const entries = Object.entries(value).map(([k, v]) => `${inner}${k}: ${literal(v, inner)},`);
    return `{\n${entries.join('\n')}\n${indent}}`;
  }
  return 'undefined';
}
