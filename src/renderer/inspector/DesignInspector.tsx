// With nothing selected: the design's own name and description, and its VPCs.

import { useState } from "react";
import { cidrProblem } from "../../shared/net/address";
import { renameDesign } from "../actions/nodes";
import { addVpc } from "../actions/vpcs";
import { run } from "../state/commands";
import { useDoc } from "../state/store";
import { Field } from "./Field";
import { validateName } from "./validators";

export function DesignInspector() {
  const design = useDoc((s) => s.history.present);
  const [vpcName, setVpcName] = useState("");
  const [vpcCidr, setVpcCidr] = useState("10.0.0.0/16");
  const cidrError = vpcCidr.trim() ? cidrProblem(vpcCidr.trim(), 4) : undefined;
  return (
    <div className="inspector__body">
      <h2 className="inspector__title">Design</h2>
      <Field
        label="Design name"
        value={design.name}
        validate={validateName}
        onCommit={(name) => run(renameDesign, { name })}
      />
      <Field
        label="Description"
        value={design.description ?? ""}
        onCommit={(description) => run(renameDesign, { name: design.name, description })}
      />
      <h3>VPCs</h3>
      <ul className="member-list">
        {design.vpcs.map((v) => (
          <li key={v.id}>
            {v.name || v.id} <span className="muted">{[v.cidrIpv4, v.cidrIpv6].filter(Boolean).join(", ")}</span>
          </li>
        ))}
      </ul>
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (cidrError || !vpcName.trim()) return;
          if (!run(addVpc, { name: vpcName, cidrIpv4: vpcCidr })) return;
          setVpcName("");
        }}
      >
        <div className="field">
          <label htmlFor="vpc-name">VPC name</label>
          <input id="vpc-name" value={vpcName} onChange={(e) => setVpcName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="vpc-cidr">IPv4 CIDR</label>
          <input
            id="vpc-cidr"
            value={vpcCidr}
            aria-invalid={!!cidrError}
            onChange={(e) => setVpcCidr(e.target.value)}
          />
          {cidrError && <div className="field-error">{cidrError}</div>}
        </div>
        <button type="submit" disabled={!!cidrError || !vpcName.trim()}>
          Add VPC
        </button>
      </form>
      <p className="muted small">
        Drag resources and external parties from the palette, create security groups and drop them on resources. Every
        permitted flow appears as an edge.
      </p>
    </div>
  );
}
