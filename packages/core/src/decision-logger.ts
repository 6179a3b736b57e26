import { describeDecisionEvent, type CorsDecisionEvent } from './decision-events.js';

/** Anything with pino's (or winston's, or `console`'s) `info`/`warn`: `(object, message)`. */
export interface DecisionLogSink {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface DecisionLoggerOptions {
  /** Also log allowed requests (at `info`). Default false: refusals and report-only differences only. */
  readonly allowed?: boolean | undefined;
}

/**
 * An `onDecision` hook that writes events to a structured logger: refusals and report-only
 * differences at `warn`, allowed requests (when asked for) at `info`. The event goes under the `cors`
 * key (clear of pino's own `level`, `time`, `msg`), the message is {@link describeDecisionEvent}'s line.
 *
 * @example
 * import pino from 'pino';
 * app.use(cors(policy, { onDecision: decisionLogger(pino()) }));
 * // {"level":40,"time":…,"cors":{"kind":"actual-refused","reason":"origin-not-allowed",…},"msg":"CORS refused request from …"}
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/decision-events.md
 */
export function decisionLogger(logger: DecisionLogSink, options: DecisionLoggerOptions = {}): (event: CorsDecisionEvent) => void {
  const allowed = options.allowed === true;
  return (event) => {
    if (event.reportOnly || event.kind.endsWith('-refused')) logger.warn({ cors: event }, describeDecisionEvent(event));
    else if (allowed) logger.info({ cors: event }, describeDecisionEvent(event));
  };
}
