import { describe, expect, it } from "vitest";
import type { Problem } from "../../model/problems";
import { checkRule } from "./check-rule";

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
