import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineColumn, lineIndex, type Problem } from "../model/problems";
import { checkRule, Ids } from "./draft";

describe("Ids", () => {
  it("makes valid, unique ids from any text", () => {
    const ids = new Ids();
    expect(["web", "web", "Web Server!", "", "a/b:c"].map((t) => ids.take(t))).toEqual([
      "web",
      "web-2",
      "Web-Server",
      "x",
      "a/b:c",
    ]);
  });
});

describe("lineIndex", () => {
  it("agrees with counting from the start", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\n", "b") }), fc.nat(), (text, n) => {
        const offset = text.length ? n % text.length : 0;
        expect(lineIndex(text)(offset)).toEqual(lineColumn(text, offset));
      }),
    );
  });
});

describe("checkRule", () => {
  const peer = { kind: "cidr4" as const, cidr: "10.0.0.0/8" };
  it.each([
    ["drops ports for -1", { protocol: "-1", fromPort: 0, toPort: 0 }, { protocol: "-1" }],
    ["drops ports for a protocol number", { protocol: 50, fromPort: 0, toPort: 0 }, { protocol: "50" }],
    [
      "reads number strings",
      { protocol: "6", fromPort: "22", toPort: "22" },
      { protocol: "tcp", fromPort: 22, toPort: 22 },
    ],
    [
      "keeps ICMP type and code",
      { protocol: "icmp", fromPort: 8, toPort: -1 },
      { protocol: "icmp", fromPort: 8, toPort: -1 },
    ],
  ])("%s", (_, raw, expected) => {
    const errors: Problem[] = [];
    expect(checkRule({ id: "r", peer, ...raw }, {}, errors)).toEqual({ id: "r", peer, ...expected });
    expect(errors).toEqual([]);
  });

  it("places each problem at the field it is about", () => {
    const errors: Problem[] = [];
    checkRule({ id: "r", protocol: "tcp", fromPort: 80, toPort: 70, peer }, (field) => ({ file: field }), errors);
    expect(errors).toEqual([
      {
        file: "toPort",
        message: "toPort: reversed port range 80-70: fromPort must not exceed toPort",
        severity: "error",
      },
    ]);
  });
});
