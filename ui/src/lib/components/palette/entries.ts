// What the palette offers: the actions of the menu that applies to the candidate or selection
// in front (the same list the ⋯ menus and the bulk bar show, from actions.ts), a new candidate,
// the pages, the pipelines, events and jobs by name, and candidates the store's search finds.
import { menuFor, type ActionId } from "../../actions";
import type { Capability } from "../../bindings/Capability";
import type { CandidateRow } from "../../bindings/CandidateRow";
import { t, translate, type MessageKey } from "../../i18n";
import type { Page } from "../Rail.svelte";
import type { Subject } from "./current.svelte";
import { rank } from "./fuzzy";

export type Group = "action" | "page" | "pipeline" | "event" | "job" | "candidate";

export interface Entry {
  key: string;
  group: Group;
  label: string;
  /** Other words it answers to ("add tag" for Manage Tags). */
  also?: string;
  /** Whom it is for, or where it leads. */
  hint?: string;
  /** Why it cannot run now (an action over its limit). */
  disabled?: string | null;
  run: () => void;
}

/** What the palette knows when it opens, and what its entries do. */
export interface Sources {
  subject: Subject | null;
  may: (capability: Capability) => boolean;
  pipelines: { id: string; name: string }[];
  events: { id: string; name: string }[];
  jobs: { id: string; name: string }[];
  act: (id: ActionId, subject: Subject) => void;
  go: (page: Page) => void;
  /** Starts a new candidate by hand. */
  create: () => void;
  /** Find candidates… for a pasted job description. */
  find: () => void;
  show: (group: "pipeline" | "event" | "job", id: string) => void;
  open: (id: string) => void;
}

const PAGES: [Page, MessageKey][] = [
  ["candidates", "rail.candidates"],
  ["pipelines", "rail.pipelines"],
  ["events", "rail.events"],
  ["jobs", "rail.jobs"],
  ["settings", "rail.settings"],
];

const ALSO: Partial<Record<ActionId, MessageKey>> = {
  manage_tags: "palette.also.manage_tags",
  email: "palette.also.email",
  add_event: "palette.also.add_event",
  add_pipeline: "palette.also.add_pipeline",
};

/** Every entry but the candidates, in the order shown for an empty query. */
export function entries(s: Sources): Entry[] {
  const subject = s.subject;
  const actions: Entry[] = subject
    ? menuFor(subject.place, s.may, {
        candidate: subject.candidate,
        count: subject.target.count,
        limits: subject.limits,
        hasResume: subject.hasResume,
      }).map((item) => {
        const also = ALSO[item.id];
        return {
          key: `action:${item.id}`,
          group: "action",
          label: item.label,
          also: also && translate(also),
          hint: subject.target.label,
          disabled: item.disabled,
          run: () => s.act(item.id, subject),
        };
      })
    : [];
  const pages: Entry[] = PAGES.map(([page, key]) => ({
    key: `page:${page}`,
    group: "page",
    label: t("palette.go_to", { page: translate(key) }),
    run: () => s.go(page),
  }));
  const create: Entry = {
    key: "new:candidate",
    group: "page",
    label: t("search.new"),
    also: translate("palette.also.new_candidate"),
    run: s.create,
  };
  const find: Entry = { key: "find:candidates", group: "page", label: t("match.find"), also: translate("palette.also.find_candidates"), run: s.find };
  const named = (group: "pipeline" | "event" | "job", list: { id: string; name: string }[]): Entry[] =>
    list.map(({ id, name }) => ({ key: `${group}:${id}`, group, label: name, run: () => s.show(group, id) }));
  return [...actions, create, find, ...pages, ...named("pipeline", s.pipelines), ...named("event", s.events), ...named("job", s.jobs)];
}

/** The candidates the search found whose name the query matches (the search also finds
 *  people by their skills and employers), as entries. */
export function candidateEntries(query: string, rows: CandidateRow[], open: (id: string) => void): Entry[] {
  return rank(query, rows, (row) => row.name).map((row) => ({
    key: `candidate:${row.id}`,
    group: "candidate",
    label: row.name,
    hint: [row.current_title, row.current_employer].filter(Boolean).join(" · "),
    run: () => open(row.id),
  }));
}

/** The entries `query` matches (by label or the other words they answer to), best first, at
 *  most `limit`; then the candidates found. */
export function results(query: string, all: Entry[], found: Entry[], limit = 12): Entry[] {
  return [...rank(query, all, (e) => [e.label, e.also ?? ""], limit), ...found];
}
