import {
  ALLOWED_ORIGIN, BENCH_PATH, PREFLIGHT_HEADERS, PREFLIGHT_METHOD, REFUSED_ORIGIN,
} from '../shared/bench-rules.js';

export type HttpScenarioName = 'allowed GET' | 'allowed preflight' | 'refused origin' | 'no Origin';

export interface HttpScenario {
  readonly name: HttpScenarioName;
  readonly method: 'GET' | 'OPTIONS';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Whether a contender that enforces the policy must grant this request (ACAO = the Origin). */
  readonly granted: boolean;
}

/** The four requests of the adapter bench, as the load generator sends them. */
export const HTTP_SCENARIOS: readonly HttpScenario[] = [
  { name: 'allowed GET', method: 'GET', path: BENCH_PATH, headers: { origin: ALLOWED_ORIGIN }, granted: true },
  {
    name: 'allowed preflight',
    method: 'OPTIONS',
    path: BENCH_PATH,
    headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': PREFLIGHT_METHOD, 'access-control-request-headers': PREFLIGHT_HEADERS },
    granted: true,
  },
  { name: 'refused origin', method: 'GET', path: BENCH_PATH, headers: { origin: REFUSED_ORIGIN }, granted: false },
  { name: 'no Origin', method: 'GET', path: BENCH_PATH, headers: {}, granted: false },
];

export type Contender = 'bare' | 'ours' | 'anchor';
export const CONTENDERS: readonly Contender[] = ['bare', 'ours', 'anchor'];

/**
 * What is wrong with a contender's answer to a scenario, or `undefined` when it did the expected
 * CORS work: `bare` sends no CORS headers at all; `ours` and `anchor` grant exactly the allowed
 * scenarios (with credentials, and with the requested method and headers on preflights). Used by the
 * smoke test and by the adapter bench before it measures anything.
 */
export function corsProblem(scenario: HttpScenario, contender: Contender, status: number, headers: Headers): string | undefined {
  const acao = headers.get('access-control-allow-origin');
  if (status >= 500) return `status ${status}`;
  if (contender === 'bare' || !scenario.granted) {
    return acao === null ? undefined : `unexpected Access-Control-Allow-Origin: ${acao}`;
  }
  if (acao !== scenario.headers['origin']) return `Access-Control-Allow-Origin is ${acao}, expected ${scenario.headers['origin']}`;
  if (headers.get('access-control-allow-credentials') !== 'true') return 'no Access-Control-Allow-Credentials: true';
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
