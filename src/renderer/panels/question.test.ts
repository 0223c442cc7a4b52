import { describe, expect, it } from "vitest";
import example from "../../../examples/three-tier.palisade.json";
import { validateDesign } from "../../shared/model";
import { readQuestion, tokenize } from "./question";

const design = validateDesign(example);

/** The three-tier example plus web, app, My IP, and nodes named like the grammar's keywords. */
const wider = validateDesign({
  ...example,
  resources: [
    ...example.resources,
    ...["web", "app", "port", "from", "https", "can"].map((name, i) => ({
      ...example.resources[0],
      id: `n-${name}`,
      name,
      position: { x: 900, y: 100 * i },
    })),
  ],
  externals: [
    ...example.externals,
    { id: "my-ip", kind: "cidr", name: "My IP", cidrs: ["203.0.113.10/32"], position: { x: 0, y: 600 } },
  ],
});

const idOf = (d: typeof design, name: string) =>
  [...d.resources, ...d.externals].find((n) => n.name.toLowerCase() === name)?.id ?? name;

describe("a typed question", () => {
  it.each([
    ["can the internet reach db on 5432?", "internet", "db", "tcp", 5432],
    ["Can Internet reach alb on https", "internet", "alb", "tcp", 443],
    ["app-1 -> db tcp port 5432", "app-1", "db", "tcp", 5432],
    ["can office reach app-2 over ssh?", "office", "app-2", "tcp", 22],
    ["does 203.0.113.7 reach alb on 443/tcp", "203.0.113.7", "alb", "tcp", 443],
    ["can app-1 reach db on udp 53", "app-1", "db", "udp", 53],
    ["can office reach app-1 with ping", "office", "app-1", "icmp", undefined],
    ["why can the internet not reach db on 5432?", "internet", "db", "tcp", 5432],
    ["why can't the internet reach db on 5432?", "internet", "db", "tcp", 5432],
    ["Why can’t the Internet reach db on port 5432", "internet", "db", "tcp", 5432],
    ["why cannot office reach db on postgres", "office", "db", "tcp", 5432],
    ["why doesn't alb reach app-1 on 8080", "alb", "app-1", "tcp", 8080],
    ["is db reachable from the internet on 5432", "internet", "db", "tcp", 5432],
    ["is db reachable on 5432 from the internet?", "internet", "db", "tcp", 5432],
    ["why is db not reachable from office on 5432", "office", "db", "tcp", 5432],
    ["is alb open to the internet on 443", "internet", "alb", "tcp", 443],
    ["is app-2 accessible by office over ssh", "office", "app-2", "tcp", 22],
    ["from office to app-1 port 22", "office", "app-1", "tcp", 22],
    ["from the internet to alb on https please", "internet", "alb", "tcp", 443],
    ["internet → alb 443", "internet", "alb", "tcp", 443],
    ["internet->alb 80/tcp", "internet", "alb", "tcp", 80],
    ["office to app-1 tcp/22", "office", "app-1", "tcp", 22],
    ["could app-2 talk to db on 5432", "app-2", "db", "tcp", 5432],
    ["can app-1 connect to db on port 5432?", "app-1", "db", "tcp", 5432],
    ["can office access app-1 via ssh", "office", "app-1", "tcp", 22],
    ["does app-1 reach db", "app-1", "db", undefined, undefined],
    ["please, can office get to alb on 443?", "office", "alb", "tcp", 443],
    ["can office ping app-1", "office", "app-1", "icmp", undefined],
    ["can 10.0.1.5 reach db on 5432", "10.0.1.5", "db", "tcp", 5432],
    ["can the internet reach alb on https on port 8443", "internet", "alb", "tcp", 8443],
  ])("reads %j", (text, from, to, protocol, port) => {
    expect(readQuestion(design, text).question).toEqual({
      from: idOf(design, from),
      to: idOf(design, to),
      ...(protocol ? { protocol } : {}),
      ...(port !== undefined ? { port } : {}),
    });
  });

  it.each([
    ["from my ip to web port 22", "my ip", "web", "tcp", 22],
    ["does app reach db", "app", "db", undefined, undefined],
    ["can my ip reach web on ssh", "my ip", "web", "tcp", 22],
  ])("reads the issue's phrasings on a design that has them: %j", (text, from, to, protocol, port) => {
    expect(readQuestion(wider, text).question).toEqual({
      from: idOf(wider, from),
      to: idOf(wider, to),
      ...(protocol ? { protocol } : {}),
      ...(port !== undefined ? { port } : {}),
    });
  });

  it.each([
    // A node named like a keyword is read as the node where an end is expected, as the keyword elsewhere.
    ["can port reach db on port 22", "port", "db", 22],
    ["is db reachable from from on 5432", "from", "db", 5432],
    ["from from to port port 22", "from", "port", 22],
    ["can internet reach https on https", "internet", "https", 443],
    ["can can reach db on 5432", "can", "db", 5432],
    ["can reach db on 5432", "can", "db", 5432],
  ])("reads a node named like a keyword: %j", (text, from, to, port) => {
    expect(readQuestion(wider, text).question).toEqual({
      from: idOf(wider, from),
      to: idOf(wider, to),
      protocol: "tcp",
      port,
    });
  });

  it("says what it understood, in names", () => {
    expect(readQuestion(design, "why can't the internet reach db on 5432?").understood).toBe(
      "from Internet to db on tcp 5432",
    );
    expect(readQuestion(design, "does app-1 reach db").understood).toBe("from app-1 to db on the traffic set below");
  });

  it.each([
    ["can the internet frobnicate db on 5432", /^"frobnicate" is not a node, a port or a service here/],
    ["can the internet reach db on 5432 frobnicate", /^"frobnicate" is not a node, a port or a service here/],
    ["can the moon reach db on 5432", /^"moon" is not a node, a port or a service here/],
    ["can internet reach the moon base on 5432", /^"moon" is not a node, a port or a service here/],
    ["does app reach db", /^"app" is not a node, a port or a service here; did you mean app-1, app-2/],
    ["internet db 5432", /"db" is not understood here: "reach" was expected/],
    ["can internet reach db", /./, "no error: the form's traffic is asked"],
    ["can internet reach db on tcp", /on which port/],
    ["can internet reach db on 70000", /outside 0-65535/],
    ["can reach db on 5432", /who reaches whom/],
    ["can internet reach", /the question ends where the target was expected/],
    ["why is db reachable", /the question ends where "from" was expected/],
  ])("says what is wrong with %j", (text, message, allowed?: string) => {
    const read = readQuestion(design, text);
    if (allowed) {
      expect(read.error).toBeUndefined();
      return;
    }
    expect(read.question).toBeUndefined();
    expect(read.error).toMatch(message);
  });

  it("names a name that stands for several nodes instead of choosing one", () => {
    const twice = validateDesign({
      ...example,
      externals: [
        ...example.externals,
        ...["partner-a", "partner-b"].map((id, i) => ({
          ...example.externals[1],
          id,
          name: "Partner",
          position: { x: 0, y: 500 + 100 * i },
        })),
      ],
    });
    expect(readQuestion(twice, "can the partner reach db on 5432").error).toMatch(
      /"partner" is ambiguous: it names 2 nodes/,
    );
  });

  it("splits words from the punctuation around them, keeping addresses and arrows whole", () => {
    expect(tokenize("Why can’t 10.0.1.5->db (on 443/tcp)?")).toEqual([
      "Why",
      "can't",
      "10.0.1.5",
      "->",
      "db",
      "on",
      "443/tcp",
    ]);
  });
});
