// A lesson as data: a starting design, steps with hints, and per step the engine questions whose
// answers say it is done. Lesson files are validated with these schemas when loaded.
import { z } from "zod";
import { Design } from "../model/schema";

const id = z.string().regex(/^[a-z0-9-]+$/, "may hold only lowercase letters, digits and -");
const text = z.string().min(1, "must not be empty");
const nodeId = z.string().min(1, "must name a node of the starting design");

/** Can `from` reach `to` with this traffic? Asked of evaluateFlow. */
export const FlowCheck = z.object({
  kind: z.literal("flow"),
  from: nodeId,
  to: nodeId,
  protocol: z.string(),
  port: z.number().int().min(0).max(65535).optional(),
  expect: z.enum(["permitted", "blocked"]),
  /** Families that must each give the expected answer; absent = the verdict as a whole. */
  families: z
    .array(z.enum(["ipv4", "ipv6"]))
    .min(1)
    .optional(),
  /** The verdict must say that replies return (they do for every permitted flow: groups are stateful). */
  repliesReturn: z.boolean().optional(),
  /** Said when this check fails: what the learner probably did, and what to do instead. */
  hint: text.optional(),
});
export type FlowCheck = z.infer<typeof FlowCheck>;

/**
 * No rule with an address peer (CIDR or prefix list) in the target's inbound rules admits the
 * source on its own: the flow is asked again with every group-reference rule of the target set aside.
 */
export const NoCidrAdmitsCheck = z.object({
  kind: z.literal("noCidrAdmits"),
  from: nodeId,
  to: nodeId,
  protocol: z.string(),
  port: z.number().int().min(0).max(65535).optional(),
  hint: text.optional(),
});
export type NoCidrAdmitsCheck = z.infer<typeof NoCidrAdmitsCheck>;

export const Check = z.discriminatedUnion("kind", [FlowCheck, NoCidrAdmitsCheck]);
export type Check = z.infer<typeof Check>;

export const Step = z.object({
  id,
  title: text,
  /** What to do, in one or two sentences. */
  instruction: text,
  /** Shown one at a time, on request. */
  hints: z.array(text).min(1, "a step needs at least one hint"),
  checks: z.array(Check).min(1, "a step needs at least one check"),
  /** Said when the step is done. */
  success: text,
});
export type Step = z.infer<typeof Step>;

export const Lesson = z
  .object({
    id,
    number: z.number().int().min(1),
    title: text,
    goal: text,
    start: Design,
    steps: z.array(Step).min(1),
    /** Findings that make a working answer unsafe: reported as warnings, with the finding's reason. */
    warnOn: z.array(z.string()).default([]),
  })
  .superRefine((lesson, ctx) => {
    const nodes = new Set([...lesson.start.resources, ...lesson.start.externals].map((n) => n.id));
    for (const [s, step] of lesson.steps.entries())
      for (const [c, check] of step.checks.entries())
        for (const end of ["from", "to"] as const)
          if (!nodes.has(check[end]))
            ctx.addIssue({
              code: "custom",
              path: ["steps", s, "checks", c, end],
              message: `no node of the starting design has id "${check[end]}"`,
            });
    const seen = new Set<string>();
    lesson.steps.forEach((step, s) => {
      if (seen.has(step.id))
        ctx.addIssue({ code: "custom", path: ["steps", s, "id"], message: `step id "${step.id}" is used twice` });
      seen.add(step.id);
    });
  });
export type Lesson = z.infer<typeof Lesson>;
