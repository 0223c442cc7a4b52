// `palisade check` names an instance's further interface as AWS does (web/eth1, by DeviceIndex) or
// by the interface's id, whichever format the instance was read from: the real command, spawned.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, spawnPalisade } from "./testing/spawn";

const fixtures = join(root, "src/shared/iac/fixtures/two-interfaces");
const check = (files: string[], from: string, to: string, port: number) =>
  spawnPalisade(fixtures, ["check", ...files, "--from", from, "--to", to, "--protocol", "tcp", "--port", String(port)]);

describe("palisade check on an instance with two interfaces", () => {
  const awscli = ["describe-security-groups.json", "describe-vpcs.json", "describe-instances.json"];

  it("AWS CLI: --from web/eth1 reaches the database, web (eth0) does not", async () => {
    const eth1 = await check(awscli, "web/eth1", "db", 5432);
    expect(eth1.stderr).toBe("");
    expect(eth1.code).toBe(0);
    expect(eth1.stdout).toContain("web/eth1");
    expect((await check(awscli, "web", "db", 5432)).code).toBe(1);
  });

  it("AWS CLI: --from the interface's id (eni-…), from several describe-network-interfaces entries", async () => {
    const files = ["describe-security-groups.json", "describe-vpcs.json", "describe-network-interfaces.json"];
    expect((await check(files, "eni-0000000000000b011", "i-0000000000000d002", 5432)).code).toBe(0);
    expect((await check(files, "i-0000000000000d001", "i-0000000000000d002", 5432)).code).toBe(1);
  });

  it("Terraform: the same names", async () => {
    expect((await check(["main.tf"], "web/eth1", "db", 5432)).code).toBe(0);
    expect((await check(["main.tf"], "web", "db", 5432)).code).toBe(1);
  });
});
