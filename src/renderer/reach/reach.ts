// Reachability questions from the editor: the matrix, one node's "who can reach" and "what can
// it reach", and the flows another version of the design opens or closes. All answered by the
// engine over the api; the results are derived state, replaced when asked again.
import type { TrafficFilter } from "../../shared/engine/reachability";
import { isDesignFile } from "../../shared/iac/detect";
import { formatProblem, type Problem } from "../../shared/model";
import { api } from "../api-client";
import { docState, notify, viewState } from "../state/store";

export interface ReachQuestion {
  node: string;
  role: "to" | "from";
  filter: TrafficFilter;
}

/** Opens the Matrix tab on "who can reach X" (role "to") or "what can X reach" (role "from"). */
export function askReach(node: string, role: "to" | "from", filter: TrafficFilter = {}): void {
  viewState.set({ reach: { node, role, filter }, bottomTab: "matrix" });
}

function problemsText(problems: Problem[]): string {
  return problems.map(formatProblem).join("; ");
}

/** Reads another design (or Terraform, CloudFormation, CLI JSON) and compares its flows with ours. */
export async function compareWithFile(file: File): Promise<void> {
  const text = await file.text();
  const isDesign = isDesignFile(file.name, text);
  const read = isDesign
    ? await api["design:parse"]({ file: { name: file.name, text } })
    : await api["iac:import"]({ files: [{ name: file.name, text }] });
  if (!read.ok) return notify("error", `${file.name} could not be read: ${problemsText(read.problems)}`);
  const design = docState.get().history.present;
  // Before = the other file, after = this design: "opened" are flows this design adds.
  const diff = await api["engine:diffFlows"]({ design: read.value.design, other: design });
  if (!diff.ok) return notify("error", `Could not compare: ${problemsText(diff.problems)}`);
  viewState.set({ compare: { name: file.name, diff: diff.value }, bottomTab: "matrix" });
}
