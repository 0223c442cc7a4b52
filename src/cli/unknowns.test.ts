// A flow that depends on a group the files name but do not define says so, in `flows` (text and
// JSON Lines) and in `check`'s explanation: the real command on a real Terraform file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnPalisade } from "./testing/spawn";

let dir = "";
const palisade = (...args: string[]) => spawnPalisade(dir, args);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "palisade-unknowns-"));
  writeFileSync(
    join(dir, "main.tf"),
    `variable "app_group_id" {
  type = string
}

resource "aws_vpc_security_group_ingress_rule" "app_https" {
  security_group_id = var.app_group_id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_security_group" "db" {
  name = "db"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [var.app_group_id]
}

resource "aws_instance" "report" {
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  private_ip             = "10.0.1.5"
  vpc_security_group_ids = [aws_security_group.db.id]
}
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("flows that depend on an unknown", () => {
  it("flows marks the flow the placeholder's rules permit, and only that one", async () => {
    const text = await palisade("flows", "main.tf");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Internet \(internet\) -> app: tcp 443 .*\(depends on var\.app_group_id\)$/m);
    expect(text.stdout).toMatch(/-> report: tcp 5432/);
    expect(text.stdout).not.toMatch(/report: tcp 5432.*depends on/);
    const lines = await palisade("flows", "main.tf", "--json");
    const rows = lines.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { to: string; dependsOn?: string[] });
    expect(rows.find((r) => r.to === "app")?.dependsOn).toEqual(["var.app_group_id"]);
    expect(rows.find((r) => r.to === "report")?.dependsOn).toBeUndefined();
  });

  it("check says what a verdict depends on: permitted by the placeholder's rules, or open where its rules are unknown", async () => {
    const permitted = await palisade("check", "main.tf", "--from", "internet", "--to", "app", "--port", "443");
    expect(permitted.code).toBe(0);
    expect(permitted.stdout).toMatch(
      /Depends on var\.app_group_id: .*the rules that permit this are those the files give it/,
    );
    const open = await palisade("check", "main.tf", "--from", "internet", "--to", "app", "--port", "22", "--json");
    expect(open.code).toBe(1);
    expect(JSON.parse(open.stdout)).toMatchObject({ permitted: false, dependsOn: ["var.app_group_id"] });
    const certain = await palisade("check", "main.tf", "--from", "internet", "--to", "report", "--port", "22");
    expect(certain.stdout).not.toMatch(/Depends on/);
  });
});
