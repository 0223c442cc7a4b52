// Long work shows what it is doing and can be cancelled: a large Terraform import (the HCL
// parser alone takes seconds on it) is stopped from its bar, and the open design stays as it was.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateRegion } from "../bench/generate";
import { toTerraform } from "../src/shared/iac/terraform/export";
import { parseDesign } from "../src/shared/model";
import { chooseFile, expect, test } from "./fixtures";

test("a long import shows its progress and Cancel, and cancelling leaves the design as it was", async ({
  app: page,
}) => {
  await expect(page.getByTestId("node-web")).toBeVisible();
  const title = await page.getByTestId("doc-title").textContent();
  const region = generateRegion({ instances: 1500, groups: 400, rules: 8000 });
  const [main] = toTerraform(region, { layout: "single" });
  if (!main) throw new Error("no Terraform");
  const choose = (name: string, text: string) => chooseFile(page, name, text);
  await choose("region.tf", main.text);
  const busy = page.getByTestId("busy");
  await expect(busy).toBeVisible();
  await expect(busy).toContainText("Importing region.tf");
  await expect(busy.getByRole("progressbar", { name: "Importing region.tf" })).toBeVisible();
  await page.screenshot({ path: "test-results/busy-import.png" });
  await busy.getByRole("button", { name: "Cancel" }).click();
  await expect(busy).toBeHidden();
  await expect(page.getByText("Importing region.tf: cancelled; the design is unchanged")).toBeVisible();
  // Nothing arrives later: the design is still the one that was open.
  await page.waitForTimeout(500);
  await expect(page.getByTestId("doc-title")).toHaveText(title ?? "");
  await expect(page.getByTestId("node-web")).toBeVisible();
  // The next import runs (the host started a new worker for files).
  const example = parseDesign(readFileSync(join(import.meta.dirname, "../examples/three-tier.palisade.json"), "utf8"));
  const small = toTerraform(example, { layout: "single" })[0];
  await choose("small.tf", small?.text ?? "");
  await expect(page.getByText("Opened small.tf")).toBeVisible({ timeout: 20_000 });
});
