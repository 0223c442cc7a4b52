import { describe, expect, it } from "vitest";
import { importTerraform } from "./import";
import { MAX_COUNT } from "./module";

describe("Terraform count and for_each", () => {
  it("that refer to their own resource are a cycle with a warning, not a crash", () => {
    // Found by the importer's fuzz test: expanding the count evaluated the count again, forever.
    for (const meta of ["count", "for_each"]) {
      const hcl = {
        resource: { aws_security_group: { web: [{ [meta]: "${aws_security_group.web.id}", name: "web" }] } },
      };
      const result = importTerraform([{ name: "main.tf", text: "", hcl }]);
      const said = JSON.stringify(result);
      expect(said).toContain("refers to itself");
    }
  });

  it("past MAX_COUNT, or not a whole number, is a warning and the block is not expanded", () => {
    // Found by the fuzz test: count = 3825598743 filled the heap until the process died.
    for (const [count, said] of [
      [3825598743, `more than the ${MAX_COUNT} instances`],
      [1.5, "whole number"],
      [-1, "whole number"],
    ] as const) {
      const hcl = { resource: { aws_security_group: { web: [{ count, name: "web" }] } } };
      const result = importTerraform([{ name: "main.tf", text: "", hcl }]);
      expect(result.design.groups).toHaveLength(0);
      expect(JSON.stringify(result.warnings)).toContain(said);
    }
    const hcl = { resource: { aws_security_group: { web: [{ count: 3, name: "web" }] } } };
    expect(importTerraform([{ name: "main.tf", text: "", hcl }]).design.groups).toHaveLength(3);
  });
});
