// Finds words written straight into Svelte markup instead of through the catalogue: text
// between tags and the attributes a person reads or hears (title, aria-label, placeholder…).
// Script blocks, styles, comments and `{expressions}` are not markup text and are skipped.

/** Attributes whose value reaches the user; a literal word in one is untranslated text. */
const SPOKEN = ["title", "aria-label", "aria-description", "aria-roledescription", "placeholder", "alt", "label"];

/** Words that are the same in every language: names of things and keys labelled alike on
 *  every keyboard, not sentences. Single letters (the rail's logo, a key) are not words either. */
const UNTRANSLATED = new Set(["Talentdesk", "LinkedIn", "CSV", "PDF", "XLSX", "URL", "Alt", "Esc"]);

/** Each `{…}` expression replaced by "…" (so `aria-label={x}` keeps a value that is no
 *  word), braces inside strings and nested braces respected. */
export function withoutExpressions(markup: string): string {
  let out = "";
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < markup.length; i++) {
    const c = markup[i];
    if (depth === 0) {
      if (c === "{") {
        depth = 1;
        out += "…";
      } else out += c;
      continue;
    }
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
  }
  // An expression left open (a quote the scan misread) would hide the rest of the markup.
  if (depth !== 0) throw new Error("an expression in the markup never closes");
  return out;
}

/** The markup of a component: no script, style or comments. */
function markupOf(source: string): string {
  return source
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
}

const hasWords = (text: string) =>
  text
    .replace(/&#?\w+;/g, " ")
    .split(/[^\p{L}]+/u)
    .some((word) => word.length > 1 && !UNTRANSLATED.has(word));

/** Each piece of literal user-visible text in a component's source, trimmed. */
export function literalTexts(source: string): string[] {
  const markup = withoutExpressions(markupOf(source));
  const found: string[] = [];
  // Tags: check the spoken attributes, then drop the tag so only text between tags remains.
  const text = markup.replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, (tag) => {
    for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
      const value = m[2] ?? m[3] ?? m[4] ?? "";
      if (SPOKEN.includes(m[1]) && hasWords(value)) found.push(`${m[1]}="${value.trim()}"`);
    }
    return "\n";
  });
  for (const piece of text.split("\n")) if (hasWords(piece)) found.push(piece.trim());
  return found;
}
