import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isAllowedExternal } from "./links";
import { fileForUrl } from "./protocol";
import { addRecent, loadRecent, MAX_RECENT, saveRecent } from "./recent";
import { windowTitle } from "./title";

describe("external links", () => {
  it.each([
    ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html", true],
    ["https://github.com/", true],
    ["http://docs.aws.amazon.com/", false],
    ["https://docs.aws.amazon.com.evil.example/", false],
    ["https://user:pw@github.com/", false],
    ["file:///etc/passwd", false],
    ["javascript:alert(1)", false],
    ["not a url", false],
  ])("%s may open outside the app: %s", (url, allowed) => {
    expect(isAllowedExternal(url)).toBe(allowed);
  });
});

describe("the app protocol", () => {
  it.each([
    ["palisade://app/index.html", "/r/index.html"],
    ["palisade://app/assets/x.js?v=1", "/r/assets/x.js"],
    ["palisade://other/index.html", undefined],
    ["https://app/index.html", undefined],
    // The URL parser drops dot segments first: they cannot climb out of the renderer folder.
    ["palisade://app/%2e%2e/main/index.js", "/r/main/index.js"],
    ["palisade://app/..%2fmain/index.js", undefined],
  ])("%s is served from %s", (url, file) => {
    expect(fileForUrl("/r", url)).toBe(file);
  });
});

describe("recent files", () => {
  it("puts the latest first, once, and keeps at most ten", () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = addRecent(list, `/f${i}`);
    list = addRecent(list, "/f5");
    expect(list[0]).toBe("/f5");
    expect(list).toHaveLength(MAX_RECENT);
    expect(new Set(list).size).toBe(list.length);
  });

  it("survives a restart, and a damaged list reads as empty", async () => {
    const dir = await mkdtemp(join(tmpdir(), "palisade-recent-"));
    const file = join(dir, "recent-files.json");
    expect(loadRecent(file)).toEqual([]);
    await saveRecent(file, ["/a", "/b"]);
    expect(loadRecent(file)).toEqual(["/a", "/b"]);
    await writeFile(file, "{ torn");
    expect(loadRecent(file)).toEqual([]);
  });
});

describe("the window title", () => {
  it.each([
    [undefined, "Palisade"],
    [{ name: "Three tier", dirty: false }, "Three tier — Palisade"],
    [{ name: "Three tier", dirty: true, path: "/d/web.palisade.json" }, "• web.palisade.json — Palisade"],
    [{ name: "", dirty: true }, "• Untitled — Palisade"],
  ])("%j reads %s", (state, title) => {
    expect(windowTitle(state)).toBe(title);
  });
});
