import { requestFacts, resolveCors, type RuntimeCorsPolicy } from '@org/cors-core/runtime';
import { originLines, type HostileRequest } from './hostile-request.js';
import { isTenant } from './reliability-policy.js';
import type { RawResponse } from './raw-client.js';

/*
 * What must hold for every answer, whatever was sent. Stated without re-implementing the policy: an
 * origin the response allows must be one the policy allows on that path, and the exact bytes the
 * request sent in its single `Origin` line.
 */

export type ViolationKind =
  | 'server-error' | 'several-allow-origin' | 'wildcard-with-credentials' | 'origin-not-allowed-by-policy'
  | 'origin-not-echoed-exactly' | 'vary-origin-missing' | 'header-injected';

export interface Violation {
  readonly kind: ViolationKind;
  readonly detail: string;
}

/** The first rule `response` breaks for `request`, or `undefined`. */
export function checkResponse(policy: RuntimeCorsPolicy, request: HostileRequest, response: RawResponse): Violation | undefined {
  if (response.status >= 500) return { kind: 'server-error', detail: `status ${response.status}` };
  const values = (name: string) => response.headers.filter(([n]) => n === name).map(([, v]) => v);
  if (values('x-injected').length > 0) return { kind: 'header-injected', detail: 'a header smuggled in a request value came back' };
  const allowOrigin = values('access-control-allow-origin');
  if (allowOrigin.length === 0) return undefined;
  if (allowOrigin.length > 1) return { kind: 'several-allow-origin', detail: allowOrigin.join(' | ') };
  const origin = allowOrigin[0] as string;
  const credentials = values('access-control-allow-credentials').includes('true');
  if (origin === '*') return credentials ? { kind: 'wildcard-with-credentials', detail: 'ACAO * with ACAC true' } : undefined;
  const sent = originLines(request);
  if (sent.length !== 1 || sent[0] !== origin) {
    return { kind: 'origin-not-echoed-exactly', detail: `ACAO ${JSON.stringify(origin.slice(0, 120))} for Origin lines ${JSON.stringify(sent.map((s) => s.slice(0, 120)))}` };
  }
  const onPath = resolveCors(policy, requestFacts('GET', request.path, (name) => (name === 'origin' ? origin : undefined)));
  // A tenant's answer may have left the lookup cache since the response: the source itself says.
  const tenantAllowed = onPath.reason === 'source-unavailable' && isTenant(origin);
  if (onPath.kind !== 'actual-allowed' && !tenantAllowed) return { kind: 'origin-not-allowed-by-policy', detail: `${origin} on ${request.path}: ${onPath.reason}` };
  const vary = values('vary').join(',').split(',').map((token) => token.trim().toLowerCase());
  if (!vary.includes('origin') && !vary.includes('*')) return { kind: 'vary-origin-missing', detail: `${request.method} ${request.path}: Vary ${JSON.stringify(values('vary'))}` };
  return undefined;
}
