// German: A new candidate, by hand or from a resume, and who may already be them.
import type { Translation } from "..";
import type { candidate as english } from "../en/candidate";

export const candidate: Translation<typeof english> = {
  "new.title": "Neuer Kandidat aus einem Lebenslauf",
  "new.added": "{name} hinzugefügt, mit angehängtem Lebenslauf",
  "new.attached": "Lebenslauf an {name} angehängt",
  "new.attach": "Lebenslauf an diese Person anhängen",
  "new.skills": "Fähigkeiten",
  "new.title_by_hand": "Neuer Kandidat",
  "new.added_by_hand": "{name} hinzugefügt",
  "new.added_but": "{name} hinzugefügt, aber nicht alles: {problems}",
  "new.open_duplicate": "Profil öffnen",
  "new.tags": "Tags",
  "new.files": "Lebenslauf und Dokumente",
  "new.add_files": "Dateien hinzufügen…",
  "new.files_dialog": "Dateien für den neuen Kandidaten",
  "new.leave_out": "{file} weglassen",
  "chips.remove": "{value} entfernen",
  "chips.type_or_pick": "Tippen oder einen Vorschlag wählen",
  "chips.pick": "Tippen, um aus der Liste zu wählen",
  "new.save": "Als neuen Kandidaten speichern",
  "dupes.title": "Schon da?",
  "dupes.hint": "Diese Kandidaten haben dieselbe E-Mail oder denselben Namen und dieselbe Telefonnummer, dasselbe LinkedIn oder denselben Arbeitgeber.",
};
