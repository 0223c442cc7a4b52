// Why a permitted flow exists: the engine's verdict for each service the edge carries ("tcp 22,
// 80, 443" is three questions), each naming the rule on each side that allows it.
import { useEffect, useState } from "react";
import { describeFlowService } from "../../shared/engine/describe";
import type { FlowEdge, FlowQuery, FlowVerdict, Service, SideVerdict } from "../../shared/engine/types";
import type { Design } from "../../shared/model";
import { api } from "../api-client";
import { VerdictView } from "../panels/VerdictView";
import { sendPacket } from "../simulate/send";
import { designOrRef } from "../state/engine";

/** Services explained one by one; an edge with more (a long list of single ports) says how many are left. */
export const EXPLAINED_SERVICES = 8;

function queryOfService(flow: FlowEdge, s: Service | undefined): FlowQuery {
  const protocol = !s || s.protocol === "-1" ? "tcp" : s.protocol;
  const query: FlowQuery = { from: flow.from, to: flow.to, protocol };
  if (!s || s.protocol === "-1") query.port = 443;
  else if (s.protocol === "tcp" || s.protocol === "udp") query.port = s.fromPort ?? 0;
  else if (s.protocol === "icmp" || s.protocol === "icmpv6") {
    if (s.icmpType !== undefined && s.icmpType >= 0) query.icmpType = s.icmpType;
    if (s.icmpCode !== undefined && s.icmpCode >= 0) query.icmpCode = s.icmpCode;
  }
  return query;
}

/** The question that stands for the edge's first service (Send a packet). */
export function queryOfEdge(flow: FlowEdge): FlowQuery {
  return queryOfService(flow, flow.services[0]);
}

/** One question per service the edge carries, up to EXPLAINED_SERVICES. */
export function queriesOfEdge(flow: FlowEdge): { label: string; query: FlowQuery }[] {
  const services = flow.services.length > 0 ? flow.services : [undefined];
  return services.slice(0, EXPLAINED_SERVICES).map((s) => ({
    label: s ? describeFlowService(s) : flow.label,
    query: queryOfService(flow, s),
  }));
}

/** A side's allowing rules over the families that pass, each once; or why it is not filtered. */
function sideRules(verdict: FlowVerdict, side: "egress" | "ingress"): string {
  const passing = verdict.families.filter((f) => f.permitted).map((f) => f[side]);
  const first: SideVerdict | undefined = passing[0];
  if (!first) return "";
  if (!first.filtered) return "not filtered";
  const texts = new Set(passing.flatMap((s) => s.matched.map((r) => `${r.text} in ${r.groupName}`)));
  return [...texts].join("; ");
}

export function EdgeDetails({ design, flow, compact }: { design: Design; flow: FlowEdge; compact?: boolean }) {
  const [verdicts, setVerdicts] = useState<{ label: string; verdict: FlowVerdict }[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    const questions = queriesOfEdge(flow);
    void Promise.all(questions.map((q) => api["engine:evaluate"]({ ...designOrRef(design), query: q.query }))).then(
      (replies) => {
        if (!current) return;
        const problems = replies.flatMap((r) => (r.ok ? [] : r.problems.map((p) => p.message)));
        if (problems.length > 0) {
          setError(problems.join("; "));
          return;
        }
        setVerdicts(replies.flatMap((r, i) => (r.ok ? [{ label: questions[i]?.label ?? "", verdict: r.value }] : [])));
        setError(undefined);
      },
    );
    return () => {
      current = false;
    };
  }, [design, flow]);
  const name = (id: string) => [...design.resources, ...design.externals].find((n) => n.id === id)?.name ?? id;
  const more = flow.services.length - EXPLAINED_SERVICES;
  return (
    <div className="edge-details" data-testid="edge-details">
      <h2 className="inspector__title">
        {name(flow.from)} → {name(flow.to)}
      </h2>
      <p>
        <span className={`badge badge--${flow.exposure}`}>{flow.exposure}</span> {flow.label}
      </p>
      <p className="muted small">Replies return whatever the rules say: security groups are stateful.</p>
      {/* The hover card lets the pointer through to the edge: a button there could never be pressed. */}
      {!compact && (
        <button type="button" onClick={() => void sendPacket(queryOfEdge(flow))}>
          Send a packet
        </button>
      )}
      {error && <p className="error-text">{error}</p>}
      {verdicts && (
        <table className="table edge-rules" aria-label="The rules that permit each service">
          <thead>
            <tr>
              <th>Traffic</th>
              <th>Out of {name(flow.from)}</th>
              <th>Into {name(flow.to)}</th>
            </tr>
          </thead>
          <tbody>
            {verdicts.map(({ label, verdict }) => (
              <tr key={label}>
                <td>{label}</td>
                <td>{sideRules(verdict, "egress")}</td>
                <td>{sideRules(verdict, "ingress")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more > 0 && (
        <p className="muted small">
          {more} more service{more > 1 ? "s" : ""}: ask about {more > 1 ? "them" : "it"} in the Ask tab.
        </p>
      )}
      {!compact &&
        verdicts?.map(({ label, verdict }) => (
          <section key={label} className="edge-verdict" aria-label={`Why ${label} passes`}>
            {verdicts.length > 1 && <h3>{label}</h3>}
            <VerdictView verdict={verdict} />
          </section>
        ))}
    </div>
  );
}
