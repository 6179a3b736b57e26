import type { z } from 'zod';
import type { IssuePath, PolicyIssue } from './policy-issue.js';

/*
 * Turns zod's structural issues into policy issues with rule codes and fix hints. Unknown keys get a
 * suggestion: other libraries' option names map to ours, typos to the closest known key.
 */

const OTHER_VOCABULARY: Readonly<Record<string, string>> = {
  origin: 'origins',
  allowedOrigins: 'origins',
  allowOrigins: 'origins',
  allowOrigin: 'origins',
  allowedHeaders: 'allowHeaders',
  allowHeader: 'allowHeaders',
  exposedHeaders: 'exposeHeaders',
  allowMethods: 'methods',
  allowedMethods: 'methods',
  allowCredentials: 'credentials',
  optionsSuccessStatus: 'preflight.successStatus',
  preflightContinue: 'preflight.continueToApp',
  privateNetworkAccess: 'privateNetwork',
  allowPrivateNetwork: 'privateNetwork',
  maxage: 'maxAge',
  'max-age': 'maxAge',
};

const LIST_EXAMPLES: Readonly<Record<string, string>> = {
  origins: '["https://app.example.com"]',
  methods: '["GET", "POST"]',
  allowHeaders: '["Content-Type", "Authorization"]',
  exposeHeaders: '["X-Request-Id"]',
  owners: '["platform-team"]',
  headers: '["Authorization"]',
};

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

function unknownKeyHint(key: string, known: readonly string[]): string {
  // Own keys only: `__proto__`, `constructor`… would otherwise read Object.prototype's members.
  const mapped = Object.prototype.hasOwnProperty.call(OTHER_VOCABULARY, key) ? OTHER_VOCABULARY[key] : undefined;
  if (mapped !== undefined) return `This policy calls it \`${mapped}\`.`;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3))) return `Did you mean \`${best}\`?`;
  return `Remove it. Known keys here: ${known.join(', ')}.`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value === 'object' ? 'an object' : typeof value} ${typeof value === 'object' ? '' : String(value)}`.trim();
}

function valueAt(input: unknown, path: IssuePath): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, key) ? (cur as Record<string | number, unknown>)[key] : undefined;
  }
  return cur;
}

/** Keys the schema knows at the object found at `path`. */
export type KnownKeys = (path: IssuePath) => readonly string[];

type ZodIssue = z.ZodError['issues'][number];

export function schemaIssues(error: z.ZodError, input: unknown, knownKeys: KnownKeys): PolicyIssue[] {
  return issuesAt(error.issues, [], input, knownKeys);
}

/** Whether a value is written like a source entry (an object, not a list). */
const isPlainObject = (value: unknown): boolean => value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value));

function issuesAt(issues: readonly ZodIssue[], prefix: IssuePath, input: unknown, knownKeys: KnownKeys): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_union') {
      // An origin entry is a string or a source entry: a plain object is reported as a source entry,
      // anything else as before sources existed (the string branch's issues).
      const value = valueAt(input, path);
      const objectBranch = issue.errors.find((branch) => branch.every((i) => i.path.length > 0 || i.code !== 'invalid_type'));
      const branch = isPlainObject(value) ? objectBranch : issue.errors.find((b) => b !== objectBranch);
      if (branch !== undefined) {
        out.push(...issuesAt(branch, path, input, knownKeys));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ code: 'policy/unknown-key', severity: 'error', path: [...path, key], message: `Unknown key \`${key}\`.`, hint: unknownKeyHint(key, knownKeys(path)), value: key });
      }
      continue;
    }
    const value = valueAt(input, path);
    if (issue.code === 'invalid_type') {
      if (issue.expected === 'number' && typeof value === 'number') {
        // NaN and ±Infinity are numbers to JavaScript but not to JSON, and never valid settings.
        out.push({ code: 'policy/invalid-shape', severity: 'error', path, message: `Expected a finite number, got ${String(value)}.`, hint: 'Write a finite number, e.g. 600.' });
        continue;
      }
      const missing = value === undefined;
      const expected = String(issue.expected);
      out.push({
        code: 'policy/invalid-shape',
        severity: 'error',
        path,
        message: missing ? `Required field is missing (expected ${expected}).` : `Expected ${expected}, got ${describe(value)}.`,
        hint: missing ? `Add \`${String(path[path.length - 1] ?? 'it')}\`.` : expected === 'boolean' ? 'Write true or false without quotes.' : expected === 'number' ? 'Write a number without quotes.' : expected === 'array' ? `Write a list, e.g. ${LIST_EXAMPLES[String(path[path.length - 1])] ?? '["…"]'}.` : `Write a value of type ${expected}.`,
      });
      continue;
    }
    out.push({ code: 'policy/invalid-shape', severity: 'error', path, message: issue.message, hint: 'See the policy reference for the allowed values.' });
  }
  return out;
}
