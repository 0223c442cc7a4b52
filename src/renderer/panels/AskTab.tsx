// "Can A reach B?": choose a source, a target and the traffic; the engine answers with the rules
// that decide it, and the canvas marks the side that drops a blocked flow.
import { useEffect, useRef, useState } from "react";
import { resourceEnds } from "../../shared/model/interfaces";
import { isIpv4Address, isIpv6Address } from "../../shared/net/address";
import { sendPacket } from "../simulate/send";
import { evaluate } from "../state/engine";
import { useDoc, useView, viewState } from "../state/store";
import { followEnd, nodeNames } from "./followEnds";
import { readQuestion } from "./question";
import { SimulationView } from "./SimulationView";
import { VerdictView } from "./VerdictView";

const PROTOCOLS = [
  ["tcp", "TCP"],
  ["udp", "UDP"],
  ["icmp", "ICMP (ping)"],
  ["icmpv6", "ICMPv6 (ping)"],
] as const;

export function AskTab() {
  const design = useDoc((s) => s.history.present);
  const ask = useView((s) => s.ask);
  const simulation = useView((s) => s.simulation);
  const selected = useView((s) => s.selection.nodes);
  // Each network interface is an end of its own: "web/eth1" beside web (its eth0).
  const nodes = [...design.externals, ...resourceEnds(design.resources)];
  const nodeIds = new Set(nodes.map((n) => n.id));
  const [from, setFrom] = useState(ask?.query.from ?? selected[0] ?? "");
  const [to, setTo] = useState(ask?.query.to ?? selected[1] ?? "");
  const [protocol, setProtocol] = useState(ask?.query.protocol ?? "tcp");
  const [port, setPort] = useState(ask?.query.port !== undefined ? String(ask.query.port) : "443");
  const [question, setQuestion] = useState("");
  const [questionError, setQuestionError] = useState<string | undefined>();
  const [understood, setUnderstood] = useState<string | undefined>();

  // After every change of the document, the ends are found again in it (or cleared), and what was
  // said about the last question goes.
  const namesBefore = useRef(nodeNames(design));
  useEffect(() => {
    const before = namesBefore.current;
    namesBefore.current = nodeNames(design);
    setFrom((end) => followEnd(design, end, before));
    setTo((end) => followEnd(design, end, before));
    setQuestionError(undefined);
    setUnderstood(undefined);
  }, [design]);

  // Two nodes selected on the canvas become the question's source and target.
  useEffect(() => {
    if (selected.length === 2) {
      setFrom(selected[0]!);
      setTo(selected[1]!);
    }
  }, [selected]);

  const needsPort = protocol === "tcp" || protocol === "udp";
  const portNumber = Number(port);
  const portError =
    needsPort && (!/^\d+$/.test(port.trim()) || portNumber > 65535) ? "a port is a whole number 0-65535" : undefined;
  const endpointError = [from, to].some((e) => e !== "" && !nodeIds.has(e) && !isAddress(e))
    ? "an address is an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7"
    : undefined;
  const ready = from !== "" && to !== "" && !portError && !endpointError;

  return (
    <>
      <form
        className="ask ask__question"
        aria-label="Type a question"
        onSubmit={(e) => {
          e.preventDefault();
          const read = readQuestion(design, question);
          setQuestionError(read.error);
          setUnderstood(read.understood);
          const q = read.question;
          if (!q) return;
          // The pickers show what was understood, so that it can be adjusted and asked again. A
          // question that names no traffic ("does app reach db") is asked on the form's traffic.
          setFrom(q.from);
          setTo(q.to);
          if (q.protocol !== undefined) {
            setProtocol(q.protocol);
            if (q.port !== undefined) setPort(String(q.port));
            void evaluate({
              from: q.from,
              to: q.to,
              protocol: q.protocol,
              ...(q.port !== undefined ? { port: q.port } : {}),
            });
          } else if (portError) setQuestionError(`on which port? ${portError}`);
          else void evaluate({ from: q.from, to: q.to, protocol, ...(needsPort ? { port: portNumber } : {}) });
        }}
      >
        <input
          aria-label="Question"
          placeholder="can internet reach db on 5432?"
          value={question}
          aria-invalid={!!questionError}
          onChange={(e) => {
            setQuestion(e.target.value);
            setQuestionError(undefined);
            setUnderstood(undefined);
          }}
        />
        <button type="submit" disabled={question.trim() === ""}>
          Ask this
        </button>
        {questionError && <p className="field-error ask__question-error">{questionError}</p>}
        {understood && <p className="ask__understood">Understood: {understood}</p>}
      </form>
      <form
        className="ask"
        aria-label="Ask whether a flow is permitted"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          void evaluate({ from, to, protocol, ...(needsPort ? { port: portNumber } : {}) });
        }}
      >
        <div className="ask__row">
          <EndpointPicker label="From" aria="Source" value={from} onChange={setFrom} nodes={nodes} />
          <button
            type="button"
            className="icon-button"
            title="Swap source and target"
            aria-label="Swap source and target"
            onClick={() => {
              setFrom(to);
              setTo(from);
            }}
          >
            ⇄
          </button>
          <EndpointPicker label="To" aria="Target" value={to} onChange={setTo} nodes={nodes} />
          <label>
            Protocol
            <select value={protocol} onChange={(e) => setProtocol(e.target.value)} aria-label="Protocol">
              {PROTOCOLS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {needsPort && (
            <label>
              Port
              <input
                value={port}
                onChange={(e) => setPort(e.target.value)}
                inputMode="numeric"
                aria-label="Port"
                aria-invalid={!!portError}
                className="port-input"
              />
            </label>
          )}
          <button type="submit" className="primary" disabled={!ready}>
            Ask
          </button>
          <button
            type="button"
            disabled={!ready}
            title="Animate a packet along the flow: the reply comes back, or it times out where it is dropped"
            onClick={() => void sendPacket({ from, to, protocol, ...(needsPort ? { port: portNumber } : {}) })}
          >
            Send packet
          </button>
          {ask && (
            <button type="button" onClick={() => viewState.set({ ask: undefined, simulation: undefined })}>
              Clear
            </button>
          )}
        </div>
        {portError && <p className="field-error">{portError}</p>}
        {endpointError && <p className="field-error">{endpointError}</p>}
        {ask?.problems && (
          <ul className="error-text">
            {ask.problems.map((p) => (
              <li key={p.message}>{p.message}</li>
            ))}
          </ul>
        )}
        {ask?.verdict && simulation?.sim.verdict === ask.verdict && <SimulationView sim={simulation.sim} />}
        {ask?.verdict && <VerdictView verdict={ask.verdict} />}
      </form>
    </>
  );
}

const isAddress = (text: string) => isIpv4Address(text) || isIpv6Address(text);

/** A node of the design, or a literal address (as the CLI's --from and --to take). */
function EndpointPicker(props: {
  label: string;
  aria: string;
  value: string;
  onChange: (value: string) => void;
  nodes: { id: string; name: string }[];
}) {
  const { value, onChange, nodes } = props;
  const isNode = value === "" || nodes.some((n) => n.id === value);
  const [typing, setTyping] = useState(!isNode);
  const literal = typing || !isNode;
  return (
    <label>
      {props.label}
      <select
        value={literal ? "@address" : value}
        aria-label={props.aria}
        onChange={(e) => {
          const v = e.target.value;
          setTyping(v === "@address");
          onChange(v === "@address" ? "" : v);
        }}
      >
        <option value="">choose…</option>
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
        <option value="@address">an address…</option>
      </select>
      {literal && (
        <input
          aria-label={`${props.aria} address`}
          placeholder="203.0.113.7"
          value={value}
          aria-invalid={value !== "" && !isAddress(value)}
          onChange={(e) => onChange(e.target.value.trim())}
        />
      )}
    </label>
  );
}
