import { describe, expect, it } from "vitest";
import example from "../../../examples/three-tier.palisade.json";
import { validateDesign } from "../../shared/model";
import { readQuestion } from "./question";

const design = validateDesign(example);

describe("a typed question", () => {
  it.each([
    ["can the internet reach db on 5432?", { from: "internet", to: "db", protocol: "tcp", port: 5432 }],
    ["Can Internet reach alb on https", { from: "internet", to: "alb", protocol: "tcp", port: 443 }],
    ["app-1 -> db tcp port 5432", { from: "app-1", to: "db", protocol: "tcp", port: 5432 }],
    ["can office reach app-2 over ssh?", { from: "office", to: "app-2", protocol: "tcp", port: 22 }],
    ["does 203.0.113.7 reach alb on 443/tcp", { from: "203.0.113.7", to: "alb", protocol: "tcp", port: 443 }],
    ["can app-1 reach db on udp 53", { from: "app-1", to: "db", protocol: "udp", port: 53 }],
    ["can office reach app-1 with ping", { from: "office", to: "app-1", protocol: "icmp" }],
  ])("reads %j", (text, question) => {
    const ids = new Map([...design.resources, ...design.externals].map((n) => [n.name.toLowerCase(), n.id]));
    const expected = {
      ...question,
      from: ids.get(question.from) ?? question.from,
      to: ids.get(question.to) ?? question.to,
    };
    expect(readQuestion(design, text)).toEqual({ question: expected });
  });

  it.each([
    ["internet db 5432", /who reaches whom/],
    ["can internet reach db", /on which port/],
    ["can internet reach db on 70000", /outside 0-65535/],
    ["can the moon reach db on 5432", /no node is named "moon"/],
    ["can reach db on 5432", /who reaches whom/],
  ])("says what is wrong with %j", (text, message) => {
    const read = readQuestion(design, text);
    expect(read.question).toBeUndefined();
    expect(read.error).toMatch(message);
  });
});
