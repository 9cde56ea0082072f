/**
 * Rates (率) over counts. A rate whose denominator is 0 is `null`: there was nothing to measure, so
 * the report shows "—" and the composite score leaves the indicator out and spreads its weight over
 * the others. Neither 0 (punishing someone who had no such case) nor 1 (rewarding them) is honest.
 */
export type Rate = number | null;

export function rate(numerator: number, denominator: number): Rate {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`a rate needs finite counts ≥ 0, got ${numerator}/${denominator}`);
  }
  return denominator === 0 ? null : numerator / denominator;
}

/** A rate held to [0, 1] for scoring, so inconsistent counts cannot push a score past 100 or below 0. */
export function clampRate(value: number): number {
  return Math.min(1, Math.max(0, value));
}
