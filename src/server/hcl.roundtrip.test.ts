// Round trips through both formats, on random designs: export, import (Terraform through the
// real HCL parser), and compare what matters: the groups and their rules, the attachments, and
// every permitted flow the engine derives.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { permittedFlows } from "../shared/engine";
import { designs } from "../shared/engine/testing/arbitraries";
import { importCloudFormation, toCloudFormation } from "../shared/iac/cloudformation";
import { toTerraform } from "../shared/iac/terraform";
import { parseDesign } from "../shared/model/document";
import { resolveExternalPeers } from "../shared/model/my-ip";
import type { Design, Rule } from "../shared/model/schema";
import { importTerraformFiles } from "./hcl";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

const KINDS = ["instance", "database", "loadBalancer", "function", "containerService", "endpoint"] as const;

/**
 * AWS puts a resource's groups in its VPC; the random designs leave that out. They also hold only
 * instances: cycling through every kind tests the resources whose addresses AWS chooses. Only an
 * instance takes further network interfaces (an RDS instance or a load balancer has the ones AWS
 * gives it), so the other kinds lose theirs.
 */
const consistent = (d: Design): Design => ({
  ...d,
  groups: d.groups.map((g) => ({ ...g, vpcId: "vpc" })),
  resources: d.resources.map((r, i) => {
    const kind = KINDS[i % KINDS.length] as Design["resources"][number]["kind"];
    if (kind === "instance" || !r.interfaces) return { ...r, kind };
    const { interfaces: _, ...rest } = r;
    return { ...rest, kind };
  }),
});

function ruleText(d: Design, r: Rule): string {
  const name = (id: string) =>
    d.groups.find((g) => g.id === id)?.name ?? d.prefixLists.find((p) => p.id === id)?.name ?? `?${id}`;
  const icmp = r.protocol === "icmp" || r.protocol === "icmpv6";
  const ports = icmp
    ? `${r.fromPort ?? -1}/${r.toPort ?? -1}`
    : r.protocol === "tcp" || r.protocol === "udp"
      ? `${r.fromPort}-${r.toPort}`
      : "";
  const p = r.peer;
  const peer =
    p.kind === "group"
      ? `group ${name(p.groupId)}`
      : p.kind === "prefixList"
        ? `pl ${name(p.prefixListId)}`
        : p.kind === "external"
          ? `party ${d.externals.find((e) => e.id === p.externalId)?.cidrs.join(",")}`
          : p.cidr;
  return `${r.protocol} ${ports} ${peer} ${r.description ?? ""}`;
}

/** Groups, rules and attachments by name: the ids an import chooses are its own. */
function shape(d: Design) {
  const groupName = (id: string) => d.groups.find((g) => g.id === id)?.name;
  return {
    groups: Object.fromEntries(
      d.groups.map((g) => [
        g.name,
        { ingress: g.ingress.map((r) => ruleText(d, r)).sort(), egress: g.egress.map((r) => ruleText(d, r)).sort() },
      ]),
    ),
    resources: Object.fromEntries(
      d.resources.map((r) => [
        r.name,
        { kind: r.kind, groups: r.groupIds.map(groupName), v4: r.privateIpv4, v6: r.ipv6 },
      ]),
    ),
  };
}

/**
 * Every permitted flow, with nodes named, against the original's outside parties (rules that refer
 * to a party of the design read its addresses first: the imported My IP has another id).
 */
function flows(d: Design, externals: Design["externals"]) {
  const withParties = { ...resolveExternalPeers(d), externals };
  // An interface's end is "<resource id>/eth1": the import chooses another resource id.
  const name = (id: string) => {
    const slash = id.lastIndexOf("/");
    const resourceId = slash < 0 ? id : id.slice(0, slash);
    const resource = withParties.resources.find((r) => r.id === resourceId);
    return resource ? `${resource.name}${slash < 0 ? "" : id.slice(slash)}` : id;
  };
  return permittedFlows(withParties)
    .map((e) => ({ from: name(e.from), to: name(e.to), services: e.services, families: e.families }))
    .sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`));
}

describe("the examples survive export and import", () => {
  const example = (name: string) =>
    parseDesign(readFileSync(join(import.meta.dirname, "../../examples", `${name}.palisade.json`), "utf8"));
  it.each(["http-server", "three-tier"])(
    "%s, through Terraform and CloudFormation, without a warning",
    async (name) => {
      const d = example(name);
      for (const layout of ["split", "single"] as const) {
        const { design, warnings } = await importTerraformFiles(toTerraform(d, { layout }));
        expect(warnings).toEqual([]);
        expect(shape(design)).toEqual(shape(d));
        expect(flows(design, d.externals)).toEqual(flows(d, d.externals));
      }
      for (const format of ["yaml", "json"] as const) {
        const { design, warnings } = importCloudFormation(toCloudFormation(d, format));
        expect(warnings).toEqual([]);
        expect(shape(design)).toEqual(shape(d));
        expect(flows(design, d.externals)).toEqual(flows(d, d.externals));
      }
    },
  );
});

describe("export then import keeps the design", () => {
  it("through Terraform (hcl2json)", async () => {
    await fc.assert(
      fc.asyncProperty(designs, async (random) => {
        const d = consistent(random);
        const { design } = await importTerraformFiles(toTerraform(d, { layout: "split" }));
        expect(shape(design)).toEqual(shape(d));
        expect(flows(design, d.externals)).toEqual(flows(d, d.externals));
      }),
      { numRuns: RUNS },
    );
  });

  it.each(["yaml", "json"] as const)("through CloudFormation (%s)", (format) => {
    fc.assert(
      fc.property(designs, (random) => {
        const d = consistent(random);
        const { design } = importCloudFormation(toCloudFormation(d, format));
        expect(shape(design)).toEqual(shape(d));
        expect(flows(design, d.externals)).toEqual(flows(d, d.externals));
      }),
      { numRuns: RUNS * 4 },
    );
  });
});
