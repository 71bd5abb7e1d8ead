import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "./bindings/Message";
import { atsWord, deliveryState, deliverySteps, fileSize, newestResume, period, place, yesNo } from "./profile";
import type { Document } from "./bindings/Document";
import { setLocale } from "./i18n";

const message = (over: Partial<Message>): Message => ({
  send_id: "s",
  candidate_id: "c",
  channel: "email",
  kind: "direct",
  sender_id: "u",
  campaign_id: null,
  job_id: null,
  subject: "Hello",
  body: "Hi",
  queued_at: "2026-01-01T00:00:00Z",
  sent_at: null,
  delivered_at: null,
  opened_at: null,
  clicked_at: null,
  bounced_at: null,
  check_in_code: null,
  ...over,
});

describe("profile formatting", () => {
  afterEach(() => setLocale("en"));

  it("shows periods with whatever ends are known", () => {
    expect(period("2019", "2021")).toBe("2019 – 2021");
    expect(period("2019-04", null, true)).toBe("2019-04 – present");
    expect(period("2019", null)).toBe("since 2019");
    expect(period(null, "2020")).toBe("until 2020");
    expect(period(null, null)).toBe("");
    setLocale("de-DE");
    expect(period("2019-04", null, true)).toBe("2019-04 – heute");
    expect(period("2019", null)).toBe("seit 2019");
  });

  it("joins the known parts of a place", () => {
    expect(place({ city: "Lisbon", region: "", country: "PT" })).toBe("Lisbon, Portugal");
    expect(place({ city: "Lisbon", region: "", country: "Portugal" })).toBe("Lisbon, Portugal");
    expect(place({ city: " ", region: "", country: "" })).toBe("");
  });

  it("names the furthest delivery step, and a bounce over everything", () => {
    expect(deliveryState(message({}))).toBe("Queued");
    expect(deliveryState(message({ sent_at: "x", delivered_at: "y" }))).toBe("Delivered");
    expect(deliveryState(message({ sent_at: "x", opened_at: "y", clicked_at: "z" }))).toBe("Clicked");
    expect(deliveryState(message({ sent_at: "x", bounced_at: "y" }))).toBe("Bounced");
    // A text is delivered or fails; it is not opened.
    expect(deliveryState(message({ channel: "text", sent_at: "x" }))).toBe("Sent");
    expect(deliveryState(message({ channel: "text", sent_at: "x", delivered_at: "y" }))).toBe("Delivered");
    expect(deliveryState(message({ channel: "text", sent_at: "x", bounced_at: "y", failure: "30003: Unreachable" }))).toBe("Failed");
    expect(deliverySteps(message({ channel: "text" })).map((s) => s.step)).toEqual(["sent", "delivered", "failed"]);
    setLocale("de-DE");
    expect(deliveryState(message({ sent_at: "x", delivered_at: "y" }))).toBe("Zugestellt");
  });

  it("says yes, no, or that nothing was stated", () => {
    expect([yesNo(true), yesNo(false), yesNo(null)]).toEqual(["Yes", "No", "Not stated"]);
    setLocale("de-DE");
    expect([yesNo(true), yesNo(false), yesNo(null)]).toEqual(["Ja", "Nein", "Nicht angegeben"]);
  });

  it("says the ATS's hiring statuses in the window's language, and a word it added as written", () => {
    setLocale("de-DE");
    expect([atsWord("Phone Screen"), atsWord("Offer"), atsWord("Culture Fit")]).toEqual(["Telefoninterview", "Angebot", "Culture Fit"]);
  });

  it("shows file sizes in readable units, the locale's way", () => {
    expect(fileSize(840)).toBe("840 byte");
    expect(fileSize(12_700)).toBe("12.7 kB");
    expect(fileSize(3_250_000)).toBe("3.3 MB");
    setLocale("de-DE");
    expect(fileSize(12_700)).toBe("12,7 kB");
  });
});

describe("newestResume", () => {
  const doc = (name: string, kind: Document["kind"], uploaded_at: string): Document => ({
    id: name,
    candidate_id: "c",
    name,
    kind,
    sha256: "0".repeat(64),
    size: 1,
    uploaded_at,
  });

  it("picks the resume uploaded last, whatever the list's order", () => {
    const docs = [
      doc("old.pdf", "resume", "2025-01-02T10:00:00Z"),
      doc("letter.pdf", "cover_letter", "2026-03-01T10:00:00Z"),
      doc("new.docx", "resume", "2025-06-30T08:15:00Z"),
    ];
    expect(newestResume(docs)?.name).toBe("new.docx");
    expect(newestResume([...docs].reverse())?.name).toBe("new.docx");
  });

  it("is none without a resume", () => {
    expect(newestResume([doc("letter.pdf", "cover_letter", "2026-03-01T10:00:00Z")])).toBeNull();
    expect(newestResume([])).toBeNull();
  });
});
