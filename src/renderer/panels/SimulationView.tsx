// A sent packet's journey in words, hop by hop: the checks it passed, and the reply or the timeout.
import type { Simulation } from "../../shared/engine/simulate";

const STAGE: Record<Simulation["hops"][number]["stage"], string> = {
  leave: "Sent",
  "egress-check": "Source's outbound rules",
  "ingress-check": "Target's inbound rules",
  arrive: "Arrives",
  reply: "Reply",
  timeout: "Timeout",
};

export function SimulationView({ sim }: { sim: Simulation }) {
  return (
    <ol className="hops" aria-label="The packet's journey" data-testid="hops">
      {sim.hops.map((hop) => (
        <li key={`${hop.stage}@${hop.at}`} className={`hop ${hop.ok ? "hop--ok" : "hop--dropped"}`}>
          <span className={`badge ${hop.ok ? "badge--ok" : "badge--blocked"}`}>{STAGE[hop.stage]}</span> {hop.text}
        </li>
      ))}
    </ol>
  );
}
