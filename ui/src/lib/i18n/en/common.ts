// English: Shared words, values as tables and badges show them, the window and its rail.
export const common = {
  // Shared words
  "common.cancel": "Cancel",
  "common.close": "Close",
  "common.save": "Save",
  "common.delete": "Delete",
  "common.add": "Add",
  "common.reading_resume": "Reading the resume…",
  "field.first_name": "First name",
  "field.last_name": "Last name",
  "field.email": "Email",
  "field.phone": "Phone",
  "field.school": "School",
  "field.employer": "Employer",
  "field.school_or_employer": "School or employer",
  "field.current_title": "Current title",
  "field.current_employer": "Current employer",
  "field.city": "City",
  "field.region": "Region",
  "field.country": "Country",

  // Values as the tables and badges show them (format.ts)
  "format.results": "{count, plural, one {# result} other {# results}}{hidden, plural, =0 {} other { · # inactive hidden}}",
  "format.role_at": "{title} at {employer}",
  "format.years": "{years} yrs",
  "activity.unreviewed": "Unreviewed",
  "activity.reviewed": "Reviewed",
  "activity.contacted": "Contacted",
  "activity.hired": "Hired",
  "activity.disengaged": "Disengaged",
  "column.name": "Name",
  "column.tags": "Tags",
  "column.location": "Location",
  "column.current_role": "Current Role",
  "column.highest_education": "Highest Education",
  "column.job_apps": "Job Apps",
  "column.activity": "Activity",
  "column.updated": "Updated",
  "column.experience": "Experience",
  "column.interests": "Areas of interest",

  // The window as a whole
  "app.failed": "Talentdesk could not open its data",

  // The rail on the left
  "rail.label": "Main",
  "rail.candidates": "Candidates",
  "rail.pipelines": "Pipelines",
  "rail.events": "Events",
  "rail.jobs": "Jobs",
  "rail.settings": "Settings",
  "rail.user": "{name} ({email})",
} as const;
