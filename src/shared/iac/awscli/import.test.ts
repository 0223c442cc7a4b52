import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, type Problem, type Rule } from "../../model";
import { importAwsCli } from "./import";

const fixture = (name: string) => ({ name, text: readFileSync(join(__dirname, "fixtures", name), "utf8") });
const all = [
  "security-groups.json",
  "instances.json",
  "network-interfaces.json",
  "prefix-lists.json",
  "pl-0a1b2c3d4e5f60718-entries.json",
  "vpcs.json",
].map(fixture);

function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

const text = (value: unknown) => ({ name: "in.json", text: JSON.stringify(value, null, 2) });
const sg = (permission: Record<string, unknown>, egress: unknown[] = []) =>
  text({
    SecurityGroups: [
      { GroupId: "sg-1", GroupName: "web", VpcId: "vpc-1", IpPermissions: [permission], IpPermissionsEgress: egress },
    ],
  });

describe("importAwsCli: security groups", () => {
  const { design } = importAwsCli(all);
  const group = (id: string) => design.groups.find((g) => g.id === id)!;

  it("splits each IpPermission into one rule per peer, of the four peer kinds", () => {
    const app = group("sg-0a1b2c3d4e5f60002");
    const ssh = app.ingress.filter((r) => r.protocol === "tcp" && r.fromPort === 22);
    expect(ssh.map((r) => r.peer)).toEqual([
      { kind: "cidr4", cidr: "203.0.113.0/24" },
      { kind: "cidr4", cidr: "198.51.100.7/32" },
      { kind: "prefixList", prefixListId: "pl-0a1b2c3d4e5f60718" },
    ]);
    expect(ssh.map((r) => r.description)).toEqual([
      "SSH from the office",
      "SSH from the on-call laptop",
      "SSH from the VPN ranges",
    ]);
    const alb = group("sg-0a1b2c3d4e5f60001");
    expect(alb.ingress.map((r) => [r.protocol, r.fromPort, r.peer])).toEqual([
      ["tcp", 443, { kind: "cidr4", cidr: "0.0.0.0/0" }],
      ["tcp", 443, { kind: "cidr6", cidr: "::/0" }],
      ["tcp", 80, { kind: "cidr4", cidr: "0.0.0.0/0" }],
    ]);
    expect(alb.egress).toEqual([
      {
        id: "sg-0a1b2c3d4e5f60001-egress-1",
        protocol: "tcp",
        fromPort: 8080,
        toPort: 8080,
        peer: { kind: "group", groupId: "sg-0a1b2c3d4e5f60002" },
        description: "to the app tier",
      },
    ]);
  });

  it.each<[string, Record<string, unknown>, Partial<Rule>]>([
    ["all traffic has no ports", { IpProtocol: "-1" }, { protocol: "-1", fromPort: undefined, toPort: undefined }],
    [
      "ICMP keeps type and code",
      { IpProtocol: "icmp", FromPort: 8, ToPort: -1 },
      { protocol: "icmp", fromPort: 8, toPort: -1 },
    ],
    ["a protocol number is kept", { IpProtocol: "50" }, { protocol: "50" }],
    ["6 is tcp", { IpProtocol: "6", FromPort: 1, ToPort: 2 }, { protocol: "tcp", fromPort: 1, toPort: 2 }],
    [
      "a number protocol drops ports",
      { IpProtocol: "47", FromPort: 0, ToPort: 0 },
      { protocol: "47", fromPort: undefined },
    ],
  ])("%s", (_, fields, expected) => {
    const { design } = importAwsCli([sg({ ...fields, IpRanges: [{ CidrIp: "10.0.0.0/8" }] })]);
    const rule = design.groups[0]?.ingress[0];
    for (const [k, v] of Object.entries(expected))
      if (v === undefined) expect(rule).not.toHaveProperty(k);
      else expect(rule).toHaveProperty(k, v);
  });

  it("marks the VPC's default group and keeps its self-reference", () => {
    const d = group("sg-0a1b2c3d4e5f6000d");
    expect(d.isDefault).toBe(true);
    expect(d.ingress[0]?.peer).toEqual({ kind: "group", groupId: "sg-0a1b2c3d4e5f6000d" });
    expect(d.egress.map((r) => r.peer)).toEqual([
      { kind: "cidr4", cidr: "0.0.0.0/0" },
      { kind: "cidr6", cidr: "::/0" },
    ]);
  });

  it("adds a group of another account as a placeholder named for it, and warns at the pair", () => {
    const { design, warnings } = importAwsCli(all);
    const stub = design.groups.find((g) => g.id === "sg-0999999999999999a");
    expect(stub).toEqual({
      id: "sg-0999999999999999a",
      name: "sg-0999999999999999a in account 210987654321",
      description:
        "Lives in another AWS account, 210987654321 (VPC vpc-0aaaaaaaaaaaaaaaa): its members are not in this design, so flows with them are not shown",
      ingress: [],
      egress: [],
      otherAccount: { account: "210987654321", groupId: "sg-0999999999999999a" },
    });
    // The rule keeps naming it; that account's VPC is not made part of this design.
    const db = design.groups.find((g) => g.id === "sg-0a1b2c3d4e5f60003");
    // It names the peering AWS printed for the pair, which is active.
    expect(db?.ingress.map((r) => r.peer)).toContainEqual({
      kind: "group",
      groupId: "sg-0999999999999999a",
      peering: { connectionId: "pcx-0123456789abcdef0", status: "active" },
    });
    expect(design.vpcs.map((v) => v.id)).not.toContain("vpc-0aaaaaaaaaaaaaaaa");
    const warning = warnings.find((w) => w.message.includes("sg-0999999999999999a"));
    expect(warning).toMatchObject({
      file: "security-groups.json",
      line: 162,
      path: "SecurityGroups[2].IpPermissions[0].UserIdGroupPairs[1]",
      severity: "warning",
    });
    expect(warning?.message).toBe(
      'an ingress rule of shop-db (sg-0a1b2c3d4e5f60003) names security group sg-0999999999999999a of another AWS account (210987654321); it was added as the placeholder group "sg-0999999999999999a in account 210987654321", which has no members in this design, so traffic from that account\'s members is not shown',
    );
    expect(warnings.filter((w) => w.message.includes("sg-0999999999999999a"))).toHaveLength(1);
  });

  it("a pair of the group's own account that is not described stays an ordinary placeholder", () => {
    const own = text({
      SecurityGroups: [
        {
          GroupId: "sg-0000000000000000a",
          GroupName: "here",
          OwnerId: "123456789012",
          IpPermissions: [
            {
              IpProtocol: "tcp",
              FromPort: 22,
              ToPort: 22,
              UserIdGroupPairs: [{ GroupId: "sg-0123456789abcdef0", UserId: "123456789012" }],
            },
          ],
        },
      ],
    });
    const { design, warnings } = importAwsCli([own]);
    const stub = design.groups.find((g) => g.id === "sg-0123456789abcdef0");
    expect(stub?.tags).toBeUndefined();
    expect(warnings.map((w) => w.message).join("\n")).not.toContain("another AWS account");
  });

  it("a group of another account that the files also describe is that group, not a placeholder", () => {
    const both = text({
      SecurityGroups: [
        {
          GroupId: "sg-0000000000000000a",
          GroupName: "here",
          OwnerId: "123456789012",
          IpPermissions: [
            {
              IpProtocol: "tcp",
              FromPort: 443,
              ToPort: 443,
              UserIdGroupPairs: [{ GroupId: "sg-0000000000000000b", UserId: "210987654321" }],
            },
          ],
        },
        { GroupId: "sg-0000000000000000b", GroupName: "there", OwnerId: "210987654321" },
      ],
    });
    const { design, warnings } = importAwsCli([both]);
    expect(design.groups.find((g) => g.id === "sg-0000000000000000b")).toMatchObject({ name: "there" });
    expect(warnings).toEqual([]);
  });

  it("reads VPCs with their IPv4 and IPv6 blocks and Name tag", () => {
    expect(design.vpcs).toContainEqual({
      id: "vpc-0f1e2d3c4b5a69788",
      name: "shop",
      cidrIpv4: "10.0.0.0/16",
      cidrIpv6: "2001:db8:1234::/56",
    });
  });

  it("reads prefix lists and attaches entries by the list id in the file name", () => {
    expect(design.prefixLists).toEqual([
      {
        id: "pl-0a1b2c3d4e5f60718",
        name: "vpn-ranges",
        addressFamily: "IPv4",
        maxEntries: 10,
        entries: [
          { cidr: "192.0.2.0/26", description: "VPN pool A" },
          { cidr: "192.0.2.64/26", description: "VPN pool B" },
        ],
      },
    ]);
  });

  it("adds the Internet and outside ranges as external parties, not the VPC's own ranges", () => {
    expect(design.externals.map((e) => [e.kind, e.cidrs])).toEqual([
      ["internet", ["0.0.0.0/0", "::/0"]],
      ["cidr", ["203.0.113.0/24"]],
      ["cidr", ["198.51.100.7/32"]],
      ["cidr", ["192.0.2.0/24"]],
    ]);
  });
});

describe("importAwsCli: instances and network interfaces", () => {
  const { design, warnings } = importAwsCli(all);
  const resource = (id: string) => design.resources.find((r) => r.id === id);

  it("labels instances by their Name tag, with addresses and groups", () => {
    expect(resource("i-0123456789abcdef0")).toMatchObject({
      kind: "instance",
      name: "app-1",
      vpcId: "vpc-0f1e2d3c4b5a69788",
      privateIpv4: "10.0.2.11",
      ipv6: "2001:db8:1234:2::11",
      groupIds: ["sg-0a1b2c3d4e5f60002"],
    });
    expect(resource("i-0fedcba9876543210")).toMatchObject({ name: "vpn-gateway", publicIpv4: "54.170.10.20" });
  });

  it("keeps an instance's own tags but not the address tags an export gave it: AWS states the addresses", () => {
    const deployed = text({
      Reservations: [
        {
          Instances: [
            {
              InstanceId: "i-0aaaaaaaaaaaaaaaa",
              State: { Name: "running" },
              PrivateIpAddress: "10.0.1.7",
              PublicIpAddress: "54.170.10.21",
              Tags: [
                { Key: "Name", Value: "web" },
                { Key: "team", Value: "web" },
                { Key: "palisade:public-ipv4", Value: "203.0.113.9" },
              ],
            },
          ],
        },
      ],
    });
    const web = importAwsCli([deployed]).design.resources[0];
    expect(web).toMatchObject({ name: "web", privateIpv4: "10.0.1.7", publicIpv4: "54.170.10.21" });
    expect(web?.tags).toEqual({ Name: "web", team: "web" });
  });

  it("skips terminated instances and says so", () => {
    expect(resource("i-0deadbeef00000000")).toBeUndefined();
    expect(warnings).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/i-0deadbeef00000000 is terminated/) }),
    );
  });

  it.each([
    ["elb-shop-alb", "loadBalancer", "shop-alb"],
    ["eni-0c000000000000001", "database", "RDS 10.0.3.20"],
    ["lambda-order-worker", "function", "order-worker"],
    ["vpce-0e1d2c3b4a5968778", "endpoint", "vpce-0e1d2c3b4a5968778"],
  ])("an interface of a managed service becomes %s (%s)", (id, kind, name) => {
    expect(resource(id)).toMatchObject({ kind, name });
  });

  it("merges a load balancer's interfaces in several zones into one node without a single address", () => {
    const alb = resource("elb-shop-alb")!;
    expect(alb.groupIds).toEqual(["sg-0a1b2c3d4e5f60001"]);
    expect(alb.privateIpv4).toBeUndefined();
    expect(design.resources.filter((r) => r.kind === "loadBalancer")).toHaveLength(1);
  });

  it("leaves out interfaces without security groups (NAT gateway) and says why", () => {
    expect(design.resources.some((r) => r.id === "eni-0f000000000000001")).toBe(false);
    expect(warnings).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/eni-0f000000000000001 not imported: a nat gateway/) }),
    );
  });

  it("does not duplicate an instance seen in both describe-instances and describe-network-interfaces", () => {
    expect(design.resources.filter((r) => r.privateIpv4 === "10.0.2.11")).toHaveLength(1);
  });

  it("lays out tiers left to right: Internet, load balancer, app, database", () => {
    const x = (id: string) => design.externals.find((e) => e.id === id)?.position.x ?? resource(id)?.position.x;
    expect(x("internet")).toBeLessThan(x("elb-shop-alb")!);
    expect(x("elb-shop-alb")).toBeLessThan(x("i-0123456789abcdef0")!);
    expect(x("i-0123456789abcdef0")).toBeLessThan(x("eni-0c000000000000001")!);
  });

  it("remembers where each group, rule and node was read", () => {
    const { locate } = importAwsCli(all);
    expect(locate("group:sg-0a1b2c3d4e5f60002")).toEqual({ file: "security-groups.json", line: 72, column: 9 });
    // The second SSH peer of the permission is the app group's third inbound rule.
    expect(locate("rule:sg-0a1b2c3d4e5f60002:ingress:2")).toEqual({
      file: "security-groups.json",
      line: 99,
      column: 29,
    });
    expect(locate("node:i-0123456789abcdef0")?.file).toBe("instances.json");
  });

  it("is deterministic: the same files give the same design", () => {
    expect(importAwsCli(all).design).toEqual(design);
  });
});

describe("importAwsCli: wrong shapes", () => {
  it.each<[string, string, RegExp, number]>([
    ["broken JSON", '{\n  "SecurityGroups": [\n    {,\n', /not valid JSON/, 3],
    ["not AWS CLI output", '{\n  "Foo": []\n}', /not AWS CLI output: expected an object with one of SecurityGroups/, 1],
    [
      "a missing GroupId",
      '{\n  "SecurityGroups": [\n    {\n      "GroupName": "web"\n    }\n  ]\n}',
      /SecurityGroups\[0\]\.GroupId: expected string, found nothing/,
      3,
    ],
    [
      "a port as text",
      '{"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "w",\n "IpPermissions": [{"IpProtocol": "tcp", "FromPort": "22", "ToPort": 22}]}]}',
      /IpPermissions\[0\]\.FromPort: expected number, found string "22"/,
      2,
    ],
  ])("%s is an error with the file, JSON path and line", (_, body, message, line) => {
    const [problem] = problemsOf(() => importAwsCli([{ name: "bad.json", text: body }]));
    expect(problem).toMatchObject({ file: "bad.json", line, severity: "error" });
    expect(`${problem?.path}: ${problem?.message}`).toMatch(message);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      "a bad CIDR",
      { IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "10.0.0.300/8" }] },
      "SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp",
      /not a CIDR/,
    ],
    [
      "an IPv6 CIDR among IPv4 ranges",
      { IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "::/0" }] },
      "SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp",
      /IPv6 CIDR where an IPv4/,
    ],
    [
      "an absurd port",
      { IpProtocol: "tcp", FromPort: 22, ToPort: 70000, IpRanges: [{ CidrIp: "10.0.0.0/8" }] },
      "SecurityGroups[0].IpPermissions[0].ToPort",
      /65535/,
    ],
    [
      "a reversed range",
      { IpProtocol: "tcp", FromPort: 90, ToPort: 80, IpRanges: [{ CidrIp: "10.0.0.0/8" }] },
      "SecurityGroups[0].IpPermissions[0].ToPort",
      /reversed/,
    ],
    [
      "an unknown protocol",
      { IpProtocol: "tcpp", IpRanges: [{ CidrIp: "10.0.0.0/8" }] },
      "SecurityGroups[0].IpPermissions[0].IpProtocol",
      /not a protocol/,
    ],
  ])("%s in a rule is an error at its JSON path", (_, permission, path, message) => {
    const problems = problemsOf(() => importAwsCli([sg(permission)]));
    expect(problems[0]).toMatchObject({ file: "in.json", path, severity: "error" });
    expect(problems[0]?.line).toBeGreaterThan(1);
    expect(problems[0]?.message).toMatch(message);
  });

  it("words a rule's problem as every reader does (checkRule), at the permission's field", () => {
    const permission = { IpProtocol: "tcp", FromPort: 22, ToPort: 70000, IpRanges: [{ CidrIp: "10.0.0.0/8" }] };
    const file = sg(permission);
    const [problem] = problemsOf(() => importAwsCli([file]));
    expect(problem).toMatchObject({
      file: "in.json",
      line: lineOf(file, '"ToPort"'),
      path: "SecurityGroups[0].IpPermissions[0].ToPort",
      message: "to port 70000 is out of range: expected 0-65535 (-1 = any, for ICMP)",
    });
  });

  it("reports the problems of every file, not only the first", () => {
    const problems = problemsOf(() =>
      importAwsCli([
        { name: "a.json", text: "{" },
        { name: "b.json", text: "[]" },
      ]),
    );
    expect(problems.map((p) => p.file)).toEqual(["a.json", "b.json"]);
  });

  it("ignores unknown fields", () => {
    const { design } = importAwsCli([
      text({ SecurityGroups: [{ GroupId: "sg-1", GroupName: "w", Shiny: { new: true } }], NextToken: "abc" }),
    ]);
    expect(design.groups.map((g) => g.id)).toEqual(["sg-1"]);
  });

  it("warns about prefix list entries it cannot attach to a list", () => {
    const { warnings } = importAwsCli([text({ Entries: [{ Cidr: "10.0.0.0/8" }] })]);
    expect(warnings[0]?.message).toMatch(/name the file after the list/);
  });
});

/** The 1-based line of the first line of `file` that holds `needle`. */
const lineOf = (file: { text: string }, needle: string) =>
  file.text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("importAwsCli: addresses as AWS takes them", () => {
  it("a CIDR with host bits is imported as its network, with a warning at the CIDR that says what it became", () => {
    const file = sg({ IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "192.168.1.0/0" }] });
    const { design, warnings } = importAwsCli([file]);
    expect(design.groups[0]?.ingress[0]?.peer).toEqual({ kind: "cidr4", cidr: "0.0.0.0/0" });
    expect(warnings).toEqual([
      expect.objectContaining({
        file: "in.json",
        line: lineOf(file, "192.168.1.0/0"),
        message: "192.168.1.0/0 has host bits set; AWS stores it as 0.0.0.0/0: open to the world",
      }),
    ]);
    expect(design.externals.map((e) => e.kind)).toEqual(["internet"]);
  });

  it("reads a recording of boto3's response (placebo's {status_code, data}) as the output it wraps, placed in the file", () => {
    const body = { SecurityGroups: [{ GroupId: "sg-1", GroupName: "web", IpPermissions: [{ IpProtocol: "ttp" }] }] };
    const file = text({ status_code: 200, data: body });
    const problems = problemsOf(() => importAwsCli([file]));
    expect(problems.map((p) => [p.line, p.message])).toEqual([[lineOf(file, '"ttp"'), expect.stringMatching(/ttp/)]]);
    const { design } = importAwsCli([
      text({ status_code: 200, data: { SecurityGroups: [{ GroupId: "sg-1", GroupName: "web" }] } }),
    ]);
    expect(design.groups.map((g) => g.id)).toEqual(["sg-1"]);
  });

  it("a group referenced but not described is added, with the warning at the rule that names it", () => {
    const file = sg({ IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: "sg-2" }] });
    const { warnings } = importAwsCli([file]);
    expect(warnings.map((w) => [w.file, w.line])).toEqual([["in.json", lineOf(file, "UserIdGroupPairs") + 1]]);
  });
});

describe("importAwsCli: describe-security-group-rules (one rule per entry)", () => {
  const rules = text({
    SecurityGroupRules: [
      {
        SecurityGroupRuleId: "sgr-1",
        GroupId: "sg-1",
        IsEgress: false,
        IpProtocol: "tcp",
        FromPort: 443,
        ToPort: 443,
        CidrIpv4: "0.0.0.0/0",
      },
      {
        SecurityGroupRuleId: "sgr-2",
        GroupId: "sg-1",
        IsEgress: false,
        IpProtocol: "tcp",
        FromPort: 22,
        ToPort: 22,
        ReferencedGroupInfo: { GroupId: "sg-2", UserId: "123456789012" },
      },
      { SecurityGroupRuleId: "sgr-3", GroupId: "sg-1", IsEgress: true, IpProtocol: "-1", CidrIpv4: "10.0.0.5/16" },
      {
        SecurityGroupRuleId: "sgr-4",
        GroupId: "sg-9",
        IsEgress: false,
        IpProtocol: "udp",
        FromPort: 53,
        ToPort: 53,
        PrefixListId: "pl-1",
      },
    ],
  });

  it("adds each rule to its group, one peer each, normalising a CIDR with host bits", () => {
    const { design, warnings } = importAwsCli([rules]);
    const g = design.groups.find((x) => x.id === "sg-1");
    expect(g?.ingress.map((r) => [r.id, r.protocol, r.fromPort, r.peer])).toEqual([
      ["sgr-1", "tcp", 443, { kind: "cidr4", cidr: "0.0.0.0/0" }],
      ["sgr-2", "tcp", 22, { kind: "group", groupId: "sg-2" }],
    ]);
    expect(g?.egress.map((r) => r.peer)).toEqual([{ kind: "cidr4", cidr: "10.0.0.0/16" }]);
    expect(design.groups.find((x) => x.id === "sg-9")?.ingress[0]?.peer).toEqual({
      kind: "prefixList",
      prefixListId: "pl-1",
    });
    expect(warnings.map((w) => w.message)).toContain("10.0.0.5/16 has host bits set; AWS stores it as 10.0.0.0/16");
    expect(warnings.every((w) => w.file === "in.json" && w.line !== undefined)).toBe(true);
  });

  it("read with describe-security-groups of the same group, names the group and adds no rule twice", () => {
    const groups = text({
      SecurityGroups: [
        {
          GroupId: "sg-1",
          GroupName: "web",
          IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
        },
      ],
    });
    const { design } = importAwsCli([groups, { ...rules, name: "rules.json" }]);
    const g = design.groups.find((x) => x.id === "sg-1");
    expect(g?.name).toBe("web");
    expect(g?.ingress.map((r) => r.fromPort)).toEqual([443, 22]);
  });
});
