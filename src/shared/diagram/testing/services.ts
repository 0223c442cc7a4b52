// Generated designs of any size for the diagram's tests and bench: services of a load balancer
// the Internet reaches, a few app instances behind it and a database behind them, some apps
// calling one of three shared services' load balancers, an office with SSH to the apps, DNS out to anywhere
// (an outbound marker). Each group sends only what it needs: a load balancer open to 0.0.0.0/0
// admits every private address too, so AWS's default egress everywhere would join every node to
// every load balancer. Deterministic: the same size always gives the same design.
import { type Design, emptyDesign, type Rule, type SecurityGroup } from "../../model";

const rule = (id: string, protocol: string, port: number | undefined, peer: Rule["peer"]): Rule => ({
  id,
  protocol,
  ...(port === undefined ? {} : { fromPort: port, toPort: port }),
  peer,
});

/** Services that the others call (auth, billing, search, say). */
const SHARED = 3;

/** About `nodes` nodes (outside parties included), in services of five: lb, three apps, db. */
export function generateServices(nodes: number, layout = false): Design {
  const d = emptyDesign(`Services: ${nodes} nodes`);
  d.vpcs = [{ id: "vpc-1", name: "prod", cidrIpv4: "10.0.0.0/16" }];
  d.externals = [
    { id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: { x: 0, y: 0 } },
    { id: "office", kind: "cidr", name: "Office", cidrs: ["198.51.100.0/24"], position: { x: 0, y: 0 } },
  ];
  const services = Math.max(1, Math.round((nodes - 2) / 5));
  const groups: SecurityGroup[] = [];
  for (let s = 0; s < services; s++) {
    const lb = `sg-lb-${s}`;
    const app = `sg-app-${s}`;
    const db = `sg-db-${s}`;
    const lbIngress = [rule(`${lb}-https`, "tcp", 443, { kind: "cidr4", cidr: "0.0.0.0/0" })];
    groups.push({
      id: lb,
      name: `lb-${s}`,
      description: "load balancer",
      vpcId: "vpc-1",
      ingress: lbIngress,
      egress: [rule(`${lb}-app`, "tcp", 8080, { kind: "group", groupId: app })],
    });
    const appIngress = [
      rule(`${app}-lb`, "tcp", 8080, { kind: "group", groupId: lb }),
      rule(`${app}-ssh`, "tcp", 22, { kind: "cidr4", cidr: "198.51.100.0/24" }),
    ];
    const appEgress = [
      rule(`${app}-db`, "tcp", 5432, { kind: "group", groupId: db }),
      rule(`${app}-dns`, "udp", 53, { kind: "cidr4", cidr: "0.0.0.0/0" }),
    ];
    if (s >= SHARED)
      appEgress.push(rule(`${app}-shared`, "tcp", 443, { kind: "group", groupId: `sg-lb-${s % SHARED}` }));
    groups.push({
      id: app,
      name: `app-${s}`,
      description: "app",
      vpcId: "vpc-1",
      ingress: appIngress,
      egress: appEgress,
    });
    groups.push({
      id: db,
      name: `db-${s}`,
      description: "database",
      vpcId: "vpc-1",
      ingress: [rule(`${db}-app`, "tcp", 5432, { kind: "group", groupId: app })],
      egress: [],
    });
    const at = { x: 0, y: 0 };
    const place = (k: number) => (layout ? { x: k * 300, y: s * 600 } : at);
    d.resources.push({
      id: `lb-${s}`,
      kind: "loadBalancer",
      name: `lb-${s}`,
      vpcId: "vpc-1",
      groupIds: [lb],
      position: place(1),
    });
    for (let a = 0; a < 3; a++)
      d.resources.push({
        id: `app-${s}-${a}`,
        kind: "instance",
        name: `app-${s}-${a}`,
        vpcId: "vpc-1",
        privateIpv4: `10.0.${Math.floor((s * 3 + a) / 250)}.${((s * 3 + a) % 250) + 2}`,
        groupIds: [app],
        position: place(2),
      });
    d.resources.push({
      id: `db-${s}`,
      kind: "database",
      name: `db-${s}`,
      vpcId: "vpc-1",
      groupIds: [db],
      position: place(3),
    });
  }
  d.groups = groups;
  return d;
}
