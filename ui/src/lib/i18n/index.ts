// The one way the window says anything: t("key", {values}) with ICU messages from the catalogues.
// Keys are typed from the English catalogue, so an unknown key fails `npm run check`.
import { IntlMessageFormat } from "intl-messageformat";
import { en } from "./en";
import { de } from "./de";
import { formattingLocale, i18n, type Language } from "./locale.svelte";
import { mapText, parse } from "./messages";

export { i18n, setLocale, startLocale } from "./locale.svelte";

export type MessageKey = keyof typeof en;
/** A catalogue for another language: every English key, each its own ICU message. */
export type Catalogue = Record<MessageKey, string>;
export type Values = Record<string, string | number | Date>;
/** One area's messages in another language: the same keys as the English area. */
export type Translation<English> = Record<keyof English, string>;

/** Messages whose English text has an argument must be given values. */
type Needs<K extends MessageKey> = (typeof en)[K] extends `${string}{${string}` ? [values: Values] : [];

/** Languages in progress may be partial; each missing key then speaks English (warned about in dev). */
const catalogues: Record<Language, Partial<Catalogue>> = { en, de, "ar-XB": en };

// Right-to-left override around each piece of text: English reads mirrored, so a string
// that skipped the catalogue stands out, and dir="rtl" lays the window out from the right.
const mirrored = (text: string) => (text.trim() === "" ? text : `\u202E${text}\u202C`);

const compiled = new Map<string, IntlMessageFormat>();

function compile(language: Language, key: MessageKey): IntlMessageFormat {
  const locale = formattingLocale();
  const id = `${language}\u0000${locale}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    let message = catalogues[language][key];
    if (message === undefined) {
      if (import.meta.env.DEV) console.warn(`i18n: no ${language} message for "${key}"; using English`);
      message = en[key];
    }
    format =
      language === "ar-XB"
        ? new IntlMessageFormat(mapText(parse(message, locale), mirrored), locale)
        : new IntlMessageFormat(message, locale);
    compiled.set(id, format);
  }
  return format;
}

/** The message for `key` in the window's language, with its placeholders filled in. */
export function t<K extends MessageKey>(key: K, ...values: Needs<K>): string {
  return translate(key, values[0]);
}

/** `t` for a key chosen at run time (a table of labels); prefer `t` with a literal key. */
export function translate(key: MessageKey, values?: Values): string {
  return String(compile(i18n.language, key).format(values));
}
