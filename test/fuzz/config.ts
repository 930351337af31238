/**
 * Seeds and run counts of the fuzz tests. Every property runs with the same fixed seed, so `npm test` is
 * reproducible; the environment can change that:
 *
 *   XXGK_FUZZ_SEED=123            another seed (fast-check prints the seed and path of a failure)
 *   XXGK_FUZZ_PATH=12:3:1         replay one failure: with the seed it printed, only that case runs
 *   XXGK_FUZZ_SCALE=10            ten times as many cases (a longer fuzzing session)
 *   XXGK_FUZZ_TIME_LIMIT_MS=60000   stop a property (and the shrinking of its failure) sooner than after 10 min
 */
import fc from 'fast-check';

export const SEED = Number(process.env.XXGK_FUZZ_SEED ?? 20260123);
const SCALE = Number(process.env.XXGK_FUZZ_SCALE ?? 1);
const PATH = process.env.XXGK_FUZZ_PATH;
// A hang guard, not a speed test: every case runs on a slow or busy machine too (a run that stopped after a
// number of seconds checked fewer cases under load and failed as if the code were wrong). Speed is the bench's.
const TIME_LIMIT_MS = Number(process.env.XXGK_FUZZ_TIME_LIMIT_MS ?? 600_000);

/** Total cases run, summed over every property (the README quotes the default total). */
export const counted = { cases: 0 };

export function params<T>(numRuns: number): fc.Parameters<T> {
  const n = Math.max(1, Math.round(numRuns * SCALE));
  counted.cases += n;
  return { seed: SEED, numRuns: n, ...(PATH ? { path: PATH, endOnFailure: true } : {}) };
}

/**
 * Runs a property; a failure names the seed, the path and the shrunk counterexample. A property runs in seconds,
 * but shrinking a failing generated report can take minutes: the whole run is capped at TIME_LIMIT_MS, and a
 * failure is reported with the smallest counterexample found by then (its seed and path still replay it).
 */
export function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number): void {
  const property = fc.property(arb, (value) => {
    predicate(value);
    return true;
  });
  const details = fc.check(property, { ...params<[T]>(numRuns), interruptAfterTimeLimit: TIME_LIMIT_MS });
  if (details.failed) throw new Error(fc.defaultReportMessage(details), { cause: details.errorInstance });
  if (details.interrupted) {
    // No failure, but not every case ran in minutes: something under test hangs or went quadratic.
    throw new Error(`hung: only ${details.numRuns} of ${Math.max(1, Math.round(numRuns * SCALE))} cases ran within ${TIME_LIMIT_MS} ms (seed ${details.seed})`);
  }
}
