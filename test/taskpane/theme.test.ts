import { luminance, prefersDark } from "../../src/taskpane/theme";

describe("light or dark", () => {
  it("follows Office's body background when Office gives one", () => {
    // Office's Black and Dark Gray themes, then White and Colorful.
    expect(prefersDark("#262626", false)).toBe(true);
    expect(prefersDark("#444444", false)).toBe(true);
    expect(prefersDark("#FFFFFF", true)).toBe(false);
    expect(prefersDark("#E6E6E6", true)).toBe(false);
  });

  it("follows the system when Office says nothing usable", () => {
    expect(prefersDark(null, true)).toBe(true);
    expect(prefersDark(undefined, false)).toBe(false);
    expect(prefersDark("not a colour", true)).toBe(true);
  });

  it("measures relative luminance", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("ffffff")).toBeCloseTo(1);
    expect(luminance("#808080")).toBeCloseTo(0.216, 3);
    expect(luminance("#12345")).toBeNull();
  });
});
