import { explain, policyForEnvironment } from '@org/cors-core';
import type { CorsPolicy } from '@org/cors-core';

/*
 * What the /live page knows before the browser runs anything: the requests it will make, the services
 * it will call, and core's prediction for each request. The page's own origin is only known in the
 * browser, so predictions are computed here for every exact origin the policy lists, plus one for
 * "any other origin" (exact only when no subdomain pattern could match the page instead).
 */

/** A `fetch()` the live page makes against every service. */
export interface LiveCheck {
  /** Slug: the row's `data-check`. */
  readonly id: string;
  readonly title: string;
  readonly method: string;
  readonly path: string;
  /** Request headers the page sets (name → value). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  /** `credentials: 'include'`. */
  readonly credentials: boolean;
  /** A response header the page tries to read once the response is readable. */
  readonly readsHeader?: string | undefined;
}

/** A running service the page calls. The query string can override its URL by `id` or `label`. */
export interface LiveService {
  /** Query-string key, e.g. `express` (`?express=http://127.0.0.1:5000`). */
  readonly id: string;
  /** Column heading, e.g. `Express`; accepted as a query-string key too. */
  readonly label: string;
  /** Default base URL (an origin: scheme, host, port). */
  readonly url: string;
}

/** Core's answer for one check from one origin. */
export interface LivePrediction {
  readonly allowed: boolean;
  readonly summary: string;
}

/** Plain data the page's script reads (serialised into the page as JSON). */
export interface LiveData {
  readonly checks: readonly LiveCheck[];
  readonly services: readonly LiveService[];
  /** Origin → check id → prediction, for every exact origin the policy lists. */
  readonly predictions: Readonly<Record<string, Readonly<Record<string, LivePrediction>>>>;
  /** For an origin not listed exactly. */
  readonly otherOrigin: {
    /** False when the policy has subdomain/port patterns: an unlisted origin might match one. */
    readonly certain: boolean;
    readonly predictions: Readonly<Record<string, LivePrediction>>;
  };
}

/** Builds the live page's data: the base policy loaded for `environment`, asked every check from every origin it lists. */
export function buildLiveData(policy: CorsPolicy, environment: string | undefined, checks: readonly LiveCheck[], services: readonly LiveService[]): LiveData {
  const loaded = environment === undefined ? policy : policyForEnvironment(policy, environment);
  const entries = [loaded.rules.origins, ...loaded.routes.filter((r) => !r.disabled).map((r) => r.origins)].flat();
  const exact = [...new Set(entries.filter((o) => o !== '*' && o !== 'null' && !o.includes('*')))].sort();
  const predict = (origin: string, shownAs = origin): Record<string, LivePrediction> =>
    Object.fromEntries(checks.map((check) => {
      const answer = explain(loaded, { origin, method: check.method, path: check.path, headers: Object.keys(check.headers), credentials: check.credentials });
      return [check.id, { allowed: answer.allowed, summary: answer.summary.split(origin).join(shownAs) }];
    }));
  const other = unlistedOrigin(exact);
  return {
    checks,
    services,
    predictions: Object.fromEntries(exact.map((origin) => [origin, predict(origin)])),
    otherOrigin: { certain: !entries.some((o) => o !== '*' && o.includes('*')), predictions: predict(other, 'an origin the policy does not list') },
  };
}

/** An origin no entry lists (`.invalid` is reserved: it can never be a real site). */
function unlistedOrigin(listed: readonly string[]): string {
  let n = 0;
  while (listed.includes(`https://unlisted-${n}.invalid`)) n++;
  return `https://unlisted-${n}.invalid`;
}
