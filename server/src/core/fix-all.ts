import { checkText, type CheckOptions } from './check';
import type { Diagnostic, Edit } from './rules/types';
import { append } from './arrays';

/** Rounds of fixing at most: a fixed total can make the total above it wrong, but real tables nest two or three deep. */
export const MAX_FIX_ROUNDS = 10;

export interface FixAllResult {
  readonly text: string;
  /** Fixes applied, over all rounds. */
  readonly applied: number;
  /** Rounds that changed the text. */
  readonly rounds: number;
  /** Every edit applied, each in the offsets of the text of its own round (for tests that check nothing else moved). */
  readonly edits: readonly (readonly Edit[])[];
  /** The diagnostics of the final text. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Applies every safe fix (see Fix.safe) until none is left. A round takes the fixes whose edits touch no other's,
 * applies them, and checks again; a fix that overlaps one already taken waits for the next round, where it is
 * computed afresh. Stops at a text seen before (fixes that would undo one another) or after MAX_FIX_ROUNDS.
 */
export function fixAll(text: string, options: CheckOptions = {}): FixAllResult {
  const seen = new Set<string>([text]);
  const rounds: Edit[][] = [];
  let applied = 0;
  let current = checkText(text, options);
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const { edits, fixes } = compatibleSafeEdits(current.diagnostics);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (seen.has(next)) break;
    seen.add(next);
    rounds.push(edits);
    applied += fixes;
    text = next;
    current = checkText(text, options);
  }
  return { text, applied, rounds: rounds.length, edits: rounds, diagnostics: current.diagnostics };
}

/** The edits of the safe fixes that can be applied together, in document order; the same edit twice counts once. */
function compatibleSafeEdits(diagnostics: readonly Diagnostic[]): { edits: Edit[]; fixes: number } {
  const taken: Edit[] = [];
  let fixes = 0;
  for (const d of diagnostics) {
    if (!d.fix?.safe || d.fix.edits.length === 0) continue;
    const fresh = d.fix.edits.filter((e) => !taken.some((t) => sameEdit(t, e)));
    if (fresh.length === 0) continue; // a cell that totals two relations: already fixed by the other finding
    if (fresh.some((e) => taken.some((t) => overlaps(t, e)) || fresh.some((o) => o !== e && overlaps(o, e)))) continue;
    append(taken, fresh);
    fixes++;
  }
  return { edits: taken.sort((a, b) => a.span.start - b.span.start), fixes };
}

function sameEdit(a: Edit, b: Edit): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
}

/** Two edits overlap when their spans share a character, or when they meet at a point one of them inserts at. */
function overlaps(a: Edit, b: Edit): boolean {
  if (a.span.start < b.span.end && b.span.start < a.span.end) return true;
  const emptyA = a.span.start === a.span.end;
  const emptyB = b.span.start === b.span.end;
  return (emptyA && a.span.start >= b.span.start && a.span.start <= b.span.end) || (emptyB && b.span.start >= a.span.start && b.span.start <= a.span.end);
}

/** Applies edits that do not overlap, from the last to the first so that earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
