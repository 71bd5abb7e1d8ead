// English: Jobs: the jobs list, a job's page (details, applicants as a table and a board) and
// the dialogs that edit a job and change or withdraw an application.
export const jobs = {
  "jobs.title": "Jobs",
  "jobs.none_add": "No jobs yet. Add the first with New job.",
  "jobs.none_wait": "No jobs yet. An admin adds them.",
  "jobs.open": "Open",
  "jobs.closed": "Closed",
  "job.list_detail": "{applicants, plural, one {# applicant} other {# applicants}}{open, select, yes {} other { · closed}}",

  // A job's page
  "job.ats_id_is": "ATS ID: {id}",
  "job.counts": "{all, plural, one {# applicant} other {# applicants}}{withdrawn, plural, =0 {} other {, # withdrawn}}",
  "job.edit": "Edit job",
  "job.close": "Close job",
  "job.reopen": "Reopen job",
  "job.closed_done": "“{job}” is closed",
  "job.reopened": "“{job}” is open again",
  "job.views": "Applicants as",
  "job.as_table": "Applications",
  "job.as_board": "Board",
  "job.no_applicants": "Nobody has applied or been submitted yet.",
  "job.col_name": "Name",
  "job.col_role": "Current role",
  "job.col_job": "Job application",
  "job.col_when": "Date/Time",
  "job.col_activity": "Activity",
  "job.col_actions": "Actions",
  "job.hiring_status": "Hiring status",
  "job.bin": "ATS bin",
  "job.change_status": "Status…",
  "job.withdraw": "Withdraw",
  "job.board_label": "Applicants of {job} by hiring status",
  "job.board_label_bin": "Applicants of {job} by ATS bin",
  "job.group_by": "Group by",
  "job.move_refused": "{name} was not moved to {status}: {reason}",

  // New job / Edit job
  "job.new_title": "New job",
  "job.edit_title": "Edit job",
  "job.field_title": "Title",
  "job.field_location": "Location",
  "job.field_ats_id": "ATS ID",
  "job.optional": "Optional",
  "job.title_required": "A job needs a title",
  "job.create": "Create job",
  "job.created": "“{job}” created",
  "job.saved": "“{job}” saved",

  // Change status / Withdraw
  "job.status_title": "Change hiring status",
  "job.status_subtitle": "{name} · {job}",
  "job.hired_note": "Hired records the Hired engagement and runs the organisation’s hired actions.",
  "job.status_done": "{name} is now at {status}",
  "job.withdraw_title": "Withdraw application",
  "job.withdraw_what":
    "Withdraw {name}’s application to {job}? A withdrawn application no longer moves; with no other application going, {name} becomes Disengaged.",
  "job.withdrawn_done": "{name} withdrew from {job}",
} as const;
