import {
  ALLOWED_ORIGIN, BENCH_PATH, PREFLIGHT_HEADERS, PREFLIGHT_METHOD, REFUSED_ORIGIN, TENANT_ORIGIN,
} from '../shared/bench-rules.js';

export type HttpScenarioName = 'allowed GET' | 'allowed preflight' | 'refused origin' | 'no Origin' | 'tenant GET';

export interface HttpScenario {
  readonly name: HttpScenarioName;
  readonly method: 'GET' | 'OPTIONS';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Whether a contender that enforces the policy must grant this request (ACAO = the Origin). */
  readonly granted: boolean;
  /** Whether a granted answer carries `Access-Control-Allow-Credentials: true` (a source's origins: no). */
  readonly credentials: boolean;
}

/** The four requests of the adapter bench, as the load generator sends them. */
export const HTTP_SCENARIOS: readonly HttpScenario[] = [
  { name: 'allowed GET', method: 'GET', path: BENCH_PATH, headers: { origin: ALLOWED_ORIGIN }, granted: true, credentials: true },
  {
    name: 'allowed preflight',
    method: 'OPTIONS',
    path: BENCH_PATH,
    headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': PREFLIGHT_METHOD, 'access-control-request-headers': PREFLIGHT_HEADERS },
    granted: true,
    credentials: true,
  },
  { name: 'refused origin', method: 'GET', path: BENCH_PATH, headers: { origin: REFUSED_ORIGIN }, granted: false, credentials: false },
  { name: 'no Origin', method: 'GET', path: BENCH_PATH, headers: {}, granted: false, credentials: false },
];

/**
 * A GET from a tenant origin that only the `ours+source` contender's lookup source holds (granted
 * without credentials: source defaults). The other contenders refuse it, so only that one is timed on it.
 */
export const TENANT_SCENARIO: HttpScenario = {
  name: 'tenant GET', method: 'GET', path: BENCH_PATH, headers: { origin: TENANT_ORIGIN }, granted: true, credentials: false,
};

export type Contender = 'bare' | 'ours' | 'anchor';
export const CONTENDERS: readonly Contender[] = ['bare', 'ours', 'anchor'];

/**
 * Production variants of `ours`, timed against plain `ours`: the seed policy plus a bound lookup
 * source (`ours+source`), and plain enforcement with a report-only candidate and a counting
 * `onDecision` hook (`ours+report-only`). See variant-policies.ts.
 */
export type OursVariant = 'ours+source' | 'ours+report-only';
export const OURS_VARIANTS: readonly OursVariant[] = ['ours+source', 'ours+report-only'];

/** Every server the adapter bench can start for a Node framework. */
export type ServerName = Contender | OursVariant;
export const SERVER_NAMES: readonly ServerName[] = [...CONTENDERS, ...OURS_VARIANTS];

/**
 * What is wrong with a contender's answer to a scenario, or `undefined` when it did the expected
 * CORS work: `bare` sends no CORS headers at all; the others grant exactly the allowed scenarios
 * (with credentials where the scenario says so, and with the requested method and headers on
 * preflights). Used by the smoke test and by the adapter bench before it measures anything.
 */
export function corsProblem(scenario: HttpScenario, contender: ServerName, status: number, headers: Headers): string | undefined {
  const acao = headers.get('access-control-allow-origin');
  if (status >= 500) return `status ${status}`;
  if (contender === 'bare' || !scenario.granted) {
    return acao === null ? undefined : `unexpected Access-Control-Allow-Origin: ${acao}`;
  }
  if (acao !== scenario.headers['origin']) return `Access-Control-Allow-Origin is ${acao}, expected ${scenario.headers['origin']}`;
  const acac = headers.get('access-control-allow-credentials');
  if (scenario.credentials && acac !== 'true') return 'no Access-Control-Allow-Credentials: true';
  if (!scenario.credentials && acac !== null) return `unexpected Access-Control-Allow-Credentials: ${acac}`;
  if (scenario.method === 'OPTIONS') {
    if (status < 200 || status > 299) return `preflight status ${status}`;
    const methods = (headers.get('access-control-allow-methods') ?? '').split(',').map((m) => m.trim());
    if (!methods.includes(PREFLIGHT_METHOD)) return `Access-Control-Allow-Methods lacks ${PREFLIGHT_METHOD}`;
    const allowed = (headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',').map((h) => h.trim());
    for (const name of PREFLIGHT_HEADERS.split(',')) if (!allowed.includes(name)) return `Access-Control-Allow-Headers lacks ${name}`;
  } else if (status !== 200) {
    return `status ${status}`;
  }
  return undefined;
}
