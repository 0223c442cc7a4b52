// From a node's inspector: who can reach it, and what it can reach (optionally on one port).
import { useState } from "react";
import { askReach } from "./reach";

export function ReachButtons({ nodeId }: { nodeId: string }) {
  const [port, setPort] = useState("");
  const valid = port.trim() === "" || (/^\d+$/.test(port.trim()) && Number(port) <= 65535);
  const filter = port.trim() !== "" && valid ? { port: Number(port) } : {};
  return (
    <div className="reach-buttons">
      <h3>Reachability</h3>
      <div className="button-row">
        <button type="button" disabled={!valid} onClick={() => askReach(nodeId, "to", filter)}>
          Who can reach this?
        </button>
        <button type="button" disabled={!valid} onClick={() => askReach(nodeId, "from", filter)}>
          What can this reach?
        </button>
        <input
          className="port-input"
          aria-label="On port"
          placeholder="any port"
          inputMode="numeric"
          value={port}
          aria-invalid={!valid}
          onChange={(e) => setPort(e.target.value)}
        />
      </div>
    </div>
  );
}
