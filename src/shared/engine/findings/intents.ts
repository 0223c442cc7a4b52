// Connections the architect asked for, checked against the rules.
import { resourceEnds } from "../../model/interfaces";
import { InputError } from "../../model/problems";
import type { Design, Intent } from "../../model/schema";
import { evaluateFlow } from "../evaluate";
import { permittedFlows } from "../flows";
import type { Finding, FlowEdge } from "../types";

function describeIntent(design: Design, intent: Intent): string {
  const name = (id: string) =>
    [...resourceEnds(design.resources), ...design.externals].find((n) => n.id === id)?.name || id;
  const traffic =
    intent.protocol === "-1"
      ? "all traffic"
      : `${intent.protocol}${intent.port !== undefined ? ` ${intent.port}` : ""}`;
  return `${name(intent.from)} -> ${name(intent.to)} on ${traffic}${intent.description ? ` ("${intent.description}")` : ""}`;
}

export function intentFindings(design: Design): Finding[] {
  if (design.intents.length === 0) return [];
  let edges: FlowEdge[] | undefined;
  const out: Finding[] = [];
  for (const intent of design.intents) {
    const at = { intentId: intent.id, nodeId: intent.to };
    if (intent.protocol === "-1") {
      // "All traffic" is not one flow to evaluate: it holds when the permitted flow carries everything.
      edges ??= permittedFlows(design);
      const edge = edges.find((e) => e.from === intent.from && e.to === intent.to);
      if (edge?.services.length === 1 && edge.services[0]?.protocol === "-1") continue;
      out.push({
        code: "intent-not-satisfied",
        severity: "high",
        title: "Intended connection is blocked",
        message: `${describeIntent(design, intent)}: ${edge ? `only ${edge.label} is permitted` : "nothing is permitted"}.`,
        ...at,
      });
      continue;
    }
    try {
      const verdict = evaluateFlow(design, {
        from: intent.from,
        to: intent.to,
        protocol: intent.protocol,
        ...(intent.port !== undefined ? { port: intent.port } : {}),
      });
      if (verdict.permitted) continue;
      out.push({
        code: "intent-not-satisfied",
        severity: "high",
        title: "Intended connection is blocked",
        message: `${describeIntent(design, intent)}: ${verdict.explanation}`,
        ...at,
      });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out.push({
        code: "intent-invalid",
        severity: "medium",
        title: "Intent cannot be checked",
        message: `${describeIntent(design, intent)}: ${e.problems.map((p) => p.message).join("; ")}`,
        ...at,
      });
    }
  }
  return out;
}
