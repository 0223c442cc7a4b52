// --param NAME=VALUE reaches a CloudFormation template as --var reaches Terraform: the real
// `palisade` command, spawned on the project's own fixture.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, spawnPalisade } from "./testing/spawn";

const template = join(root, "src/shared/iac/cloudformation/fixtures/constructs/parameters.yaml");
const check = (...args: string[]) =>
  spawnPalisade(root, ["check", template, "--from", "198.51.100.7", "--to", "Server", "--port", "22", ...args]);

describe("palisade --param", () => {
  it("without the value, the flow that depends on it is not permitted, and the CLI says once how to give it", async () => {
    const r = await check();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "parameters.yaml:28:11: warning: Web ingress rule: parameter AdminCidr has no value (no Default)",
    );
    // The importer's warning is shared with the app (which asks in a dialog): the flag is the CLI's.
    expect(r.stderr).not.toContain("warning: Web ingress rule: parameter AdminCidr has no value (no Default; give");
    expect(r.stderr.match(/--param AdminCidr=…/g)).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^palisade: 1 value has no default, so what depends on it is a placeholder; give it with --param AdminCidr=…$/m,
    );
  });

  it("gives a parameter its value, and the flow is permitted", async () => {
    const r = await check("--param", "AdminCidr=198.51.100.0/24");
    expect(r.stdout).toMatch(/^Permitted/);
    expect(r.code).toBe(0);
  });

  it("refuses a value outside AllowedValues with the place, exit 2", async () => {
    const r = await check("--param", "AdminCidr=198.51.100.0/24", "--param", "Env=qa");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("parameters.yaml:14:5: --param Env=qa: expected one of prod, dev");
  });
});
