// Accessibility: axe-core over the main screen and each of its panels, in the real renderer. No
// serious or critical violation may ship; lesser ones are printed for the next person.
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";

async function audit(page: Page, testInfo: TestInfo, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const lines = result.violations.map(
    (v) => `${v.impact ?? "?"} ${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(" ") ?? ""}`,
  );
  if (lines.length > 0) await testInfo.attach(`axe ${where}`, { body: lines.join("\n"), contentType: "text/plain" });
  const blocking = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.impact} ${v.id}: ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `serious or critical accessibility violations on ${where}`,
  ).toEqual([]);
}

test("the main screen has no serious or critical accessibility violation", async ({ app: page }, testInfo) => {
  await expect(page.getByTestId("node-web")).toBeVisible();
  await audit(page, testInfo, "the main screen");
});

test("each bottom tab, and the inspector of a node, a group and an edge, too", async ({ app: page }, testInfo) => {
  await expect(page.getByTestId("node-web")).toBeVisible();
  for (const tab of ["Flows", "Findings", "Ask"]) {
    await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
    await audit(page, testInfo, `the ${tab} tab`);
  }
  await page.getByTestId("node-web").click();
  await audit(page, testInfo, "a node's inspector");
  await page.getByTestId("group-sg-web").click();
  await audit(page, testInfo, "a group's inspector");
  await page.getByRole("button", { name: /^Flow internet to web/ }).click();
  await audit(page, testInfo, "an edge's details");
  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await audit(page, testInfo, "the shortcuts overlay");
});
