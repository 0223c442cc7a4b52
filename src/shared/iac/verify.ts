// What can be verified after deploy: each intent and each allow/deny assertion becomes a path for
// AWS Reachability Analyzer (a network insights path, then an analysis of it), so that AWS checks
// on the real network what the design promised. The paths are the same for Terraform and
// CloudFormation; each exporter writes them in its own words (terraform/verify.ts,
// cloudformation/verify.ts).
import { resolveEndpoint } from "../engine/resolve";
import { InputError } from "../model/problems";
import type { Design, External, Resource } from "../model/schema";

/** An end of a path: a resource of the design, or the internet gateway with an address outside AWS. */
export type PathEnd = { resource: Resource } | { internetGateway: true; ip: string; label: string };

export interface VerifyPath {
  /** Says what is checked: "intent web-https: Internet -> web tcp 443". */
  name: string;
  /** allow: the analysis should find a path; deny: it should not. */
  expect: "allow" | "deny";
  source: PathEnd;
  destination: PathEnd;
  protocol: "tcp" | "udp";
  port?: number;
}

export interface Unverifiable {
  name: string;
  reason: string;
}

export interface VerifyPlan {
  paths: VerifyPath[];
  unverifiable: Unverifiable[];
  /** Whether some path starts or ends at the internet gateway (an input of the export). */
  needsInternetGateway: boolean;
}

/**
 * The address that stands for "anyone on the Internet" as a path's SourceIp: an input with this
 * default, since any public address takes the same route through the internet gateway.
 */
export const INTERNET_SOURCE_IP = "203.0.113.10";

/** Resource kinds Reachability Analyzer takes as a path's source or destination. */
const PATH_ENDS: ReadonlySet<Resource["kind"]> = new Set(["instance", "endpoint"]);

const KIND_WORDS: Record<Resource["kind"], string> = {
  instance: "an instance",
  loadBalancer: "a load balancer",
  database: "an RDS database",
  function: "a Lambda function",
  containerService: "an ECS service",
  endpoint: "a VPC endpoint",
};

/** An allow/deny assertion as shared/assertions parses it (the fields verification reads). */
export interface AssertionToVerify {
  expect: "allow" | "deny";
  from: string;
  to: string;
  protocol: string;
  port?: number;
  file?: string;
  line?: number;
  column?: number;
}

interface Check {
  name: string;
  expect: "allow" | "deny";
  from: string;
  to: string;
  protocol: string;
  port?: number;
}

/** "6" and "17" are tcp and udp by number; everything else is not a path's protocol. */
function pathProtocol(protocol: string): "tcp" | "udp" | undefined {
  const p = protocol.toLowerCase();
  if (p === "tcp" || p === "6") return "tcp";
  if (p === "udp" || p === "17") return "udp";
  return undefined;
}

function protocolWords(protocol: string): string {
  const p = protocol.toLowerCase();
  if (p === "-1" || p === "all") return "all traffic";
  if (p === "icmp" || p === "1" || p === "icmpv6" || p === "58") return "ICMP";
  return `protocol ${protocol}`;
}

/** An address as a single IP: a /32 (or /128) CIDR's address, else undefined. */
function singleAddress(cidr: string): string | undefined {
  const [ip, prefix] = cidr.split("/");
  if (prefix === undefined || prefix === "32" || prefix === "128") return ip;
  return undefined;
}

function endOf(design: Design, id: string): PathEnd | string {
  const resource = design.resources.find((r) => r.id === id);
  if (resource)
    return PATH_ENDS.has(resource.kind)
      ? { resource }
      : `${resource.name || resource.id} is ${KIND_WORDS[resource.kind]}, which Reachability Analyzer does not take as an end (it takes instances, network interfaces, gateways and VPC endpoints)`;
  const external = design.externals.find((e) => e.id === id);
  if (!external) return `${id} is an address, not an AWS resource: a path's ends are resources`;
  return externalEnd(external);
}

function externalEnd(e: External): PathEnd | string {
  if (e.kind === "internet") return { internetGateway: true, ip: INTERNET_SOURCE_IP, label: e.name };
  if (e.kind === "myIp") {
    const ip = e.cidrs.map(singleAddress).find((a) => a !== undefined);
    // SourceIp and DestinationIp are IPv4 addresses (AWS's pattern is a dotted quad).
    if (ip?.includes(":")) return `${e.name} is an IPv6 address: a path's SourceIp is IPv4 only`;
    if (ip) return { internetGateway: true, ip, label: e.name };
    return `${e.name} is a range, not one address: a path from the internet gateway needs one SourceIp`;
  }
  return `${e.name} is a CIDR outside AWS: the design does not say which gateway (internet, VPN, Direct Connect) its traffic enters by`;
}

function planOne(design: Design, check: Check): VerifyPath | Unverifiable {
  const protocol = pathProtocol(check.protocol);
  if (!protocol)
    return {
      name: check.name,
      reason: `${protocolWords(check.protocol)}: Reachability Analyzer's paths are tcp or udp only`,
    };
  const source = endOf(design, check.from);
  if (typeof source === "string") return { name: check.name, reason: source };
  const destination = endOf(design, check.to);
  if (typeof destination === "string") return { name: check.name, reason: destination };
  if ("internetGateway" in source && "internetGateway" in destination)
    return { name: check.name, reason: "both ends are outside AWS" };
  return { name: check.name, expect: check.expect, source, destination, protocol, port: check.port };
}

function nameOf(design: Design, id: string): string {
  const node = [...design.resources, ...design.externals].find((n) => n.id === id);
  return node?.name || id;
}

function traffic(protocol: string, port: number | undefined): string {
  return `${protocol}${port !== undefined ? ` ${port}` : ""}`;
}

/**
 * The paths of every intent (expected allowed) and every assertion, and the ones that cannot be
 * verified this way with the reason. Assertions name their ends as `check` does; a name that
 * matches no node is an error placed at the assertion.
 */
export function verificationPlan(design: Design, assertions: readonly AssertionToVerify[] = []): VerifyPlan {
  const checks: Check[] = design.intents.map((i) => ({
    name: `intent ${i.id}: ${nameOf(design, i.from)} -> ${nameOf(design, i.to)} ${traffic(i.protocol, i.port)}`,
    expect: "allow",
    from: i.from,
    to: i.to,
    protocol: i.protocol,
    port: i.port,
  }));
  for (const a of assertions) {
    try {
      checks.push({
        name: `${a.expect} ${a.from} -> ${a.to} ${traffic(a.protocol, a.port)}`,
        expect: a.expect,
        from: resolveEndpoint(design, a.from, "from"),
        to: resolveEndpoint(design, a.to, "to"),
        protocol: a.protocol,
        port: a.port,
      });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw new InputError(
        e.problems.map((p) => ({ ...p, file: a.file, line: a.line, column: a.column, path: undefined })),
      );
    }
  }
  const paths: VerifyPath[] = [];
  const unverifiable: Unverifiable[] = [];
  for (const check of checks) {
    const planned = planOne(design, check);
    if ("reason" in planned) unverifiable.push(planned);
    else paths.push(planned);
  }
  const needsInternetGateway = paths.some((p) => "internetGateway" in p.source || "internetGateway" in p.destination);
  return { paths, unverifiable, needsInternetGateway };
}

/** Said in every file that holds analyses, and by the CLI when it writes them. */
export const BILLING_NOTE =
  "AWS bills each Reachability Analyzer analysis (per analysis run): every apply or stack update that creates or replaces an analysis runs it again.";
