import { describe, expect, it } from "vitest";
import { routeDrop } from "./dropRoute";

const idle = { importing: false, queueing: false };

describe("files dropped on the search page", () => {
  it("go nowhere while an import or a resume queue is open", () => {
    expect(routeDrop(["/f/people.csv"], { importing: true, queueing: false })).toEqual({ kind: "busy" });
    expect(routeDrop(["/f/a.pdf", "/f/b.pdf"], { importing: false, queueing: true })).toEqual({ kind: "busy" });
  });

  it("import a spreadsheet, counting the files dropped with it that are not taken", () => {
    expect(routeDrop(["/f/people.xlsx"], idle)).toEqual({ kind: "import", path: "/f/people.xlsx", left: 0 });
    expect(routeDrop(["/f/a.pdf", "/f/people.CSV", "/f/b.docx"], idle)).toEqual({
      kind: "import",
      path: "/f/people.CSV",
      left: 2,
    });
  });

  it("queue resumes", () => {
    expect(routeDrop(["/f/a.pdf", "/f/b.zip"], idle)).toEqual({ kind: "resumes", paths: ["/f/a.pdf", "/f/b.zip"] });
  });
});
