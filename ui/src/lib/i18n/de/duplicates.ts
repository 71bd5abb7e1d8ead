// Deutsch: die Seite Duplikate (Admins) und der Dialog zum Zusammenführen.
import type { duplicates as english } from "../en/duplicates";
import type { Translation } from "../index";

export const duplicates: Translation<typeof english> = {
  "rail.duplicates": "Duplikate",
  "duplicates.title": "Duplikate",
  "duplicates.intro": "Kandidaten, die wahrscheinlich dieselbe Person sind, die stärksten Hinweise zuerst.",
  "duplicates.scanning": "Suche nach Duplikaten unter allen Kandidaten…",
  "duplicates.found": "{count, plural, =0 {Keine wahrscheinlichen Duplikate.} one {# Gruppe wahrscheinlicher Duplikate.} other {# Gruppen wahrscheinlicher Duplikate.}}",
  "duplicates.crowded": "{count, plural, one {# E-Mail-Adresse, Telefonnummer oder Name, die zu viele Kandidaten teilen, um einer Person zu gehören, blieb unberücksichtigt.} other {# E-Mail-Adressen, Telefonnummern oder Namen, die zu viele Kandidaten teilen, um einer Person zu gehören, blieben unberücksichtigt.}}",
  "duplicates.scan_again": "Erneut suchen",
  "duplicates.hidden_note": "Als „Keine Duplikate“ markierte Gruppen bleiben nur auf diesem Computer ausgeblendet.",
  "duplicates.show_hidden": "{count, plural, one {# ausgeblendete Gruppe zeigen} other {# ausgeblendete Gruppen zeigen}}",
  "duplicates.more": "Mehr zeigen",
  "duplicates.group_label": "{count, plural, one {# Kandidat} other {# Kandidaten}}: {names}",
  "duplicates.evidence": "{evidence}: {value}",
  "duplicates.merge": "Zusammenführen…",
  "duplicates.not_duplicates": "Keine Duplikate",
  "duplicates.open": "{name} öffnen",
  "duplicates.merged": "In {name} zusammengeführt.",
  "merge.title": "{count, plural, one {# Kandidaten} other {# Kandidaten}} zusammenführen",
  "merge.intro": "Wählen Sie für jedes Feld den Wert, der bleibt, und den Kandidaten, der bleibt. Tags, Notizen, Dokumente, Nachrichten, Bewerbungen, Pipelines, Events und Verlauf der anderen gehen auf ihn über; die anderen öffnen danach ihn.",
  "merge.loading": "Profile werden gelesen…",
  "merge.field": "Feld",
  "merge.survivor": "Bleibt",
  "merge.survivor_label": "{name} als Kandidaten behalten",
  "merge.updated": "Geändert {when}",
  "merge.pick_label": "{field}: der Wert von {name}",
  "merge.confirm": "Zusammenführen",
  "merge.cancel": "Abbrechen",
  "merge.working": "Wird zusammengeführt…",
};
