// The group level draws the picture the node level draws, and `palisade draw --level group`
// writes: ends laid out by tier, lines routed around the boxes (also after a group is dragged),
// labels clear of boxes, captions and each other, what the Internet reaches ringed.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { chooseFile, expect, test } from "./fixtures";
import { labelsOverlapping, linesThroughBoxes } from "./picture";
import { shoot } from "./shots";

async function openAtGroupLevel(page: Page, file: string, title: string) {
  await chooseFile(page, file, await readFile(`examples/${file}`, "utf8"));
  await expect(page.getByTestId("doc-title")).toContainText(title);
  await page.getByRole("button", { name: "Groups", exact: true }).click();
}

/** Each group-level line's path, and whether it is a route (straight segments with bends), not a curve. */
function groupLines(page: Page): Promise<{ id: string; routed: boolean; bends: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGGElement>('.react-flow__edge[data-id^="group:"]')].map((e) => {
      const d = e.querySelector("path.react-flow__edge-path")?.getAttribute("d") ?? "";
      const routed = /^M\s*[-\d.]+[ ,][-\d.]+(\s*L\s*[-\d.]+[ ,][-\d.]+)+$/.test(d.trim());
      return { id: e.dataset.id ?? "", routed, bends: (d.match(/L/g)?.length ?? 1) - 1 };
    }),
  );
}

/** The left edge of each node, by id (screen pixels). */
function lefts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll(".react-flow__node")].map((n) => [
        n.getAttribute("data-id") ?? "",
        Math.round(n.getBoundingClientRect().left),
      ]),
    ),
  );
}

test.beforeEach(async ({ app }) => {
  await app.setViewportSize({ width: 1440, height: 900 });
});

for (const [file, title] of [
  ["three-tier.palisade.json", "Three tiers"],
  ["http-server.palisade.json", "HTTP"],
] as const)
  test(`${file} at group level: routed lines, none under a box it does not connect, no label over another or a box`, async ({
    app: page,
  }) => {
    await openAtGroupLevel(page, file, title);
    await expect(page.locator(".react-flow__edge").first()).toBeVisible();
    await expect.poll(async () => (await groupLines(page)).every((l) => l.routed)).toBe(true);
    await expect.poll(() => linesThroughBoxes(page)).toEqual([]);
    await expect(page.locator(".edge-label--placed").first()).toBeVisible();
    await expect.poll(() => labelsOverlapping(page)).toEqual([]);
    await shoot(page, `group-view-${file.replace(".palisade.json", "")}`);
    // With the outbound-to-anywhere lines as well (more lines through the same room).
    await page.getByRole("button", { name: /Outbound-to-anywhere lines/ }).click();
    await expect.poll(async () => (await groupLines(page)).every((l) => l.routed)).toBe(true);
    await expect.poll(() => linesThroughBoxes(page)).toEqual([]);
    await expect.poll(() => labelsOverlapping(page)).toEqual([]);
    await shoot(page, `group-view-${file.replace(".palisade.json", "")}-outbound`);
  });

test("three tiers at group level: by tier left to right, the load balancer's group ringed, lines routed again when a group is dragged", async ({
  app: page,
}) => {
  await openAtGroupLevel(page, "three-tier.palisade.json", "Three tiers");
  const alb = page.getByTestId("group-node-sg-alb");
  await expect(alb).toContainText("Reached from the Internet");
  await expect(page.getByTestId("group-node-sg-db")).not.toContainText("Reached from the Internet");
  // Tiers as `palisade draw --level group` places them: the Internet, the load balancer, the app, the database.
  await expect
    .poll(async () => {
      const x = await lefts(page);
      return [x.internet ?? 0, x["sg-alb"] ?? 0, x["sg-app"] ?? 0, x["sg-db"] ?? 0].every((v, i, all) =>
        i === 0 ? true : v > (all[i - 1] as number),
      );
    })
    .toBe(true);
  // A line with bends: the router's, not a curve between handles.
  await expect.poll(async () => (await groupLines(page)).length).toBeGreaterThan(2);
  // The database's group dragged up across the app's row: the lines go around it, the labels clear of it.
  const db = await page.getByTestId("group-node-sg-db").boundingBox();
  const app = await page.getByTestId("group-node-sg-app").boundingBox();
  if (!db || !app) throw new Error("groups not drawn");
  await page.mouse.move(db.x + 30, db.y + 10);
  await page.mouse.down();
  await page.mouse.move(app.x + app.width + 40, app.y - 160, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await groupLines(page)).every((l) => l.routed)).toBe(true);
  await expect.poll(() => linesThroughBoxes(page)).toEqual([]);
  await expect.poll(() => labelsOverlapping(page)).toEqual([]);
  await shoot(page, "group-view-three-tier-moved");
});

test("the SVG export at group level is the group picture, each group where the canvas has it", async ({
  app: page,
}, testInfo) => {
  await openAtGroupLevel(page, "three-tier.palisade.json", "Three tiers");
  await expect(page.getByTestId("group-node-sg-db")).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export canvas as SVG" }).click();
  const path = testInfo.outputPath("groups.svg");
  await (await downloading).saveAs(path);
  const svg = await readFile(path, "utf8");
  expect(svg).toContain('<g data-node="sg-app"');
  expect(svg).toContain('data-from="sg-app" data-to="sg-db"');
  expect(svg).not.toContain('<g data-node="app-1"');
  // The groups' boxes in the SVG, against the canvas's (flow coordinates): the same places.
  const inSvg = Object.fromEntries(
    // A ringed node's ring comes before its box.
    [
      ...svg.matchAll(
        /<g data-node="([^"]+)"[^>]*>(?:\s*<rect class="ring"[^>]*\/>)?\s*<rect x="([-\d.]+)" y="([-\d.]+)"/g,
      ),
    ].map((m) => [m[1], { x: Number(m[2]), y: Number(m[3]) }]),
  );
  const onCanvas = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>(".react-flow__node")].map((n) => {
        const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(n.style.transform);
        return [n.dataset.id ?? "", { x: Number(m?.[1]), y: Number(m?.[2]) }];
      }),
    ),
  );
  const offset = (at: Record<string, { x: number; y: number }>, id: string) => ({
    x: (at[id]?.x ?? Number.NaN) - (at.internet?.x ?? 0),
    y: (at[id]?.y ?? Number.NaN) - (at.internet?.y ?? 0),
  });
  for (const id of ["office", "sg-alb", "sg-app", "sg-db"]) expect(offset(inSvg, id)).toEqual(offset(onCanvas, id));
});

test("an edit at group level does not reshuffle the groups, though the tiers it leaves would", async ({
  app: page,
}) => {
  await openAtGroupLevel(page, "three-tier.palisade.json", "Three tiers");
  await expect(page.getByTestId("group-node-sg-db")).toBeVisible();
  await expect.poll(async () => (await groupLines(page)).length).toBeGreaterThan(2);
  const before = await lefts(page);
  // The load balancer's only outbound rule (to the app) removed: the app is then reached first from
  // the office, one tier further left, but it stays where it is drawn.
  await page.getByTestId("group-node-sg-alb").click();
  const outbound = page.getByRole("region", { name: "Outbound rules" });
  await outbound
    .getByRole("button", { name: /^Remove rule/ })
    .first()
    .click();
  await expect(page.locator('.react-flow__edge[data-id="group:sg-alb->sg-app"]')).toHaveCount(0);
  expect(await lefts(page)).toEqual(before);
  await expect.poll(() => linesThroughBoxes(page)).toEqual([]);
  await expect.poll(() => labelsOverlapping(page)).toEqual([]);
});
