// German: Jobs: the jobs list, a job's page (details, applicants as a table and a board) and
// the dialogs that edit a job and change or withdraw an application.
import type { Translation } from "..";
import type { jobs as english } from "../en/jobs";

export const jobs: Translation<typeof english> = {
  "jobs.title": "Jobs",
  "jobs.none_add": "Noch keine Jobs. Lege den ersten mit „Neuer Job“ an.",
  "jobs.none_wait": "Noch keine Jobs. Ein Admin legt sie an.",
  "jobs.open": "Offen",
  "jobs.closed": "Geschlossen",
  "job.list_detail": "{applicants, plural, one {# Bewerbung} other {# Bewerbungen}}{open, select, yes {} other { · geschlossen}}",

  "job.ats_id_is": "ATS-ID: {id}",
  "job.counts": "{all, plural, one {# Bewerbung} other {# Bewerbungen}}{withdrawn, plural, =0 {} other {, # zurückgezogen}}",
  "job.edit": "Job bearbeiten",
  "job.close": "Job schließen",
  "job.reopen": "Job wieder öffnen",
  "job.closed_done": "„{job}“ ist geschlossen",
  "job.reopened": "„{job}“ ist wieder offen",
  "job.views": "Bewerbungen als",
  "job.as_table": "Bewerbungen",
  "job.as_board": "Board",
  "job.no_applicants": "Noch hat sich niemand beworben oder wurde übermittelt.",
  "job.col_name": "Name",
  "job.col_role": "Aktuelle Position",
  "job.col_job": "Bewerbung",
  "job.col_when": "Datum/Uhrzeit",
  "job.col_activity": "Aktivität",
  "job.col_actions": "Aktionen",
  "job.hiring_status": "Einstellungsstatus",
  "job.bin": "ATS-Ordner",
  "job.change_status": "Status…",
  "job.withdraw": "Zurückziehen",
  "job.board_label": "Bewerbungen auf {job} nach Einstellungsstatus",
  "job.board_label_bin": "Bewerbungen auf {job} nach ATS-Ordner",
  "job.group_by": "Gruppieren nach",
  "job.move_refused": "{name} wurde nicht nach {status} verschoben: {reason}",

  "job.new_title": "Neuer Job",
  "job.edit_title": "Job bearbeiten",
  "job.field_title": "Titel",
  "job.field_location": "Ort",
  "job.field_ats_id": "ATS-ID",
  "job.optional": "Optional",
  "job.title_required": "Ein Job braucht einen Titel",
  "job.create": "Job anlegen",
  "job.created": "„{job}“ angelegt",
  "job.saved": "„{job}“ gespeichert",

  "job.status_title": "Einstellungsstatus ändern",
  "job.status_subtitle": "{name} · {job}",
  "job.hired_note": "„Eingestellt“ vermerkt das Engagement „Eingestellt“ und führt die automatischen Aktionen der Organisation für Eingestellte aus.",
  "job.status_done": "{name} steht jetzt bei {status}",
  "job.withdraw_title": "Bewerbung zurückziehen",
  "job.withdraw_what":
    "Die Bewerbung von {name} auf {job} zurückziehen? Eine zurückgezogene Bewerbung ändert sich nicht mehr; ohne weitere laufende Bewerbung gilt {name} dann als „Abgesprungen“.",
  "job.withdrawn_done": "{name} hat die Bewerbung auf {job} zurückgezogen",
};
