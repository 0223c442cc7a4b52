import { describe, expect, it } from "vitest";
import { checkLesson, lessonById } from "../../shared/exercises";
import { addRules } from "../actions/rules";
import { currentStep, hintsFor } from "./hints";

const lesson = lessonById("http-server")!;

describe("lesson hints", () => {
  it("after an IPv4-only attempt, the first hint says why IPv6 still fails", () => {
    const attempt = addRules.perform(lesson.start, {
      groupId: "sg-web",
      direction: "ingress",
      rules: [{ protocol: "tcp", fromPort: 80, toPort: 80, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }],
    });
    const result = checkLesson(lesson, attempt);
    const step = currentStep(lesson.steps, result.steps)!;
    expect(step.id).toBe("http");
    const hints = hintsFor(step, result.steps[0]);
    expect(hints[0]).toMatch(/IPv6/);
    expect(new Set(hints).size).toBe(hints.length);
  });
  it("before any check, the first step is current", () => {
    expect(currentStep(lesson.steps, undefined)?.id).toBe(lesson.steps[0]!.id);
  });
});
