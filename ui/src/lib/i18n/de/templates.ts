// German: Einstellungen › Nachrichtenvorlagen.
import type { Translation } from "..";
import type { templates as english } from "../en/templates";

export const templates: Translation<typeof english> = {
  "templates.title": "Nachrichtenvorlagen",
  "templates.hint_admin": "Was „Verfassen“ allen für E-Mail, Zur Bewerbung einladen und SMS an alle anbietet. Platzhalter werden für jede Person ausgefüllt.",
  "templates.hint_other": "Nur Admins ändern die Vorlagen; alle beginnen E-Mail, Zur Bewerbung einladen und SMS an alle mit ihnen.",
  "templates.none": "Noch keine Vorlagen.",
  "templates.kind_email": "E-Mail",
  "templates.kind_invite": "Zur Bewerbung einladen",
  "templates.kind_text": "SMS",
  "templates.new": "Neue Vorlage",
  "templates.edit": "Bearbeiten",
  "templates.edit_named": "{name} bearbeiten",
  "templates.delete_named": "{name} löschen",
  "templates.kind": "Art",
  "templates.name": "Name",
  "templates.subject": "Betreff",
  "templates.body": "Nachricht",
  "templates.fields": "Platzhalter",
  "templates.saved": "Vorlage {name} gespeichert.",
  "templates.deleted": "Vorlage {name} gelöscht.",
  "templates.preview": "Vorschau",
  "templates.preview_for": "Für eine Person ausgefüllt",
  "templates.find": "Person nach Namen suchen",
  "templates.candidate": "Person",
  "templates.no_match": "Keine Person passt.",
  "templates.pick_first": "Wähle eine Person, um die Nachricht so zu sehen, wie sie sie erhält.",
};
