import { describe, expect, it } from "vitest";
import { validateDesign } from "../../shared/model";
import { sampleDesign } from "./testing";
import { addVpc } from "./vpcs";

describe("addVpc", () => {
  it("adds a VPC with a fresh id named for it, keeping the design valid", () => {
    const next = addVpc.perform(sampleDesign(), { name: " staging ", cidrIpv4: "10.1.0.0/16" });
    expect(next.vpcs.at(-1)).toEqual({ id: "vpc-staging", name: "staging", cidrIpv4: "10.1.0.0/16" });
    expect(() => validateDesign(next)).not.toThrow();
  });

  it("numbers the id past one already taken, and leaves out an empty block", () => {
    const once = addVpc.perform(sampleDesign(), { name: "1" });
    expect(once.vpcs.map((v) => v.id)).toEqual(["vpc-1", "vpc-1-2"]);
    expect(once.vpcs[1]).not.toHaveProperty("cidrIpv4");
  });

  it.each([
    [{ name: "  " }, /a VPC needs a name/],
    [{ name: "x", cidrIpv4: "10.0.0.300/16" }, /IPv4 CIDR 10\.0\.0\.300\/16: .*not an IPv4/],
    [{ name: "x", cidrIpv4: "2001:db8::/56" }, /IPv4 CIDR 2001:db8::\/56/],
  ])("refuses %j", (args, message) => {
    expect(() => addVpc.perform(sampleDesign(), args)).toThrow(message);
  });
});
