// Is the learner's design done? Every check is a question to the engine (evaluateFlow, findings),
// never a look at how the rules are spelled.

import { evaluateFlow } from "../engine/evaluate";
import { findings } from "../engine/findings";
import type { FlowVerdict } from "../engine/types";
import { InputError } from "../model/problems";
import type { Design } from "../model/schema";
import type { Check, FlowCheck, Lesson, NoCidrAdmitsCheck } from "./schema";

export interface StepResult {
  id: string;
  done: boolean;
  /** The engine's answer in words: why it is done, or what still blocks or admits the traffic. */
  message: string;
  /** The failing check's hint, where the lesson gives one. */
  hint?: string;
}

export interface LessonResult {
  done: boolean;
  steps: StepResult[];
  /** Unsafe parts of a working answer, each with the finding's reason. */
  warnings: string[];
}

interface Outcome {
  ok: boolean;
  message: string;
}

const firstLine = (text: string) => text.split("\n")[0] ?? text;

function ask(design: Design, c: { from: string; to: string; protocol: string; port?: number }): FlowVerdict {
  return evaluateFlow(design, {
    from: c.from,
    to: c.to,
    protocol: c.protocol,
    ...(c.port !== undefined ? { port: c.port } : {}),
  });
}

function flowOutcome(design: Design, check: FlowCheck): Outcome {
  const verdict = ask(design, check);
  const wanted = check.expect === "permitted";
  if (check.families) {
    for (const name of check.families) {
      const family = name === "ipv4" ? 4 : 6;
      const v = verdict.families.find((f) => f.family === family);
      if ((v?.permitted ?? false) === wanted) continue;
      if (!v) return { ok: false, message: `Over IPv${family}: one of the two has no IPv${family} address.` };
      const side = wanted ? (v.egress.allowed ? v.ingress : v.egress) : v.ingress;
      return {
        ok: false,
        message: `Over IPv${family}, it is ${wanted ? "not permitted" : "permitted"}: ${side.reason}`,
      };
    }
  } else if (verdict.permitted !== wanted) return { ok: false, message: verdict.explanation };
  if (check.repliesReturn !== undefined && verdict.repliesReturn !== check.repliesReturn)
    return {
      ok: false,
      message: `Replies ${verdict.repliesReturn ? "return" : "do not return"}: ${firstLine(verdict.explanation)}`,
    };
  return { ok: true, message: firstLine(verdict.explanation) };
}

/** The design as the target's inbound rules would be with only their address peers left. */
function withoutGroupPeers(design: Design, nodeId: string): Design {
  const groupIds = new Set(design.resources.find((r) => r.id === nodeId)?.groupIds ?? []);
  return {
    ...design,
    groups: design.groups.map((g) =>
      groupIds.has(g.id) ? { ...g, ingress: g.ingress.filter((r) => r.peer.kind !== "group") } : g,
    ),
  };
}

function noCidrOutcome(design: Design, check: NoCidrAdmitsCheck): Outcome {
  const verdict = ask(withoutGroupPeers(design, check.to), check);
  if (!verdict.permitted)
    return { ok: true, message: `No address rule admits ${check.from}: only a group reference can.` };
  const v = verdict.families.find((f) => f.permitted);
  const rules = v?.ingress.matched.map((m) => `${m.groupName} inbound: ${m.text}`) ?? [];
  return {
    ok: false,
    message: `An address rule admits ${check.from} without any group reference: ${rules.join("; ")}.`,
  };
}

function outcome(design: Design, check: Check): Outcome {
  try {
    return check.kind === "flow" ? flowOutcome(design, check) : noCidrOutcome(design, check);
  } catch (e) {
    // A learner may delete a node the lesson asks about: that is an unfinished step, not a crash.
    if (!(e instanceof InputError)) throw e;
    return { ok: false, message: e.problems.map((p) => p.message).join("; ") };
  }
}

export function checkLesson(lesson: Lesson, design: Design): LessonResult {
  const steps = lesson.steps.map((step): StepResult => {
    for (const check of step.checks) {
      const o = outcome(design, check);
      if (!o.ok) return { id: step.id, done: false, message: o.message, ...(check.hint ? { hint: check.hint } : {}) };
    }
    return { id: step.id, done: true, message: step.success };
  });
  const warn = new Set(lesson.warnOn);
  const warnings =
    warn.size === 0
      ? []
      : findings(design)
          .filter((f) => warn.has(f.code))
          .map((f) => `${f.title}: ${f.message}`);
  return { done: steps.every((s) => s.done), steps, warnings };
}
