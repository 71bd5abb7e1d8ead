// English: A new candidate from a resume, and who may already be them.
export const candidate = {
  "new.title": "New candidate from a resume",
  "new.added": "Added {name}, with the resume attached",
  "new.attached": "Attached the resume to {name}",
  "new.attach": "Attach the resume to them",
  "new.skills": "Skills (comma-separated)",
  "new.from_resume":
    "From the resume too: {jobs, plural, one {# job} other {# jobs}}, {schools, plural, one {# school} other {# schools}}, {links, plural, one {# link} other {# links}}.",
  "new.save": "Save as a new candidate",
  "dupes.title": "Already here?",
  "dupes.hint": "These candidates share the email, or the name and the phone, LinkedIn or employer.",
} as const;
