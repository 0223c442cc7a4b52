// A verdict of the engine for people: permitted or not, the paragraph that explains it, and per
// side the rules that allow it or the closest misses.
import type { FlowVerdict, SideVerdict } from "../../shared/engine/types";

function Side({ side, label }: { side: SideVerdict; label: string }) {
  return (
    <div className={`side ${side.allowed ? "side--allowed" : "side--blocked"}`}>
      <div className="side__head">
        <span className={`badge ${side.allowed ? "badge--ok" : "badge--blocked"}`}>
          {!side.filtered ? "not filtered" : side.allowed ? "allows" : "drops"}
        </span>
        <strong>{label}</strong>
      </div>
      <p className="side__reason">{side.reason}</p>
      {side.matched.length > 0 && (
        <ul className="rules">
          {side.matched.map((r) => (
            <li key={`${r.groupId}-${r.direction}-${r.index}`}>
              <code>{r.text}</code> <span className="muted">in {r.groupName}</span>
            </li>
          ))}
        </ul>
      )}
      {!side.allowed && side.misses.length > 0 && (
        <ul className="rules rules--misses">
          {side.misses.slice(0, 4).map((m) => (
            <li key={`${m.rule.groupId}-${m.rule.index}`}>
              <code>{m.rule.text}</code> <span className="muted">({m.detail})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function VerdictView({ verdict, compact }: { verdict: FlowVerdict; compact?: boolean }) {
  return (
    <div className="verdict" data-testid="verdict">
      <div className={`verdict__head ${verdict.permitted ? "is-permitted" : "is-blocked"}`}>
        {verdict.unfiltered
          ? "✓ Security groups do not apply"
          : verdict.permitted
            ? "✓ Permitted"
            : "✕ Not permitted (times out)"}
      </div>
      {!compact && <p className="verdict__explanation">{verdict.explanation}</p>}
      {verdict.families.map((f) => (
        <div className="family" key={f.family}>
          {verdict.families.length > 1 && (
            <div className="family__head">
              IPv{f.family}: {f.permitted ? "permitted" : "blocked"} · {f.sourceAddress} → {f.targetAddress}
            </div>
          )}
          <div className="sides">
            <Side side={f.egress} label="Source's outbound rules" />
            <Side side={f.ingress} label="Target's inbound rules" />
          </div>
        </div>
      ))}
    </div>
  );
}
