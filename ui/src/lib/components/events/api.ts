// Typed calls into the event page's commands (src-tauri/src/events.rs). Changes to events and
// their lists are mutations, through `api.apply`.
import { call } from "../../api";
import type { EventTabCounts } from "../../bindings/EventTabCounts";
import type { EventMembersPage } from "../../bindings/EventMembersPage";
import type { EventReport } from "../../bindings/EventReport";
import type { EventSummary } from "../../bindings/EventSummary";
import type { MemberQuery } from "../../bindings/MemberQuery";
import type { BadgePaper } from "../../bindings/BadgePaper";

export const eventsApi = {
  /** Every event (archived ones too) with its counts. */
  summaries: () => call<EventSummary[]>("events"),
  /** How many are on each of the event page's tabs. */
  counts: (event: string) => call<EventTabCounts>("event_tab_counts", { event }),
  /** One page of the event's list, as filtered and searched, with how many match in all. */
  members: (event: string, query: MemberQuery, offset: number, limit: number) =>
    call<EventMembersPage>("event_members", { event, query, offset, limit }),
  report: (event: string) => call<EventReport>("event_report", { event }),
  /** Who attended (rated `minRating` or more by someone, when given): a bulk selection. */
  attendeeIds: (event: string, minRating: number | null) => call<string[]>("event_attendee_ids", { event, minRating }),
  /** Writes the list as filtered to a CSV file; how many rows it holds. */
  exportAttendees: (event: string, query: MemberQuery, path: string) =>
    call<number>("export_event_attendees", { event, query, path }),
  /** Writes a PDF of badges for the list as filtered; how many badges it holds. */
  badges: (event: string, query: MemberQuery, paper: BadgePaper, path: string) =>
    call<number>("event_badges", { event, query, paper, path }),
  /** The organisation's areas of interest (Settings; the walk-in form offers them). */
  areasOfInterest: () => call<string[]>("areas_of_interest"),
};
