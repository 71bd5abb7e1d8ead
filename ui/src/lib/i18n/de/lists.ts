// German: Pipelines: the lists candidates are on, and their members.
import type { Translation } from "..";
import type { lists as english } from "../en/lists";

export const lists: Translation<typeof english> = {
  "lists.none": "Noch keine",
  "lists.show_more": "Mehr anzeigen",

  "pipelines.title": "Pipelines",
  "pipelines.detail": "{unreviewed, number} ungeprüft · {in_pipeline, number} in der Pipeline",
  "pipelines.detail_private": "{unreviewed, number} ungeprüft · {in_pipeline, number} in der Pipeline · privat",
  "pipelines.none": "Noch keine Pipelines.",
  "pipelines.status_arrow": "→",
  "pipelines.unreviewed_tab": "Ungeprüft ({count, number})",
  "pipelines.in_pipeline_tab": "In der Pipeline ({count, number})",
  "pipelines.members": "Personen in der Pipeline",
  "pipelines.unreviewed": "Ungeprüft",
  "pipelines.workflow_status": "Workflow-Status",
  "pipelines.added": "Hinzugefügt",
  "pipelines.nobody_waits": "In dieser Pipeline wartet niemand auf Prüfung",
  "pipelines.nobody_in": "In dieser Pipeline ist noch niemand",
};
