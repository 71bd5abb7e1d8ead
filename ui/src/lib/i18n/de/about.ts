// German: Settings › About.
import type { Translation } from "..";
import type { about as english } from "../en/about";

export const about: Translation<typeof english> = {
  "about.title": "Über Talentdesk",
  "about.version": "Version",
  "about.built": "Erstellt",
  "about.commit": "Commit",
  "about.geonames":
    "Orte (Städte, Länder, US-Bundesstaaten) stammen von GeoNames (geonames.org), lizenziert unter CC BY 4.0 (creativecommons.org/licenses/by/4.0).",
  "about.unknown": "unbekannt",
  "about.updates_no_key":
    "Diese Kopie von Talentdesk wurde ohne den Update-Schlüssel deines Teams erstellt und sucht deshalb nicht nach Updates: Neue Versionen bringt, wer Talentdesk für dein Team installiert.",
  "about.updates_no_server": "Updates kommen vom Server deines Teams, sobald du dort angemeldet bist.",
  "about.updates_from": "Updates kommen von {server}, signiert mit dem Schlüssel deines Teams.",
  "about.check": "Nach Updates suchen",
  "about.checking": "Suche nach Updates…",
  "about.newest": "Talentdesk {version} ist die neueste Version.",
  "about.downloading": "Version {version} wird heruntergeladen…",
  "about.percent": "{share, number, percent}",
  "about.ready":
    "Version {version} ist heruntergeladen und mit dem Schlüssel deines Teams signiert. Sie wird installiert, wenn Talentdesk neu startet.",
  "about.ready_not_installable":
    "Version {version} ist heruntergeladen und mit dem Schlüssel deines Teams signiert, aber diese Kopie von Talentdesk wurde nicht aus einem Paket installiert und kann sich nicht selbst ersetzen: Installiere das neue Paket, um zu aktualisieren.",
  "about.refused":
    "Der Download von Version {version} ist nicht mit dem Update-Schlüssel deines Teams signiert; er wurde verworfen und nichts installiert. Vielleicht wurde er unterwegs verändert: Sag deinem Admin Bescheid.",
  "about.restart": "Neu starten und aktualisieren",
  "about.restarting": "Version {version} wird installiert und Talentdesk neu gestartet…",
};
