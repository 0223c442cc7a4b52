// The plan route as a user runs it: `terraform show -json tf.plan > plan.json`, then `palisade
// check plan.json`; and the state file, as it is. The real command on the fixtures, read in place.
import { describe, expect, it } from "vitest";
import { root, spawnPalisade } from "./testing/spawn";

const FIXTURES = "src/shared/iac/terraform/fixtures";
const palisade = (...args: string[]) => spawnPalisade(root, args);

describe("palisade on terraform show -json output and terraform.tfstate", () => {
  it("check answers from a plan: the registry module's group admits the Internet on 443 only", async () => {
    const open = await palisade(
      "check",
      `${FIXTURES}/plan/plan.json`,
      "--from",
      "internet",
      "--to",
      "web",
      "--port",
      "443",
    );
    expect(open.stderr).toMatch(/local\.this_sg_id: a plan does not record local values/);
    expect(open.stdout).toMatch(/^Permitted/);
    expect(open.code).toBe(0);
    const closed = await palisade(
      "check",
      `${FIXTURES}/plan/plan.json`,
      "--from",
      "internet",
      "--to",
      "db",
      "--port",
      "5432",
    );
    expect(closed.stdout).toMatch(/^Not permitted/);
    expect(closed.code).toBe(1);
  });

  it("flows lists what a state file permits, the database reached from web and the bastion only", async () => {
    const r = await palisade("flows", `${FIXTURES}/state/terraform.tfstate`, "--json", "--to", "db");
    expect(r.code).toBe(0);
    const flows = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { from: string; label: string });
    expect(flows.map((f) => `${f.from} ${f.label}`).sort()).toEqual(["bastion tcp 22", "web tcp 5432"]);
  });

  it("a JSON file of no known kind is refused, naming plans and state among what it expected (exit 2)", async () => {
    const r = await palisade("check", "package.json", "--from", "internet", "--to", "web");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/terraform show -json output of a plan or state/);
  });
});
