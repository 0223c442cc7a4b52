// Assertions against a design: each flow evaluated by the engine, each failure explained by
// the verdict's own explanation.
import { evaluateFlow } from "../engine/evaluate";
import { indexDesign } from "../engine/index-design";
import { resolveEndpoint } from "../engine/resolve";
import type { FlowVerdict } from "../engine/types";
import { InputError, type Problem } from "../model/problems";
import type { Design } from "../model/schema";
import type { Assertion } from "./parse";

export interface AssertionResult {
  assertion: Assertion;
  /** pass: the design does what the assertion says; fail: it does not; error: it cannot be evaluated. */
  outcome: "pass" | "fail" | "error";
  verdict?: FlowVerdict;
  /** What went wrong when outcome is error (an unknown or ambiguous node), placed at the assertion. */
  problems?: Problem[];
}

/** "deny Internet -> db tcp 5432" */
export function describeAssertion(a: Assertion): string {
  const traffic =
    a.protocol === "tcp" || a.protocol === "udp"
      ? `${a.protocol} ${a.port}`
      : a.protocol === "icmp" || a.protocol === "icmpv6"
        ? `${a.protocol}${a.icmpType !== undefined ? ` type ${a.icmpType}` : ""}${a.icmpCode !== undefined ? ` code ${a.icmpCode}` : ""}`
        : `protocol ${a.protocol}`;
  return `${a.expect} ${a.from} -> ${a.to} ${traffic}${a.description ? ` (${a.description})` : ""}`;
}

export function checkAssertions(design: Design, assertions: readonly Assertion[]): AssertionResult[] {
  const index = indexDesign(design);
  return assertions.map((assertion) => {
    try {
      const verdict = evaluateFlow(
        design,
        {
          from: resolveEndpoint(design, assertion.from, "from"),
          to: resolveEndpoint(design, assertion.to, "to"),
          protocol: assertion.protocol,
          ...(assertion.port !== undefined ? { port: assertion.port } : {}),
          ...(assertion.icmpType !== undefined ? { icmpType: assertion.icmpType } : {}),
          ...(assertion.icmpCode !== undefined ? { icmpCode: assertion.icmpCode } : {}),
        },
        index,
      );
      const outcome = verdict.permitted === (assertion.expect === "allow") ? "pass" : "fail";
      return { assertion, outcome, verdict };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const { file, line, column } = assertion;
      const problems = e.problems.map((p) => ({ ...p, file, line, column, path: undefined }));
      return { assertion, outcome: "error", problems };
    }
  });
}
