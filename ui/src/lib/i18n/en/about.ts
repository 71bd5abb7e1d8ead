// English: Settings › About.
export const about = {
  "about.title": "About Talentdesk",
  "about.version": "Version",
  "about.built": "Built",
  "about.commit": "Commit",
  "about.geonames":
    "Places (cities, countries, US states) are GeoNames data (geonames.org), licensed under CC BY 4.0 (creativecommons.org/licenses/by/4.0).",
  "about.unknown": "unknown",
  "about.updates_no_key":
    "This copy of Talentdesk was built without your team's update key, so it does not look for updates: whoever installs Talentdesk for your team brings new versions.",
  "about.updates_no_server": "Updates come from your team's server once you are signed in to it.",
  "about.updates_from": "Updates come from {server}, signed with your team's key.",
  "about.check": "Check for updates",
  "about.checking": "Checking for updates…",
  "about.newest": "Talentdesk {version} is the newest version.",
  "about.downloading": "Downloading version {version}…",
  "about.percent": "{share, number, percent}",
  "about.ready": "Version {version} is downloaded and signed with your team's key. It is installed when Talentdesk restarts.",
  "about.ready_not_installable":
    "Version {version} is downloaded and signed with your team's key, but this copy of Talentdesk was not installed from a package, so it cannot replace itself: install the new package to update.",
  "about.refused":
    "The download of version {version} is not signed with your team's update key, so it was thrown away and nothing was installed. It may have been changed on its way: tell your admin.",
  "about.restart": "Restart to update",
  "about.restarting": "Installing version {version} and restarting…",
} as const;
