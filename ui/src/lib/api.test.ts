import { afterEach, describe, expect, it, vi } from "vitest";
import type { DomainError } from "./bindings/DomainError";
import type { KeychainProblemKind } from "./bindings/KeychainProblemKind";
import type { SyncProblemKind } from "./bindings/SyncProblemKind";
import { setLocale } from "./i18n";

// The window's command bridge does not exist under Node: it rejects here the way Tauri itself
// does when a command is unknown (a plain string, not an AppError).
vi.mock("@tauri-apps/api/core", () => ({
  invoke: vi.fn(async (command: string) => {
    throw `command ${command} not found`;
  }),
}));

const { invoke } = await import("@tauri-apps/api/core");
const { CommandError, api, asAppError, describeKeychain, describeRule, describeSync, failureField, failureText } =
  await import("./api");
const { doorApi } = await import("./components/checkin/api");
const { eventsApi } = await import("./components/events/api");

describe("the calls", () => {
  it("name the Rust command and send its arguments under Tauri's camelCase keys", async () => {
    const sent = async (run: () => Promise<unknown>) => {
      vi.mocked(invoke).mockClear().mockResolvedValueOnce(undefined);
      await run();
      return vi.mocked(invoke).mock.calls[0];
    };
    expect(await sent(() => api.pipelineMembers("p", true, 40, 20))).toEqual([
      "pipeline_members",
      { pipeline: "p", reviewed: true, offset: 40, limit: 20 },
    ]);
    expect(await sent(() => eventsApi.attendeeIds("e", 4))).toEqual(["event_attendee_ids", { event: "e", minRating: 4 }]);
    expect(await sent(() => api.chooseSavePath("Save", "/tmp/a.csv"))).toEqual([
      "choose_save_path",
      { title: "Save", suggested: "/tmp/a.csv", extension: null },
    ]);
    expect(await sent(() => api.appInfo())).toEqual(["app_info", undefined]);
    const walkIn = { profile: {}, interests: [], consent: true } as never;
    expect(await sent(() => doorApi.walkIn("e", walkIn))).toEqual(["walk_in", { event: "e", walkIn }]);
  });
});

// One of each kind Rust sends: the type makes a new kind fail `npm run check` here too.
const everyKind: { [K in DomainError["kind"]]: Extract<DomainError, { kind: K }> } = {
  invalid: { kind: "invalid", field: "email", reason: '"x" has no @' },
  forbidden: { kind: "forbidden", reason: "admins only" },
  over_bulk_limit: { kind: "over_bulk_limit", action: "manage_tags", limit: 100000, requested: 100001 },
  not_found: { kind: "not_found", what: "job", id: "7" },
  query: { kind: "query", problem: { kind: "nothing_after", operator: "AND" }, position: 7 },
  required: { kind: "required", field: "last_name" },
  too_long: { kind: "too_long", field: "first_name", length: 120, limit: 100 },
  too_many: { kind: "too_many", field: "skills", count: 501, limit: 500 },
  control_character: { kind: "control_character", field: "note", code: 7 },
  not_one_line: { kind: "not_one_line", field: "title" },
  not_an_email: { kind: "not_an_email", field: "email", problem: "no_at" },
  not_a_phone: { kind: "not_a_phone", field: "phone", problem: { kind: "digit_count", digits: 3 } },
  not_a_web_address: { kind: "not_a_web_address", field: "links" },
  not_a_year_month: { kind: "not_a_year_month", field: "employment" },
  ends_before_start: { kind: "ends_before_start", field: "education" },
  not_a_rating: { kind: "not_a_rating", field: "rating", value: 9 },
  already_exists: { kind: "already_exists", field: "note_id", what: "note", id: "42" },
  listed_twice: { kind: "listed_twice", field: "interests", value: "Data" },
  nothing_selected: { kind: "nothing_selected" },
  repeated_in_selection: { kind: "repeated_in_selection" },
  no_address: { kind: "no_address", candidate: { id: "0190", name: "Ana Souza" }, email: true },
  deactivated: { kind: "deactivated", candidate: { id: "0190" } },
  texts_opted_out: { kind: "texts_opted_out", count: 2 },
  no_text_provider: { kind: "no_text_provider" },
  not_among: { kind: "not_among", what: "job" },
  admin_only: { kind: "admin_only", capability: "delete_candidate" },
  needs_ats_id: { kind: "needs_ats_id" },
  not_an_ats_id: { kind: "not_an_ats_id", field: "ats_id" },
  ats_id_taken: { kind: "ats_id_taken", id: "4711", user: "Nia Okafor" },
  not_yours: { kind: "not_yours", what: "pipeline", id: "0192" },
  status_has_members: { kind: "status_has_members", status: "Screen", count: 1200 },
  not_one_of: { kind: "not_one_of", field: "hiring_status", value: "Archived", allowed: ["Offer", "Hired"] },
  already_hired: { kind: "already_hired", job: "Nurse" },
  application_withdrawn: { kind: "application_withdrawn", job: "Nurse" },
  job_closed: { kind: "job_closed", job: "Nurse" },
  pipeline_archived: { kind: "pipeline_archived", pipeline: "Nursing 2027" },
  last_admin: { kind: "last_admin" },
  changed_since: { kind: "changed_since", what: "pipeline" },
  unknown_change: { kind: "unknown_change", name: "candidate.teleport" },
};

describe("describeRule", () => {
  afterEach(() => setLocale("en"));

  it("says each kind in English and in German, every value filled in", () => {
    for (const language of ["en", "de"]) {
      setLocale(language);
      for (const rule of Object.values(everyKind)) {
        const text = describeRule(rule);
        expect(text, rule.kind).not.toMatch(/[{}]|undefined|Refused|Abgelehnt/);
        expect(text.length, rule.kind).toBeGreaterThan(3);
      }
    }
  });

  it("puts the field's, the action's and the candidate's names in the sentence", () => {
    const said: [DomainError, string, string][] = [
      [everyKind.required, "Last name is required", "Nachname muss ausgefüllt sein"],
      [
        everyKind.over_bulk_limit,
        "Manage Tags works on at most 100,000 candidates at once; 100,001 are selected",
        "Tags verwalten geht mit höchstens 100.000 Kandidaten auf einmal; ausgewählt sind 100.001",
      ],
      [everyKind.no_address, "Ana Souza has no email address", "Ana Souza hat keine E-Mail-Adresse"],
      [everyKind.texts_opted_out, "All 2 opted out of texts; nothing was sent", "Alle 2 haben SMS abbestellt; nichts wurde gesendet"],
      [
        everyKind.deactivated,
        "A candidate is deactivated; an admin reactivates them first",
        "Eine Person ist deaktiviert; ein Admin muss die Person zuerst wieder aktivieren",
      ],
      [everyKind.admin_only, "Only recruiter admins may delete candidates", "Nur Recruiter-Admins dürfen Kandidaten löschen"],
      [everyKind.query, "AND needs a term after it (at character 7)", "Nach AND fehlt ein Begriff (bei Zeichen 7)"],
      [everyKind.not_an_email, "Email is not an email address: it has no @", "E-Mail ist keine E-Mail-Adresse: das @ fehlt"],
      [
        everyKind.not_a_phone,
        "Phone is not a phone number: it has 3 digits; a phone number has 7 to 15",
        "Telefon ist keine Telefonnummer: sie hat 3 Ziffern; eine Telefonnummer hat 7 bis 15",
      ],
      [{ kind: "required", field: "custom:shoe_size" }, "shoe size is required", "shoe size muss ausgefüllt sein"],
      [
        everyKind.ats_id_taken,
        "ATS ID 4711 is Nia Okafor's already; each teammate has their own",
        "Die ATS-ID 4711 hat schon Nia Okafor; jedes Teammitglied hat seine eigene",
      ],
      [
        everyKind.not_one_of,
        "Hiring status: “Archived” is not one of Offer and Hired",
        "Einstellungsstatus: „Archived“ ist nicht eines von: Angebot und Eingestellt",
      ],
      [
        everyKind.status_has_members,
        "1,200 candidates are at “Screen”; choose the status they move to",
        "1.200 Kandidaten stehen auf „Screen“; wählen Sie den Status, zu dem sie wechseln",
      ],
    ];
    for (const [rule, english, german] of said) {
      setLocale("en");
      expect(describeRule(rule)).toBe(english);
      setLocale("de-DE");
      expect(describeRule(rule)).toBe(german);
    }
  });

  it("keeps an English reason of a rule without a kind of its own, without the selection's field", () => {
    expect(describeRule(everyKind.invalid)).toBe('Email: "x" has no @');
    expect(describeRule({ kind: "invalid", field: "selection", reason: "Ana Souza is not checked in" })).toBe(
      "Ana Souza is not checked in",
    );
  });

  it("says a deleted candidate is gone instead of quoting an id", () => {
    expect(describeRule({ kind: "not_found", what: "candidate", id: "0190-…" })).toBe(
      "This candidate no longer exists: they were deleted, here or by a teammate",
    );
    expect(describeRule(everyKind.not_found)).toBe("job 7 does not exist");
  });

  it("says which kind it is when a newer version sends one this window does not know", () => {
    expect(describeRule({ kind: "from_the_future" } as unknown as DomainError)).toBe("Refused (from_the_future)");
  });
});

describe("describeSync and describeKeychain", () => {
  afterEach(() => setLocale("en"));
  const syncKinds: Record<SyncProblemKind, true> = {
    unreachable: true,
    signed_out: true,
    unavailable: true,
    refused: true,
    bad_answer: true,
    insecure: true,
    bad_address: true,
    stopped: true,
    out_of_step: true,
    local: true,
  };
  const keychainKinds: Record<KeychainProblemKind, true> = { unavailable: true, locked: true, failed: true };

  it("say every kind of sync and keychain failure in English and in German", () => {
    for (const language of ["en", "de"]) {
      setLocale(language);
      for (const kind of Object.keys(syncKinds) as SyncProblemKind[]) {
        expect(describeSync({ kind, detail: "HTTP 418" }), kind).not.toMatch(/[{}]/);
      }
      for (const kind of Object.keys(keychainKinds) as KeychainProblemKind[]) {
        expect(describeKeychain({ kind, detail: "dbus" }), kind).not.toMatch(/[{}]/);
      }
    }
    expect(describeSync({ kind: "unreachable", detail: "the server cannot be reached: refused" })).toBe(
      "Der Server ist nicht erreichbar",
    );
    setLocale("en");
    expect(describeSync({ kind: "refused", detail: "not in this org (HTTP 403)" })).toBe(
      "The server refused: not in this org (HTTP 403)",
    );
  });
});

describe("failureField", () => {
  it("is the field a refused value's rule names, and nothing for other failures", () => {
    const refused = (error: DomainError) => new CommandError({ type: "rule", error });
    expect(failureField(refused(everyKind.not_an_email))).toBe("email");
    expect(failureField(refused({ kind: "required", field: "custom:level" }))).toBe("custom:level");
    expect(failureField(refused(everyKind.nothing_selected))).toBeNull();
    expect(failureField(new CommandError({ type: "storage", error: { message: "busy" } }))).toBeNull();
    expect(failureField(new Error("email: x"))).toBeNull();
  });
});

describe("failureText", () => {
  it("shows a failure's message without the word Error in front", () => {
    expect(failureText(new Error("the file is not a PDF inside"))).toBe("the file is not a PDF inside");
    const refused = new CommandError({ type: "storage", error: { message: "the store is busy" } });
    expect(failureText(refused)).toBe("the store is busy");
    expect(failureText("plain text")).toBe("plain text");
  });
});

describe("asAppError", () => {
  afterEach(() => setLocale("en"));

  it("keeps the commands' own errors as they are", () => {
    const storage = { type: "storage", error: { message: "the store is busy" } } as const;
    expect(asAppError(storage)).toBe(storage);
    const rule = { type: "rule", error: { kind: "forbidden", reason: "admins only" } } as const;
    expect(new CommandError(asAppError(rule)).message).toBe("admins only");
  });

  it("says a command needing a server in the window's language", () => {
    const local = { type: "session", error: "no_server" } as const;
    expect(asAppError(local)).toBe(local);
    expect(new CommandError(asAppError(local)).message).toBe(
      "This works on a server; this window works on a local database",
    );
    setLocale("de");
    expect(new CommandError(asAppError({ type: "session", error: "not_signed_in" })).message).toBe(
      "Bitte zuerst bei einem Server anmelden",
    );
    // A problem this version does not know keeps its words rather than being half-read.
    expect(new CommandError(asAppError({ type: "session", error: "expired" })).message).toBe(
      '{"type":"session","error":"expired"}',
    );
  });

  it("keeps the words of Tauri's own string errors", async () => {
    await expect(api.appInfo()).rejects.toThrow("command app_info not found");
    const missing = "invalid args `server` for command `sign_in`: command sign_in missing required key server";
    expect(new CommandError(asAppError(missing)).message).toBe(missing);
    expect(new CommandError(asAppError("command nope not found")).message).toBe("command nope not found");
  });

  it("says something readable for anything else", () => {
    expect(new CommandError(asAppError(new TypeError("bridge gone"))).message).toBe("bridge gone");
    expect(new CommandError(asAppError(undefined)).message).toBe("The command failed without saying why");
    expect(new CommandError(asAppError({ code: 7 })).message).toBe('{"code":7}');
    // Shaped almost like an AppError, but not one: shown as it came, not half-read.
    expect(new CommandError(asAppError({ type: "storage", error: "x" })).message).toBe(
      '{"type":"storage","error":"x"}',
    );
    expect(new CommandError(asAppError(42)).message).toBe("42");
  });
});
