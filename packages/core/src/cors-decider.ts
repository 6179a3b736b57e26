import type { CorsDecision } from './decision.js';
import { decisionEvent, type CorsDecisionEvent } from './decision-events.js';
import { assertDeveloperModeAllowed, developerModeDecision } from './developer-mode.js';
import { reportOnlyEvent } from './report-only.js';
import type { RequestFacts } from './request-facts.js';
import { resolveCors } from './resolve.js';
import type { RuntimeCorsPolicy } from './runtime-policy.js';

/**
 * What an adapter may add to enforcing a policy, as every adapter's options spell it (`Candidate`: the
 * policy forms that adapter accepts). All off by default, and free when off: the adapter keeps its
 * plain path.
 *
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/decision-events.md
 */
export interface CorsEventOptions<Candidate = RuntimeCorsPolicy> {
  /**
   * Receives one {@link CorsDecisionEvent} per CORS request (requests without `Origin` produce none),
   * and one per report-only difference, synchronously, before the response is written: keep it cheap
   * (count, or hand to an async logger such as pino). A hook that throws never breaks the response:
   * the error goes to `onError`. `decisionLogger(logger)` is a ready one.
   */
  readonly onDecision?: ((event: CorsDecisionEvent) => void) | undefined;
  /**
   * Receives what `onDecision` throws. Default: `console.error` on the first error of this adapter
   * (later ones are dropped, so a broken hook cannot flood the log).
   */
  readonly onError?: ((error: unknown) => void) | undefined;
  /**
   * A candidate policy resolved beside the enforced one (under the same environment): every request
   * it would answer differently gives `onDecision` an event with `reportOnly: true`. It never changes
   * a response. Needs `onDecision`.
   */
  readonly reportOnly?: Candidate | undefined;
  /**
   * Developer mode: refusals name their cause in the browser console and in a `CORS-Policy-Refusal`
   * response header (see `developerModeDecision`). Refused at construction with `DeveloperModeError`
   * when `NODE_ENV` is `production`. Default false.
   */
  readonly developerMode?: boolean | undefined;
}

/** {@link CorsEventOptions} as core takes them: a loaded candidate, and the environment variables. */
export interface CorsObservationOptions extends CorsEventOptions {
  /**
   * The environment variables (`process.env`), read for `NODE_ENV` when developer mode is on; required
   * then (core never reads `process` itself). The adapters pass it for you.
   */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** Decides one request: the enforced policy's decision, as the adapter must write it. */
export type CorsDecider = (facts: RequestFacts) => CorsDecision;

/** Whether any option asks for more than enforcing the policy. */
export function isObserving<O extends CorsEventOptions<unknown>>(options: O | undefined): options is O {
  return options !== undefined && (options.onDecision !== undefined || options.reportOnly !== undefined || options.developerMode === true);
}

/**
 * Binds the per-request decision for a policy and the options: `resolveCors`, then (only when asked
 * for) the decision event, the report-only comparison and developer mode. Without options it is
 * `resolveCors` bound to the policy. Throws `DeveloperModeError` for developer mode in production, and a
 * `TypeError` for developer mode without `env` or report-only without `onDecision`.
 *
 * @example
 * const decide = corsDecider(policy, { onDecision: (e) => refusals.inc({ reason: e.reason }) });
 * writeNodeDecision(res, decide(requestFacts(req.method, req.url, (n) => req.headers[n])));
 */
export function corsDecider(policy: RuntimeCorsPolicy, options?: CorsObservationOptions): CorsDecider {
  if (!isObserving(options)) return (facts) => resolveCors(policy, facts);
  return observingDecider(policy, checkedObservation(options));
}

/**
 * {@link corsDecider} for options already checked: a host that also decides on a path of its own
 * shares one `Observation` with it, so `onDecision` has one guard (and logs its first error once).
 */
export function observingDecider(policy: RuntimeCorsPolicy, { emit, reportOnly, developerMode }: Observation): CorsDecider {
  return (facts) => {
    const decision = resolveCors(policy, facts);
    if (emit !== undefined) {
      const event = decisionEvent(policy, facts, decision);
      if (event !== undefined) emit(event);
      if (reportOnly !== undefined) {
        const candidate = reportOnlyEvent(reportOnly, facts, decision);
        if (candidate !== undefined) emit(candidate);
      }
    }
    return developerMode ? developerModeDecision(policy, facts, decision) : decision;
  };
}

/** Observation options, checked: what a decider does besides resolving. */
export interface Observation {
  /** `onDecision`, guarded: it never throws. */
  readonly emit: ((event: CorsDecisionEvent) => void) | undefined;
  readonly reportOnly: RuntimeCorsPolicy | undefined;
  readonly developerMode: boolean;
}

/**
 * Checks the options once, at construction: `DeveloperModeError` for developer mode in production, a
 * `TypeError` for developer mode without `env` or report-only without `onDecision`.
 */
export function checkedObservation(options: CorsObservationOptions): Observation {
  const developerMode = options.developerMode === true;
  if (developerMode) {
    if (options.env === undefined) throw new TypeError('developerMode needs env (e.g. process.env): it is refused when NODE_ENV is "production".');
    assertDeveloperModeAllowed(options.env);
  }
  const { onDecision, reportOnly } = options;
  if (reportOnly !== undefined && onDecision === undefined) {
    throw new TypeError('reportOnly needs onDecision: report-only events go nowhere else (e.g. onDecision: decisionLogger(logger)).');
  }
  return { emit: onDecision === undefined ? undefined : guarded(onDecision, options.onError), reportOnly, developerMode };
}

/** `onDecision`, never throwing: errors go to `onError`, or to `console.error` once. */
function guarded(onDecision: (event: CorsDecisionEvent) => void, onError: ((error: unknown) => void) | undefined): (event: CorsDecisionEvent) => void {
  let reported = false;
  const report = (error: unknown) => {
    if (onError !== undefined) {
      try {
        onError(error);
      } catch {
        // An onError that throws too: nothing left to tell, and the response must still go out.
      }
      return;
    }
    if (reported) return;
    reported = true;
    console.error('CORS onDecision threw; the response was not affected. Further errors of this hook are not logged.', error);
  };
  return (event) => {
    try {
      onDecision(event);
    } catch (error) {
      report(error);
    }
  };
}
