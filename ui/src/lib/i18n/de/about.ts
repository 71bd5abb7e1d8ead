// German: Settings › About.
import type { Translation } from "..";
import type { about as english } from "../en/about";

export const about: Translation<typeof english> = {
  "about.title": "Über Talentdesk",
  "about.version": "Version",
  "about.built": "Erstellt",
  "about.commit": "Commit",
  "about.unknown": "unbekannt",
};
