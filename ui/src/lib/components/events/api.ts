// The event page's calls (src-tauri/src/events.rs), over the generated typed commands. Changes
// to events and their lists are mutations, through `api.apply`.
import { commands } from "../../bindings/commands";
import type { MemberQuery } from "../../bindings/MemberQuery";
import type { BadgePaper } from "../../bindings/BadgePaper";

export const eventsApi = {
  /** Every event (archived ones too) with its counts. */
  summaries: () => commands.events(),
  /** How many are on each of the event page's tabs. */
  counts: (event: string) => commands.eventTabCounts({ event }),
  /** One page of the event's list, as filtered and searched, with how many match in all. */
  members: (event: string, query: MemberQuery, offset: number, limit: number) =>
    commands.eventMembers({ event, query, offset, limit }),
  report: (event: string) => commands.eventReport({ event }),
  /** Who attended (rated `minRating` or more by someone, when given): a bulk selection. */
  attendeeIds: (event: string, minRating: number | null) => commands.eventAttendeeIds({ event, minRating }),
  /** Writes the list as filtered to a CSV file; how many rows it holds. */
  exportAttendees: (event: string, query: MemberQuery, path: string) =>
    commands.exportEventAttendees({ event, query, path }),
  /** Writes a PDF of badges for the list as filtered; how many badges it holds. */
  badges: (event: string, query: MemberQuery, paper: BadgePaper, path: string) =>
    commands.eventBadges({ event, query, paper, path }),
  /** The organisation's areas of interest (Settings; the walk-in form offers them). */
  areasOfInterest: () => commands.areasOfInterest(),
};
