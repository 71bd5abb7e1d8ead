import { describe, expect, it } from "vitest";
import { wantsNativeMenu } from "./nativeMenu";

/** An element as far as `closest` goes: inside a text field or not. */
const inside = (field: boolean) => ({ closest: () => (field ? {} : null) }) as unknown as EventTarget;

describe("wantsNativeMenu", () => {
  it("keeps the webview's menu for text fields only", () => {
    expect(wantsNativeMenu(inside(true))).toBe(true);
    expect(wantsNativeMenu(inside(false))).toBe(false);
    expect(wantsNativeMenu(null)).toBe(false);
  });
});
