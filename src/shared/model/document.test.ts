import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emptyDesign, parseDesign, serializeDesign, validateDesign } from "./document";
import { formatProblem, InputError } from "./problems";
import { CURRENT_VERSION } from "./schema";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function problemOf(text: string) {
  try {
    parseDesign(text, "d.palisade.json");
  } catch (e) {
    if (e instanceof InputError) return formatProblem(e.problems[0] as never);
    throw e;
  }
  throw new Error("expected the design to be refused");
}

describe("design files", () => {
  it("loads every released format version (frozen fixtures)", () => {
    const v0 = parseDesign(fixture("v0.palisade.json"));
    expect(v0.version).toBe(CURRENT_VERSION);
    expect(v0.resources.map((r) => r.id)).toEqual(["web"]);
    expect(v0.externals.map((e) => e.id)).toEqual(["internet"]);
    expect(v0.groups[0]?.ingress[0]).toMatchObject({ protocol: "tcp", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } });
    expect(v0.groups[0]?.egress[0]?.protocol).toBe("-1");
    const v1 = parseDesign(fixture("v1.palisade.json"));
    expect(v1.groups.map((g) => g.id)).toEqual(["sg-alb", "sg-app", "sg-db"]);
    const v2 = parseDesign(fixture("v2.palisade.json"));
    expect(v2).toEqual(v1);
  });

  it.each([
    ["v1.palisade.json", "v2.palisade.json"],
    ["v1-other-account.palisade.json", "v2-other-account.palisade.json"],
    ["v1-my-ip.palisade.json", "v2-my-ip.palisade.json"],
  ])("a saved %s is written back as %s", (v1, v2) => {
    expect(serializeDesign(parseDesign(fixture(v1)))).toBe(fixture(v2));
  });

  it("v1 -> v2: a group tagged as another account's placeholder gets the otherAccount field, its other tags kept", () => {
    const [app, peer, odd] = parseDesign(fixture("v1-other-account.palisade.json")).groups;
    expect(app?.otherAccount).toBeUndefined();
    expect(peer?.otherAccount).toEqual({ account: "210987654321", groupId: "sg-0999999999999999a" });
    expect(peer?.tags).toEqual({ owner: "data-team" });
    // Tags that name no valid account and group were never a placeholder: they stay tags.
    expect(odd?.otherAccount).toBeUndefined();
    expect(odd?.tags).toEqual({ "palisade:account": "me", "palisade:group-id": "sg-1" });
  });

  it("refuses an otherAccount field that names no account, at its path", () => {
    const d = JSON.parse(fixture("v2-other-account.palisade.json"));
    d.groups[1].otherAccount.account = "me";
    expect(problemOf(JSON.stringify(d, null, 2))).toMatch(
      /^d\.palisade\.json:\d+:\d+: groups\[1\]\.otherAccount\.account: is not a 12-digit AWS account id/,
    );
  });

  it("writes stable text: serialize(parse(x)) is x for a saved file", () => {
    for (const name of ["v2.palisade.json", "v2-other-account.palisade.json"]) {
      const text = fixture(name);
      expect(serializeDesign(parseDesign(text))).toBe(text);
    }
  });

  it("keeps unknown top-level fields on a round trip", () => {
    const d = { ...emptyDesign(), futureFeature: { keep: true } };
    const again = parseDesign(serializeDesign(validateDesign(d)));
    expect((again as Record<string, unknown>).futureFeature).toEqual({ keep: true });
  });

  it("normalizes protocol numbers to names", () => {
    const d = emptyDesign();
    d.groups = [
      {
        id: "g",
        name: "g",
        description: "g",
        ingress: [{ id: "r", protocol: "17", fromPort: 53, toPort: 53, peer: { kind: "cidr4", cidr: "10.0.0.0/8" } }],
        egress: [],
      },
    ];
    expect(validateDesign(d).groups[0]?.ingress[0]?.protocol).toBe("udp");
  });

  it.each([
    [
      "broken JSON",
      '{ "format": "palisade",\n  "version": 1,, }',
      /^d\.palisade\.json:2:16: not valid JSON: expected a property name in double quotes/,
    ],
    ["not a design", '{ "hello": 1 }', /not a Palisade design/],
    [
      "a newer version",
      '{ "format": "palisade", "version": 99 }',
      /newer Palisade \(format version 99\).*reads up to version 2/,
    ],
  ])("refuses %s with a clear message", (_, text, message) => {
    expect(problemOf(text)).toMatch(message);
  });

  const withRule = (rule: object) => {
    const d = JSON.parse(fixture("v1.palisade.json"));
    d.groups[1].ingress[0] = { ...d.groups[1].ingress[0], ...rule };
    return JSON.stringify(d, null, 2);
  };

  it.each([
    ["an absurd port", { toPort: 70000 }, /groups\[1\]\.ingress\[0\]\.toPort: .*65535/],
    [
      "a reversed range",
      { fromPort: 9000, toPort: 8000 },
      /groups\[1\]\.ingress\[0\]\.toPort: reversed port range 9000-8000/,
    ],
    [
      "a bad CIDR",
      { peer: { kind: "cidr4", cidr: "10.0.0.300/24" } },
      /groups\[1\]\.ingress\[0\]\.peer\.cidr: .*not an IPv4 or IPv6 address/,
    ],
    [
      "host bits in a CIDR",
      { peer: { kind: "cidr4", cidr: "10.0.0.1/8" } },
      /host bits set: the network is 10\.0\.0\.0\/8/,
    ],
    [
      "an IPv6 CIDR where IPv4 is expected",
      { peer: { kind: "cidr4", cidr: "::/0" } },
      /IPv6 CIDR where an IPv4 CIDR is expected/,
    ],
    [
      "a dangling group reference",
      { peer: { kind: "group", groupId: "sg-gone" } },
      /no security group has id "sg-gone"/,
    ],
    ["an unknown protocol", { protocol: "tcpp" }, /"tcpp" is not a protocol/],
  ])("names the path and line of %s", (_, rule, message) => {
    const text = withRule(rule);
    const problem = problemOf(text);
    expect(problem).toMatch(message);
    // The line points into the groups section of the file, where the bad rule is.
    const line = Number(problem.split(":")[1]);
    expect(text.split("\n")[line - 1]).toMatch(/"(toPort|fromPort|cidr|groupId|protocol|peer)"/);
  });
});
