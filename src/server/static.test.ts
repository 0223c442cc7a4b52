import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentType, fileUnder } from "./static";

const root = "/srv/app";

describe("fileUnder", () => {
  it.each([
    ["/", "/srv/app/index.html"],
    ["", "/srv/app/index.html"],
    ["/index.html", "/srv/app/index.html"],
    ["/assets/index-abc.js", "/srv/app/assets/index-abc.js"],
    ["/a%20b.css", "/srv/app/a b.css"],
  ])("maps %j to %s", (path, file) => {
    expect(fileUnder(root, path)).toBe(file);
  });

  it.each([
    "/../etc/passwd",
    "/assets/../../etc/passwd",
    "/%2e%2e/etc/passwd",
    "/%2e%2e%2fetc%2fpasswd",
    "/..%5c..%5cwindows",
    "/a%00.html",
    "/%E0%A4%A",
    "/..",
  ])("refuses %j, which would leave the root or is malformed", (path) => {
    expect(fileUnder(root, path)).toBeUndefined();
  });

  it("never answers a file outside the root, whatever the path", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("..", ".", "a", "%2e%2e", "%2f", "/", "b.js", "%5c"), { maxLength: 8 }),
        (parts) => {
          const file = fileUnder(root, `/${parts.join("/")}`);
          if (file !== undefined) expect(file.startsWith(`${root}/`)).toBe(true);
        },
      ),
    );
  });
});

describe("contentType", () => {
  it.each([
    ["index.html", "text/html; charset=utf-8"],
    ["x.JS", "text/javascript; charset=utf-8"],
    ["unknown.bin", "application/octet-stream"],
  ])("%s is served as %s", (file, type) => {
    expect(contentType(file)).toBe(type);
  });
});
