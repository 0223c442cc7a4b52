// Placeholders of other accounts' groups: members and rules live in that account, so findings
// must not ask for them here; but attaching one or giving it rules is reported.
import { describe, expect, it } from "vitest";
import { emptyDesign, validateDesign } from "../../model/document";
import { otherAccountGroup } from "../../model/other-account";
import type { Design, Resource, SecurityGroup } from "../../model/schema";
import { findings } from "./index";

const PEER = { account: "111122223333", groupId: "sg-0abc1234def567890" };
const placeholder = (known: { vpcId?: string } = {}) => otherAccountGroup("sg-peer", PEER, known);

const app: SecurityGroup = {
  id: "sg-app",
  name: "app",
  description: "app",
  vpcId: "vpc-1",
  ingress: [
    { id: "from-peer", protocol: "tcp", fromPort: 8080, toPort: 8080, peer: { kind: "group", groupId: "sg-peer" } },
  ],
  egress: [
    { id: "to-peer", protocol: "tcp", fromPort: 5432, toPort: 5432, peer: { kind: "group", groupId: "sg-peer" } },
  ],
};

const server = (groupIds: string[]): Resource => ({
  id: "server",
  kind: "instance",
  name: "server",
  vpcId: "vpc-1",
  privateIpv4: "10.0.0.5",
  groupIds,
  position: { x: 0, y: 0 },
});

function design(groups: SecurityGroup[], groupIds = ["sg-app"]): Design {
  return validateDesign({
    ...emptyDesign("test"),
    vpcs: [{ id: "vpc-1", name: "main", cidrIpv4: "10.0.0.0/16" }],
    groups,
    resources: [server(groupIds)],
  });
}

const codes = (d: Design) => findings(d).map((f) => f.code);

describe("findings: groups of other accounts", () => {
  it("a placeholder referenced by rules, with no members and no rules, is no finding", () => {
    expect(codes(design([app, placeholder()]))).toEqual([]);
  });
  it("nor is one whose VPC the import knew (it is named in the description, not the group's VPC)", () => {
    expect(codes(design([app, placeholder({ vpcId: "vpc-0peer" })]))).toEqual([]);
  });
  it("an unused group of this account is still reported", () => {
    const { otherAccount: _, ...rest } = placeholder();
    const spare: SecurityGroup = { ...rest, id: "sg-spare", name: "spare" };
    expect(findings(design([app, placeholder(), spare])).map((f) => [f.code, f.groupId])).toEqual([
      ["group-without-members", "sg-spare"],
    ]);
  });
  it("a group without the otherAccount field is an ordinary group, whatever its tags say", () => {
    const { otherAccount: _, ...rest } = placeholder();
    const odd = { ...rest, tags: { "palisade:account": "111122223333", "palisade:group-id": "sg-0abc1234def567890" } };
    expect(codes(design([app, odd]))).toEqual(["group-without-members"]);
  });
  it("a placeholder on an interface is reported at the resource", () => {
    const f = findings(design([app, placeholder()], ["sg-app", "sg-peer"]));
    expect(f.map((x) => [x.code, x.severity, x.nodeId])).toEqual([["other-account-group-attached", "high", "server"]]);
    expect(f[0]?.message).toMatch(
      /server has sg-0abc1234def567890 in account 111122223333 on its interface.*AWS refuses the export's "111122223333\/sg-0abc1234def567890"/,
    );
  });
  it("rules on a placeholder are reported: the exports leave them out", () => {
    const ruled = {
      ...placeholder(),
      ingress: [{ ...app.ingress[0]!, id: "r1", peer: { kind: "cidr4" as const, cidr: "10.0.0.0/8" } }],
    };
    const f = findings(design([app, ruled]));
    expect(f.map((x) => [x.code, x.groupId])).toEqual([["other-account-group-rules", "sg-peer"]]);
    expect(f[0]?.message).toMatch(/has 1 rule, but it is AWS account 111122223333's group/);
  });
});
