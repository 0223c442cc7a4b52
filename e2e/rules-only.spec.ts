// A module of rules only (no resource carries its groups, as terraform-aws-security-group's
// examples): the group view draws what each group's own rules open, one-sided, dash-dotted and
// labelled "rules only", routed clear of the boxes like every other line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { chooseFile, expect, test } from "./fixtures";
import { labelsOverlapping, linesThroughBoxes } from "./picture";
import { shoot } from "./shots";

const TF = readFileSync(join(import.meta.dirname, "inputs/rules-only.tf"), "utf8");

async function menu(page: Page, item: RegExp): Promise<void> {
  await page.getByText("More").click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** Each group-level line: its id and how it is dashed. */
function groupLines(page: Page): Promise<{ id: string; dash: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGGElement>('.react-flow__edge[data-id^="group:"]')].map((e) => ({
      id: e.dataset.id ?? "",
      dash: e.querySelector<SVGPathElement>("path.react-flow__edge-path")?.style.strokeDasharray ?? "",
    })),
  );
}

test("a module of rules only draws its groups' own rules at group level, dash-dotted and said rules only", async ({
  app: page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await chooseFile(page, "rules-only.tf", TF, (p) => menu(p, /^Import Terraform, CloudFormation/));
  await page.getByRole("button", { name: "Groups", exact: true }).click();
  // Read from the fixture: Internet and the office into web, web into app, app out to the office.
  await expect
    .poll(async () => (await groupLines(page)).map((l) => l.id).sort())
    .toEqual([
      "group:cidr-198.51.100.0/24->sg-web",
      "group:internet->sg-web",
      "group:sg-app->cidr-198.51.100.0/24",
      "group:sg-web->sg-app",
    ]);
  expect((await groupLines(page)).every((l) => l.dash.replace(/px/g, "").replace(/,\s*/g, " ") === "10 4 2 4")).toBe(
    true,
  );
  await expect(page.getByTestId("edge-group:sg-web->sg-app")).toHaveText("tcp 8080 · rules only");
  await expect.poll(() => linesThroughBoxes(page)).toEqual([]);
  await expect.poll(() => labelsOverlapping(page)).toEqual([]);
  await shoot(page, "group-view-rules-only");
  // The node level has nothing to draw: no member, no node pair.
  await page.getByRole("button", { name: "Nodes", exact: true }).click();
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);
});
