import { describe, expect, it } from "vitest";
import { pageCommand, type PageKeyState } from "./keys";

const press = (key: string, target: EventTarget | null = null, mods: Partial<KeyboardEvent> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});
const table: PageKeyState = { mode: "table", hasRow: true, previewing: true };

describe("pageCommand", () => {
  it("moves, ticks and opens from the keyboard in the table", () => {
    expect(pageCommand(press("j"), table)).toBe("down");
    expect(pageCommand(press("ArrowUp"), table)).toBe("up");
    expect(pageCommand(press("x"), table)).toBe("tick");
    expect(pageCommand(press("."), table)).toBe("menu");
    expect(pageCommand(press("Enter"), table)).toBe("open");
    expect(pageCommand(press("Escape"), table)).toBe("close-preview");
    expect(pageCommand(press("/"), table)).toBe("focus-search");
  });
  it("leaves letters to a field being typed in, but not the arrows", () => {
    const box = { tagName: "INPUT" } as unknown as EventTarget;
    expect(pageCommand(press("j", box), table)).toBeNull();
    expect(pageCommand(press("/", box), table)).toBeNull();
    expect(pageCommand(press("ArrowDown", box), table)).toBe("down");
  });
  it("leaves Enter to a button, a link, a menu entry or a tab that has the focus", () => {
    const within = (selector: string) =>
      ({ closest: (s: string) => (s.split(", ").includes(selector) ? {} : null) }) as unknown as EventTarget;
    expect(pageCommand(press("Enter", within("button")), table)).toBeNull();
    expect(pageCommand(press("Enter", within("[role=tab]")), table)).toBeNull();
    expect(pageCommand(press("Enter", within("td")), table)).toBe("open");
  });
  it("steps through resumes with the left and right arrows in the resume view", () => {
    const resume: PageKeyState = { ...table, mode: "resume" };
    expect(pageCommand(press("ArrowLeft"), resume)).toBe("previous-resume");
    expect(pageCommand(press("ArrowRight"), resume)).toBe("next-resume");
    expect(pageCommand(press("j"), resume)).toBeNull();
  });
  it("does nothing without a row, or with a modifier held", () => {
    expect(pageCommand(press("x"), { ...table, hasRow: false })).toBeNull();
    expect(pageCommand(press("j", null, { ctrlKey: true }), table)).toBeNull();
  });
});
