// The hints of a step, in the order a learner gets them: first what the engine says is wrong
// with this design (the failing check's hint), then the step's own hints.
import type { Step, StepResult } from "../../shared/exercises";

export function hintsFor(step: Step, result: StepResult | undefined): string[] {
  const all = [...(result && !result.done && result.hint ? [result.hint] : []), ...step.hints];
  return [...new Set(all)];
}

/** The step to work on: the first one the checker does not report done. */
export function currentStep(steps: readonly Step[], results: readonly StepResult[] | undefined): Step | undefined {
  if (!results) return steps[0];
  return steps.find((s) => !results.find((r) => r.id === s.id)?.done);
}
