import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proposeFix } from "../engine/synthesize";
import { designs } from "../engine/testing/arbitraries";
import { parseDesign } from "../model/document";
import type { Design, Peer, Rule, SecurityGroup } from "../model/schema";
import { lessonById, lessons } from "./catalog";
import { checkLesson } from "./check";
import type { Lesson } from "./schema";

function lesson(id: string): Lesson {
  const l = lessonById(id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
}

let n = 0;
const tcp = (port: number, peer: Peer): Rule => ({
  id: `t${++n}`,
  protocol: "tcp",
  fromPort: port,
  toPort: port,
  peer,
});
const v4 = (cidr: string): Peer => ({ kind: "cidr4", cidr });
const v6 = (cidr: string): Peer => ({ kind: "cidr6", cidr });
const sg = (groupId: string): Peer => ({ kind: "group", groupId });

/** The lesson's starting design with some groups edited. */
function edit(start: Design, edits: Record<string, (g: SecurityGroup) => void>): Design {
  const d = structuredClone(start);
  for (const g of d.groups) edits[g.id]?.(g);
  return d;
}

const stepsDone = (r: ReturnType<typeof checkLesson>) => Object.fromEntries(r.steps.map((s) => [s.id, s.done]));

describe("lesson 1: HTTP/HTTPS server", () => {
  const l = lesson("http-server");

  it("the starting design, a fresh group, is not done", () => {
    const r = checkLesson(l, l.start);
    expect(stepsDone(r)).toEqual({ http: false, https: false, ssh: false });
    expect(r.done).toBe(false);
  });

  it("HTTP and HTTPS from ::/0 and 0.0.0.0/0 and SSH from my IP is done, with no warning", () => {
    const solved = edit(l.start, {
      "sg-web": (g) => {
        g.ingress.push(tcp(80, v4("0.0.0.0/0")), tcp(80, v6("::/0")), tcp(443, v4("0.0.0.0/0")), tcp(443, v6("::/0")));
        g.ingress.push(tcp(22, v4("203.0.113.10/32")));
      },
    });
    expect(checkLesson(l, solved)).toMatchObject({ done: true, warnings: [] });
  });

  it("the shipped example design is a solution", () => {
    const example = parseDesign(readFileSync("examples/http-server.palisade.json", "utf8"));
    expect(checkLesson(l, example).done).toBe(true);
  });

  it("SSH open to the world is not SSH from my IP: the step stays undone, and the finding says why", () => {
    const open = edit(l.start, {
      "sg-web": (g) => {
        g.ingress.push(tcp(80, v4("0.0.0.0/0")), tcp(80, v6("::/0")), tcp(443, v4("0.0.0.0/0")), tcp(443, v6("::/0")));
        g.ingress.push(tcp(22, v4("0.0.0.0/0")));
      },
    });
    const r = checkLesson(l, open);
    expect(stepsDone(r)).toEqual({ http: true, https: true, ssh: false });
    expect(r.steps[2]?.hint).toMatch(/open to the whole Internet/);
    expect(r.warnings).toEqual([
      expect.stringMatching(/^SSH open to the Internet: .*opens SSH \(tcp 22\) to 0\.0\.0\.0\/0/),
    ]);
  });

  it("all traffic from anywhere opens HTTP and HTTPS but not SSH from my IP alone, and is flagged unsafe", () => {
    const open = edit(l.start, {
      "sg-web": (g) => {
        g.ingress.push(
          { id: "all4", protocol: "-1", peer: v4("0.0.0.0/0") },
          { id: "all6", protocol: "-1", peer: v6("::/0") },
        );
      },
    });
    const r = checkLesson(l, open);
    expect(stepsDone(r)).toEqual({ http: true, https: true, ssh: false });
    expect(r.warnings.some((w) => w.startsWith("All traffic allowed from the Internet"))).toBe(true);
  });

  it("IPv4 rules alone leave the IPv6 half undone, and the hint says why", () => {
    const half = edit(l.start, {
      "sg-web": (g) => {
        g.ingress.push(tcp(80, v4("0.0.0.0/0")), tcp(443, v4("0.0.0.0/0")), tcp(22, v4("203.0.113.10/32")));
      },
    });
    const r = checkLesson(l, half);
    expect(stepsDone(r)).toEqual({ http: false, https: false, ssh: true });
    expect(r.steps[0]?.message).toMatch(/^Over IPv6, it is not permitted/);
    expect(r.steps[0]?.hint).toMatch(/an IPv4 rule never matches IPv6 traffic/);
  });
});

describe("lesson 2: stateful traffic", () => {
  const l = lesson("stateful");
  const egress443 = (g: SecurityGroup) => g.egress.push(tcp(443, v4("0.0.0.0/0")));

  it("the starting design cannot download: its outbound rules drop the request", () => {
    const r = checkLesson(l, l.start);
    expect(r.done).toBe(false);
    expect(r.steps[0]).toMatchObject({ id: "download", done: false });
    expect(r.steps[0]?.message).toMatch(/dropped silently by web's outbound rules/);
  });

  it("one outbound rule is enough: the replies return without an inbound rule", () => {
    expect(checkLesson(l, edit(l.start, { "sg-web": egress443 }))).toMatchObject({ done: true, warnings: [] });
  });

  it("an inbound rule for the replies is not needed, and the hint says so", () => {
    const both = edit(l.start, {
      "sg-web": (g) => {
        egress443(g);
        g.ingress.push(tcp(443, v4("0.0.0.0/0")));
      },
    });
    const r = checkLesson(l, both);
    expect(stepsDone(r)).toEqual({ download: true, "no-inbound": false });
    expect(r.steps[1]?.hint).toMatch(/Replies to web's own requests return without an inbound rule/);
  });

  it("an inbound rule instead of an outbound one does not download anything", () => {
    const wrong = edit(l.start, { "sg-web": (g) => void g.ingress.push(tcp(443, v4("0.0.0.0/0"))) });
    expect(stepsDone(checkLesson(l, wrong))).toEqual({ download: false, "no-inbound": false });
  });
});

describe("lesson 3: three tiers by reference", () => {
  const l = lesson("three-tiers");

  it("the starting design admits the app subnet by address, batch server included", () => {
    const r = checkLesson(l, l.start);
    expect(stepsDone(r)).toEqual({ "app-reaches-db": true, "by-reference": false, "nothing-else": false });
    expect(r.steps[1]?.message).toMatch(/tcp 5432 from 10\.0\.2\.0\/24/);
  });

  it("a single rule from sg-app is done", () => {
    const solved = edit(l.start, {
      "sg-db": (g) => {
        g.ingress = [tcp(5432, sg("sg-app"))];
      },
    });
    expect(checkLesson(l, solved)).toMatchObject({ done: true, warnings: [] });
  });

  it("adding the group reference but keeping the CIDR rule is not by reference", () => {
    const both = edit(l.start, { "sg-db": (g) => void g.ingress.push(tcp(5432, sg("sg-app"))) });
    const r = checkLesson(l, both);
    expect(stepsDone(r)).toEqual({ "app-reaches-db": true, "by-reference": false, "nothing-else": false });
    expect(r.steps[1]?.hint).toMatch(/replace it with a rule whose source is sg-app/);
    expect(r.steps[2]?.hint).toMatch(/batch has an address in the app subnet/);
  });

  it("widening the CIDR to the whole VPC admits the load balancer too", () => {
    const wide = edit(l.start, {
      "sg-db": (g) => {
        g.ingress = [tcp(5432, v4("10.0.0.0/16"))];
      },
    });
    const r = checkLesson(l, wide);
    expect(r.done).toBe(false);
    expect(r.steps[2]?.message).toMatch(/batch can reach db/);
  });
});

describe("lesson 4: timeouts mean security groups", () => {
  const l = lesson("timeouts");
  const intent = { id: "app-db", from: "app", to: "db", protocol: "tcp", port: 5432 };

  it("the starting design times out at app's outbound rules, and both sides are named", () => {
    const r = checkLesson(l, l.start);
    expect(r.done).toBe(false);
    expect(r.steps[0]?.message).toMatch(/dropped silently by app's outbound rules, so app sees a timeout/);
    expect(r.steps[0]?.message).toMatch(/app is not a member of group web\./);
  });

  it("the proposed fix makes app reach db; removing the rule for the wrong tier finishes it", () => {
    const fixed = proposeFix(l.start, intent).design;
    const halfway = checkLesson(l, fixed);
    expect(stepsDone(halfway)).toEqual({ "app-reaches-db": true, "nothing-else": false });
    expect(halfway.steps[1]?.hint).toMatch(/remove the rule that admits sg-web/);
    const done = edit(fixed, {
      "sg-db": (g) => {
        g.ingress = g.ingress.filter((r) => r.id !== "db-from-web");
      },
    });
    expect(checkLesson(l, done)).toMatchObject({ done: true, warnings: [] });
  });

  it("opening the database to the Internet works for app but fails the lesson and is flagged", () => {
    const open = edit(l.start, {
      "sg-app": (g) => void g.egress.push(tcp(5432, sg("sg-db"))),
      "sg-db": (g) => {
        g.ingress = [tcp(5432, v4("0.0.0.0/0"))];
      },
    });
    const r = checkLesson(l, open);
    expect(stepsDone(r)).toEqual({ "app-reaches-db": true, "nothing-else": false });
    expect(r.steps[1]?.hint).toMatch(/never open 5432 to 0\.0\.0\.0\/0/);
    expect(r.warnings).toEqual([expect.stringMatching(/^Database port open to the Internet/)]);
  });

  it("deleting a node the lesson asks about leaves the step undone, with the reason", () => {
    const gone = { ...l.start, resources: l.start.resources.filter((r) => r.id !== "db") };
    const r = checkLesson(l, gone);
    expect(r.steps[0]).toMatchObject({ done: false, message: expect.stringMatching(/"db"/) });
  });
});

describe("checkLesson on any design", () => {
  it("answers, never throws, for designs that lack the lesson's nodes or break its assumptions", () => {
    fc.assert(
      fc.property(designs, fc.constantFrom(...lessons()), (design, l) => {
        const r = checkLesson(l, design);
        expect(r.steps.map((s) => s.id)).toEqual(l.steps.map((s) => s.id));
        for (const s of r.steps) expect(s.message.length).toBeGreaterThan(0);
        expect(r.done).toBe(r.steps.every((s) => s.done));
      }),
      { numRuns: 50, seed: 20261131 },
    );
  });
});
