// A design whose node flows are too many to send or draw (a fleet of instances that admit each
// other: every ordered pair is a flow) opens at once at group level, says why, and stays editable.
import { generateFleet } from "../bench/ui-design";
import { serializeDesign } from "../src/shared/model";
import { chooseFile, expect, test } from "./fixtures";

test("a fleet of 500 that admits itself (250,000 node flows with the office) opens at group level and says why", async ({
  app: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId("node-web")).toBeVisible();
  await chooseFile(page, "fleet.palisade.json", serializeDesign(generateFleet(500)));
  await expect(page.getByTestId("doc-title")).toContainText("Fleet");
  await expect(page.getByTestId("group-node-sg-fleet")).toBeVisible();
  const toggle = page.getByTestId("level-toggle");
  await expect(toggle.getByRole("button", { name: "Nodes" })).toBeDisabled();
  // 500 × 499 among the fleet, and the office to each.
  await expect(toggle).toContainText("250,000 flows between nodes are too many to draw");
  await expect(page.getByRole("tab", { name: /Flows/ })).toContainText("250,000");
  await expect(page.getByTestId("flows-withheld")).toContainText("250,000 pairs of nodes may talk");
  await page.screenshot({ path: "test-results/dense-fleet.png" });
  // Still editable: the office's SSH rule goes, and the office's edge with it.
  await expect(page.locator('.react-flow__edge[data-id="group:office->sg-fleet"]')).toHaveCount(1);
  await page.getByTestId("group-node-sg-fleet").click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByRole("button", { name: /^Remove rule tcp 22 from 198.51.100.0\/24/ }).click();
  await expect(page.locator('.react-flow__edge[data-id="group:office->sg-fleet"]')).toHaveCount(0);
  await expect(page.getByRole("tab", { name: /Flows/ })).toContainText("249,500");
  // The matrix lists what a table can hold and says how many more pairs there are.
  await page.getByRole("tab", { name: "Matrix" }).click();
  await expect(page.getByTestId("matrix-omitted")).toContainText("more pairs reach each other than a table can hold");
});
