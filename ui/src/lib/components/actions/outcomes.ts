// How an "add to" action that skips those already in words what it did: the count added, and
// how many were there already, each with its own verb ("1 candidate was", "2 candidates were").
import { translate, type MessageKey, type Values } from "../../i18n";

/** The three sentences of one "add to" action: all were added, none were, some were. */
export interface AddedWords {
  all: MessageKey;
  none: MessageKey;
  some: MessageKey;
}

/**
 * `words` say it for `added` of the `asked` (each message takes `added`, `asked` and
 * `skipped` as counts), `values` fill in the rest (where they were added).
 */
export function addedOutcome(added: number, asked: number, words: AddedWords, values: Values): string {
  const skipped = Math.max(0, asked - added);
  const key = skipped === 0 ? words.all : added === 0 ? words.none : words.some;
  return translate(key, { ...values, added, asked, skipped });
}
