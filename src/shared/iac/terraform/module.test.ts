import { describe, expect, it } from "vitest";
import { importTerraform } from "./import";

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
});
