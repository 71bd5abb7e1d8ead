// The window's language: asked of the OS (through the app, which honours TALENTDESK_LOCALE) once
// at start. Reading `i18n.language` inside a template or $derived makes it follow a change.
import { commands } from "../bindings/commands";

/** Languages with a catalogue; "ar-XB" is the right-to-left pseudo-locale (English, mirrored). */
export const languages = ["en", "de", "ar-XB"] as const;
export type Language = (typeof languages)[number];

export const i18n = $state<{ language: Language; tag: string }>({ language: "en", tag: "en" });

/** The catalogue for a BCP 47 tag ("de-AT" speaks German); English for anything unknown. */
export function languageOf(tag: string): Language {
  const lower = tag.replace("_", "-").toLowerCase();
  if (lower === "ar-xb" || lower === "en-xb") return "ar-XB";
  const base = lower.split(/[-.@]/)[0];
  return (languages as readonly string[]).includes(base) ? (base as Language) : "en";
}

/** The locale values are formatted in: the window's language with the OS's region, so an
 *  English window on a French system writes "1 234,5" and "4 Dec 2026" (en-FR) rather than
 *  French month names and "et" inside English sentences; a real one for the pseudo-locale. */
export function formattingLocale(): string {
  if (i18n.language === "ar-XB") return "en";
  const tag = i18n.tag.replace("_", "-").split(".")[0];
  try {
    const region = new Intl.Locale(Intl.getCanonicalLocales(tag)[0] ?? i18n.language).region;
    return new Intl.Locale(i18n.language, region ? { region } : {}).toString();
  } catch {
    return i18n.language;
  }
}

export function setLocale(tag: string) {
  i18n.tag = tag;
  i18n.language = languageOf(tag);
  if (typeof document === "undefined") return;
  const html = document.documentElement;
  html.lang = i18n.language === "ar-XB" ? "en" : i18n.language;
  html.dir = i18n.language === "ar-XB" ? "rtl" : "ltr";
}

/** Asks the app which locale to use; outside the app (tests, a browser) the browser's. */
export async function startLocale() {
  try {
    setLocale(await commands.locale());
  } catch {
    setLocale(navigator.language || "en");
  }
}
