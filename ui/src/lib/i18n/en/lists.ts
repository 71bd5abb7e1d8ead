// English: Pipelines: the lists candidates are on, and their members.
export const lists = {
  // Any list page (pipelines, events): the picker and the members' table
  "lists.none": "None yet",
  "lists.show_more": "Show more",

  // Pipelines
  "pipelines.title": "Pipelines",
  "pipelines.detail": "{unreviewed, number} unreviewed · {in_pipeline, number} in pipeline",
  "pipelines.detail_private": "{unreviewed, number} unreviewed · {in_pipeline, number} in pipeline · private",
  "pipelines.none": "No pipelines yet.",
  "pipelines.status_arrow": "→",
  "pipelines.unreviewed_tab": "Unreviewed ({count, number})",
  "pipelines.in_pipeline_tab": "In Pipeline ({count, number})",
  "pipelines.members": "Pipeline members",
  "pipelines.unreviewed": "Unreviewed",
  "pipelines.workflow_status": "Workflow status",
  "pipelines.added": "Added",
  "pipelines.nobody_waits": "Nobody waits for review in this pipeline",
  "pipelines.nobody_in": "Nobody is in this pipeline yet",
} as const;
