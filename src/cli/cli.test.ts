// The real `palisade` command, spawned as a user runs it, on real files in a temp folder.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDesign } from "../shared/model";
import { type Run, root, spawnPalisade } from "./testing/spawn";

let dir = "";
const palisade = (...args: string[]) => spawnPalisade(dir, args);

const threeTier = JSON.parse(readFileSync(join(root, "examples/three-tier.palisade.json"), "utf8"));
const write = (name: string, value: unknown) =>
  writeFileSync(join(dir, name), typeof value === "string" ? value : `${JSON.stringify(value, null, 2)}\n`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "palisade-cli-"));
  write("three-tier.palisade.json", threeTier);
  for (const f of ["security-groups.json", "instances.json", "network-interfaces.json"])
    copyFileSync(join(root, "src/shared/iac/awscli/fixtures", f), join(dir, f));
  write("broken.json", '{\n  "format": "palisade",\n  "version": 1,,\n}\n');
  const badCidr = structuredClone(threeTier);
  badCidr.groups[0].ingress[0].peer.cidr = "0.0.0.0/33";
  write("bad-cidr.palisade.json", badCidr);
  const ambiguous = structuredClone(threeTier);
  for (const r of ambiguous.resources) if (r.id.startsWith("app-")) r.name = "app";
  write("ambiguous.palisade.json", ambiguous);
  const ssh = structuredClone(threeTier);
  ssh.groups[1].ingress[1].peer.cidr = "0.0.0.0/0";
  write("ssh-open.palisade.json", ssh);
  write("holds.yaml", "- deny: {from: Internet, to: db, port: 5432}\n- allow: {from: app-1, to: db, port: 5432}\n");
  write("fails.yaml", "- allow: {from: Internet, to: db, port: 5432}\n");
  write(
    "bad.yaml",
    "- allow: {from: app-1, to: db, port: 5432}\n- deny:\n    from: Internet\n    to: db\n    port: 99999\n",
  );
  write(
    "main.tf",
    `resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.web.id]
}
`,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noStack = (r: Run) => expect(r.stderr).not.toMatch(/\n\s+at /);

describe.concurrent("palisade", () => {
  it("--help lists every command and exits 0; each command has its own --help", async () => {
    const all = await palisade("--help");
    expect(all.code).toBe(0);
    for (const c of ["import", "export", "flows", "check", "lint", "assert", "diff"])
      expect(all.stdout).toContain(`  ${c}`);
    const check = await palisade("check", "--help");
    expect(check).toMatchObject({ code: 0, stderr: "" });
    expect(check.stdout).toMatch(/--from X --to Y \[--protocol P\] \[--port N\]/);
  });

  it("an unknown command or option is a usage error, exit 2", async () => {
    const command = await palisade("chek");
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/unknown command "chek"; expected one of import, export/);
    const option = await palisade("check", "three-tier.palisade.json", "--fro", "x");
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/palisade check: unknown option --fro/);
  });

  it("check: a permitted flow prints the rules that allow it, exit 0", async () => {
    const r = await palisade("check", "three-tier.palisade.json", "--from", "app-1", "--to", "DB", "--port", "5432");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^Permitted: app-1 can reach db on tcp 5432/);
    expect(r.stdout).toMatch(/tcp 5432 from group app/);
  });

  it("check: a blocked flow says where it is dropped, exit 1", async () => {
    const r = await palisade("check", "three-tier.palisade.json", "--from", "internet", "--to", "db", "--port", "5432");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Not permitted: Internet cannot reach db on tcp 5432/);
    expect(r.stdout).toMatch(/timeout/);
  });

  it("check --json prints the verdict", async () => {
    const r = await palisade(
      "check",
      "three-tier.palisade.json",
      "--from",
      "office",
      "--to",
      "app-1",
      "--port",
      "22",
      "--json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      permitted: true,
      query: { from: "office", to: "app-1", protocol: "tcp", port: 22 },
    });
  });

  it("check: ICMP type and code", async () => {
    const r = await palisade(
      "check",
      "three-tier.palisade.json",
      "--from",
      "office",
      "--to",
      "app-1",
      "--protocol",
      "icmp",
      "--icmp-type",
      "8",
      "--icmp-code",
      "0",
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/icmp type 8/);
  });

  it.each<[string, string[], RegExp]>([
    [
      "an absurd port",
      ["three-tier.palisade.json", "--from", "app-1", "--to", "db", "--port", "70000"],
      /port 70000 is out of range: expected 0-65535/,
    ],
    [
      "a port that is not a number",
      ["three-tier.palisade.json", "--from", "app-1", "--to", "db", "--port", "http"],
      /--port must be a whole number, not "http"/,
    ],
    ["broken JSON", ["broken.json", "--from", "a", "--to", "b", "--port", "1"], /^broken\.json:3:16: not valid JSON: /],
    [
      "a bad CIDR",
      ["bad-cidr.palisade.json", "--from", "a", "--to", "b", "--port", "1"],
      /^bad-cidr\.palisade\.json:\d+:\d+: groups\[0\]\.ingress\[0\]\.peer\.cidr: "0\.0\.0\.0\/33" has a bad prefix length/,
    ],
    [
      "an ambiguous name",
      ["ambiguous.palisade.json", "--from", "app", "--to", "db", "--port", "5432"],
      /"app" is ambiguous: it names 2 nodes: app-1 \(instance "app"\), app-2 \(instance "app"\)/,
    ],
    [
      "an unknown node",
      ["three-tier.palisade.json", "--from", "app-1", "--to", "nowhere", "--port", "5432"],
      /no node is named "nowhere"/,
    ],
    [
      "a missing file",
      ["missing.palisade.json", "--from", "a", "--to", "b", "--port", "1"],
      /^missing\.palisade\.json: cannot read: no such file or folder/,
    ],
    ["a missing --to", ["three-tier.palisade.json", "--from", "app-1"], /--to is required/],
  ])("check: %s is bad input, exit 2, a message and no stack trace", async (_, args, message) => {
    const r = await palisade("check", ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    noStack(r);
  });

  it("check reads AWS CLI output directly, several files together", async () => {
    const r = await palisade(
      "check",
      "security-groups.json",
      "instances.json",
      "network-interfaces.json",
      "--from",
      "internet",
      "--to",
      "shop-alb",
      "--port",
      "443",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Permitted: Internet can reach shop-alb on tcp 443/);
    expect(r.stderr).toMatch(/instances\.json:\d+:\d+: warning: .*i-0deadbeef00000000 is terminated/);
  });

  it("check reads Terraform", async () => {
    const r = await palisade("check", "main.tf", "--from", "internet", "--to", "web", "--port", "443");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("import writes a design that loads back", async () => {
    const r = await palisade("import", "security-groups.json", "instances.json", "-o", "imported.palisade.json");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const design = parseDesign(readFileSync(join(dir, "imported.palisade.json"), "utf8"));
    expect(design.groups.map((g) => g.name)).toContain("shop-app");
    expect(design.resources.map((n) => n.name)).toEqual(expect.arrayContaining(["app-1", "app-2", "vpn-gateway"]));
  });

  it("import to a folder that does not exist is bad input, not a crash", async () => {
    const r = await palisade("import", "security-groups.json", "-o", "no/such/folder/x.palisade.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^no\/such\/folder\/x\.palisade\.json: cannot write the file: no such file or folder/m);
    noStack(r);
  });

  it("flows lists every permitted flow, --json as JSON Lines and --json-array as one document", async () => {
    const text = await palisade("flows", "three-tier.palisade.json");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Internet (internet) -> alb: tcp 80, 443");
    const lines = await palisade("flows", "three-tier.palisade.json", "--json");
    const rows = lines.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows).toContainEqual(expect.objectContaining({ from: "app-1", to: "db", label: "tcp 5432" }));
    expect(rows).toHaveLength(text.stdout.trimEnd().split("\n").length);
    const array = await palisade("flows", "three-tier.palisade.json", "--json-array");
    expect(JSON.parse(array.stdout)).toEqual(rows);
  });

  it("lint exits 1 on a high finding and names it; 0 on a clean design", async () => {
    const bad = await palisade("lint", "ssh-open.palisade.json");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /^ssh-open\.palisade\.json:\d+:\d+: high: ssh-open-to-world: app inbound rule 2, tcp 22 from 0\.0\.0\.0\/0/m,
    );
    const clean = await palisade("lint", "three-tier.palisade.json");
    expect(clean).toMatchObject({ code: 0, stdout: "No findings.\n" });
  });

  it("lint --format sarif writes SARIF 2.1.0", async () => {
    const r = await palisade("lint", "ssh-open.palisade.json", "--format", "sarif");
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results[0]).toMatchObject({
      ruleId: "ssh-open-to-world",
      level: "error",
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "ssh-open.palisade.json" },
            region: { startLine: expect.any(Number) },
          },
        },
      ],
    });
  });

  it("assert: 0 when every assertion holds, 1 with the explanation when one fails", async () => {
    const holds = await palisade("assert", "three-tier.palisade.json", "--rules", "holds.yaml");
    expect(holds.code).toBe(0);
    expect(holds.stdout).toMatch(/2 of 2 assertions hold/);
    const fails = await palisade("assert", "three-tier.palisade.json", "--rules", "fails.yaml");
    expect(fails.code).toBe(1);
    expect(fails.stdout).toMatch(/FAIL {2}allow Internet -> db tcp 5432 {2}\(fails\.yaml:1:3\)\n\s+Not permitted/);
  });

  it("assert: a bad assertions file is an error at file:line:column, exit 2", async () => {
    const r = await palisade("assert", "three-tier.palisade.json", "--rules", "bad.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yaml:5:5: \[1\]\.deny\.port: must be 0-65535/);
  });

  it("diff lists the flows B opens, exit 1 when they differ and 0 when not", async () => {
    const r = await palisade("diff", "three-tier.palisade.json", "ssh-open.palisade.json");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("+ Internet (internet) -> app-1: tcp 22");
    expect(r.stdout).toContain("+ app-1 -> app-2: tcp 22");
    expect(r.stdout).not.toContain("office");
    const same = await palisade("diff", "three-tier.palisade.json", "three-tier.palisade.json", "--json");
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toEqual({ opened: [], closed: [], changed: [] });
  });

  it("export --to terraform prints HCL; a bad --to is a usage error", async () => {
    const r = await palisade("export", "three-tier.palisade.json", "--to", "terraform");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/resource "aws_security_group"/);
    const bad = await palisade("export", "three-tier.palisade.json", "--to", "pulumi");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--to must be terraform or cloudformation, not "pulumi"/);
  });

  it("export --to cloudformation --format json writes a template", async () => {
    const r = await palisade(
      "export",
      "three-tier.palisade.json",
      "--to",
      "cloudformation",
      "--format",
      "json",
      "-o",
      "t.json",
    );
    expect(r).toMatchObject({ code: 0, stdout: "" });
    expect(JSON.parse(readFileSync(join(dir, "t.json"), "utf8"))).toHaveProperty("Resources");
  });

  it("runs as `npm run palisade` from the project root", async () => {
    const r = await new Promise<Run>((done) =>
      execFile("npm", ["run", "-s", "palisade", "--", "--version"], { cwd: root }, (error, stdout, stderr) =>
        done({ code: error ? 1 : 0, stdout, stderr }),
      ),
    );
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
