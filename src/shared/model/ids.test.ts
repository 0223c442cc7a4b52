import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyDesign } from "./document";
import { newSecurityGroup } from "./factory";
import { freshId, ID_FALLBACK, Ids, idStem, isId, usedIds } from "./ids";

describe("freshId", () => {
  it.each([
    ["web", [], "web"],
    ["web", ["web"], "web-2"],
    ["web server", ["web-server", "web-server-2"], "web-server-3"],
    ["  ", [], "item"],
    ["ünïcode!", [], "unicode"],
    ["Straße café", [], "Strasse-cafe"],
    ["Øresund--link", [], "Oresund-link"],
    ["日本", [], "item"],
    ["a/b:c", [], "a/b:c"],
  ])("%j with %j taken gives %j", (base, taken, expected) => {
    expect(freshId(base, new Set(taken))).toBe(expected);
  });

  it("numbers past the ids already taken and takes the new one", () => {
    const taken = new Set(["app"]);
    expect([freshId("app", taken), freshId("app", taken)]).toEqual(["app-2", "app-3"]);
    expect(taken.has("app-3")).toBe(true);
  });
});

describe("idStem, on any text", () => {
  // The cleaning spelled out for ASCII, where no accent is dropped.
  const cleaned = (base: string) =>
    base
      .replace(/[^A-Za-z0-9._:/@+]+/g, "-")
      .slice(0, 200)
      .replace(/^-+|-+$/g, "") || ID_FALLBACK;

  it("gives the cleaned text (a clean one as it is)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "Z", "0", ".", "_", ":", "/", "@", "+", "-", " ", "!", "\n") }),
        (base) => {
          expect(idStem(base)).toBe(cleaned(base));
        },
      ),
      { numRuns: 2000, seed: 20261206 },
    );
  });

  it("always gives a valid id with room for a number, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (base) => {
        const stem = idStem(base);
        expect(isId(stem)).toBe(true);
        expect(stem.length).toBeLessThanOrEqual(200);
        expect(stem).not.toMatch(/^-|-$|--/);
        expect(idStem(stem)).toBe(stem);
      }),
      { numRuns: 2000, seed: 20261206 },
    );
    expect(idStem("x".repeat(201))).toBe("x".repeat(200));
  });
});

describe("Ids", () => {
  it("makes valid ids, unique among those it gave", () => {
    const ids = new Ids();
    expect(["web", "web", "Web Server!", "", "a/b:c"].map((t) => ids.take(t))).toEqual([
      "web",
      "web-2",
      "Web-Server",
      "item",
      "a/b:c",
    ]);
  });
});

describe("usedIds", () => {
  it("holds the ids of every part, rules and intents included", () => {
    const design = {
      ...emptyDesign(),
      groups: [newSecurityGroup({ id: "sg-web", name: "web" })],
      intents: [{ id: "intent-1", from: "a", to: "b", protocol: "tcp", port: 443 }],
    };
    expect([...usedIds(design)].sort()).toEqual(["intent-1", "sg-web", "sg-web-egress-all-v4"]);
  });
});
