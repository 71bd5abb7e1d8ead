// English: Settings › About.
export const about = {
  "about.title": "About Talentdesk",
  "about.version": "Version",
  "about.built": "Built",
  "about.commit": "Commit",
  "about.unknown": "unknown",
} as const;
