// Which of a module's variables without a value something drawn waits on (ImportInput.affects),
// read from disk through the real HCL parser as the CLI and the app read a folder.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPaths, type Values } from "./load";

const FIXTURE = join(import.meta.dirname, "../shared/iac/terraform/fixtures/inputs");
const affects = async (values?: Values) =>
  Object.fromEntries((await loadPaths([FIXTURE], values)).inputs.map((i) => [i.name, i.affects]));

describe("a variable without a value", () => {
  it("affects the design when a rule's peer or an attached resource's count waits on it, not when only an instance's ami or key does", async () => {
    expect(await affects()).toEqual({ admin_cidr: true, web_count: true, ami_id: false, key_name: false });
  });

  it("once the values drawn things wait on are given, none left affects it", async () => {
    expect(await affects({ vars: { admin_cidr: "10.0.0.0/8", web_count: "2" } })).toEqual({
      ami_id: false,
      key_name: false,
    });
  });
});
