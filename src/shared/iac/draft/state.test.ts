import { describe, expect, it } from "vitest";
import { InputError } from "../../model/problems";
import { draftState, finishImport } from "./state";
import { error } from "./where";

describe("finishImport", () => {
  it("refuses the file with every error the reader found, in order", () => {
    const state = draftState();
    state.errors.push(error({ file: "a.tf", line: 3 }, "first"), error({ file: "a.tf", line: 9 }, "second"));
    try {
      finishImport(state, "d", "a.tf");
      expect.unreachable("finishImport accepted a draft with errors");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems.map((p) => p.message)).toEqual(["first", "second"]);
    }
  });

  it("keeps one VPC that the file names twice (a literal id and the resource declaring it)", () => {
    const state = draftState();
    const vpc = { id: state.ids.take("vpc-main"), name: "main", cidrIpv4: "10.0.0.0/16" };
    state.vpcs.set("aws_vpc.main", vpc);
    state.vpcs.set("vpc-0abc", vpc);
    state.groups.set("aws_security_group.web", {
      id: state.ids.take("sg-web"),
      name: "web",
      description: "",
      vpcId: vpc.id,
      ingress: [],
      egress: [],
    });
    const design = finishImport(state, "d");
    expect(design.name).toBe("d");
    expect(design.vpcs.map((v) => v.id)).toEqual([vpc.id]);
    expect(design.groups.map((g) => g.name)).toEqual(["web"]);
  });
});
