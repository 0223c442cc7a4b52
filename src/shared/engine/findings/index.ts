// Risky or broken parts of a design, worst first: what the app lists live and `palisade lint` prints.
import type { Design } from "../../model/schema";
import type { Finding, Severity } from "../types";
import { crossVpcFindings } from "./crossVpc";
import { exposureFindings } from "./exposure";
import { intentFindings } from "./intents";
import { otherAccountFindings } from "./otherAccount";
import { placeholderFindings } from "./placeholder";
import { quotaFindings } from "./quotas";
import { redundantRuleFindings } from "./redundant";
import { staleReferenceFindings } from "./stale";
import { unusedGroupFindings } from "./unused";

export const SEVERITIES: Severity[] = ["critical", "high", "medium", "low", "info"];

export function findings(design: Design): Finding[] {
  const all = [
    ...exposureFindings(design),
    ...intentFindings(design),
    ...quotaFindings(design),
    ...crossVpcFindings(design),
    ...staleReferenceFindings(design),
    ...otherAccountFindings(design),
    ...redundantRuleFindings(design),
    ...unusedGroupFindings(design),
    ...placeholderFindings(design),
  ];
  // Stable: equal severities keep the order of the families and of the design.
  return all
    .map((f, i) => [f, i] as const)
    .sort(([a, i], [b, j]) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || i - j)
    .map(([f]) => f);
}

export { ruleCounts } from "./quotas";
