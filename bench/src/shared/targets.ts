/*
 * One line of the summary table: a target of issue 9, the figure measured in this run, and whether
 * it held. `value` is undefined when the contender could not be measured (printed as n/a, never MET).
 */
export interface TargetResult {
  readonly target: string;
  /** The measured figure as printed, e.g. "3.1 KB" or "12.3 ms". */
  readonly measured: string;
  /** The ratio or quantity compared with the limit (undefined: not measured). */
  readonly value: number | undefined;
  /** The limit as printed, e.g. "≤ 4 KB" or "≤ 1.5×". */
  readonly limit: string;
  readonly met: boolean;
  /** The run's spread for this figure, (max − min) / median, when it comes from samples. */
  readonly spread?: number | undefined;
  readonly note?: string | undefined;
}

export function target(
  name: string,
  measured: string,
  value: number | undefined,
  limit: string,
  holds: (value: number) => boolean,
  extra: { spread?: number | undefined; note?: string | undefined } = {},
): TargetResult {
  return { target: name, measured, value, limit, met: value !== undefined && Number.isFinite(value) && holds(value), ...extra };
}
