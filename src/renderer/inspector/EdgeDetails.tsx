// Why a permitted flow exists: the engine's verdict for the edge's first service, which names
// the rule on each side that allows it.
import { useEffect, useState } from "react";
import type { FlowEdge, FlowQuery, FlowVerdict } from "../../shared/engine/types";
import type { Design } from "../../shared/model";
import { api } from "../api-client";
import { VerdictView } from "../panels/VerdictView";
import { sendPacket } from "../simulate/send";
import { designOrRef } from "../state/engine";

export function queryOfEdge(flow: FlowEdge): FlowQuery {
  const s = flow.services[0];
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

export function EdgeDetails({ design, flow, compact }: { design: Design; flow: FlowEdge; compact?: boolean }) {
  const [verdict, setVerdict] = useState<FlowVerdict | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    void api["engine:evaluate"]({ ...designOrRef(design), query: queryOfEdge(flow) }).then((reply) => {
      if (!current) return;
      if (reply.ok) {
        setVerdict(reply.value);
        setError(undefined);
      } else setError(reply.problems.map((p) => p.message).join("; "));
    });
    return () => {
      current = false;
    };
  }, [design, flow]);
  const name = (id: string) => [...design.resources, ...design.externals].find((n) => n.id === id)?.name ?? id;
  return (
    <div className="edge-details" data-testid="edge-details">
      <h2 className="inspector__title">
        {name(flow.from)} → {name(flow.to)}
      </h2>
      <p>
        <span className={`badge badge--${flow.exposure}`}>{flow.exposure}</span> {flow.label}
      </p>
      <p className="muted small">Replies return whatever the rules say: security groups are stateful.</p>
      <button type="button" onClick={() => void sendPacket(queryOfEdge(flow))}>
        Send a packet
      </button>
      {error && <p className="error-text">{error}</p>}
      {verdict && <VerdictView verdict={verdict} compact={compact} />}
    </div>
  );
}
