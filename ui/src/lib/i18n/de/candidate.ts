// German: A new candidate from a resume, and who may already be them.
import type { Translation } from "..";
import type { candidate as english } from "../en/candidate";

export const candidate: Translation<typeof english> = {
  "new.title": "Neuer Kandidat aus einem Lebenslauf",
  "new.added": "{name} hinzugefügt, mit angehängtem Lebenslauf",
  "new.attached": "Lebenslauf an {name} angehängt",
  "new.attach": "Lebenslauf an diese Person anhängen",
  "new.skills": "Fähigkeiten (durch Kommas getrennt)",
  "new.from_resume":
    "Außerdem aus dem Lebenslauf: {jobs, plural, one {# Stelle} other {# Stellen}}, {schools, plural, one {# Ausbildung} other {# Ausbildungen}}, {links, plural, one {# Link} other {# Links}}.",
  "new.save": "Als neuen Kandidaten speichern",
  "dupes.title": "Schon da?",
  "dupes.hint": "Diese Kandidaten haben dieselbe E-Mail oder denselben Namen und dieselbe Telefonnummer, dasselbe LinkedIn oder denselben Arbeitgeber.",
};
