// How an "add to" action that skips those already in words what it did: the count added, and
// how many were there already, each with its own verb ("1 candidate was", "2 candidates were").
import { people } from "./target";

/**
 * `done` words the added ("added to Backend (Contacted)"), `already` where the others were
 * ("in it", "registered"); `asked` is how many the action was for.
 */
export function addedOutcome(added: number, asked: number, done: string, already: string): string {
  const skipped = Math.max(0, asked - added);
  if (skipped === 0) return `${people(added)} ${done}`;
  const were = `${skipped === 1 ? "was" : "were"} ${already} already`;
  if (added === 0) return asked === 1 ? `Nothing changed: the candidate ${were}` : `Nothing changed: all ${people(skipped)} ${were}`;
  return `${people(added)} ${done}; ${people(skipped)} ${were}`;
}
