// Issue 14, item 1: New, Open and Import end a lesson (it would otherwise grade the new design
// against its own nodes), with a way back; and a node dropped on the lesson panel is not lost.
import { readFile } from "node:fs/promises";
import { chooseFile, expect, openLessonOne, test } from "./fixtures";
import { shoot } from "./shots";

test("New ends the lesson instead of grading the empty design, and offers the way back", async ({ app: page }) => {
  await openLessonOne(page);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "New design" }).click();
  await expect(page.getByTestId("doc-title")).toContainText("Untitled");
  await expect(page.getByTestId("lesson")).toHaveCount(0);
  // The old behaviour: the panel stayed and said '"web" is neither a node id of this design…'.
  await expect(page.getByText(/neither a node id/)).toHaveCount(0);
  const left = page.getByTestId("lesson-left");
  await expect(left).toContainText("Lesson 1");
  await shoot(page, "lesson-left");
  await left.getByRole("button", { name: "Back to lesson 1" }).click();
  await expect(page.getByTestId("lesson")).toContainText("Lesson 1");
  await expect(page.getByTestId("node-web")).toBeVisible();
  await expect(page.getByTestId("doc-title")).toContainText("Lesson 1");
  await expect(page.getByTestId("lesson-left")).toHaveCount(0);
});

test("Reset starts the lesson over from its starting design, read and held at the host, not sent back", async ({
  app: page,
}) => {
  const sentBack: string[] = [];
  const lessonsHeldAs: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/doc:open")) sentBack.push(r.postDataJSON()?.design?.name);
    if (r.url().endsWith("/api/exercises:open")) lessonsHeldAs.push(r.postDataJSON()?.open);
  });
  await openLessonOne(page);
  const start = await page.getByLabel("Design name").inputValue();
  expect(start).toContain("Lesson 1");
  await page.getByLabel("Design name").fill("Changed in the lesson");
  await page.getByLabel("Design name").press("Enter");
  await expect(page.getByTestId("doc-title")).toContainText("Changed in the lesson");
  await page.getByTestId("lesson").getByRole("button", { name: "Reset" }).click();
  await expect(page.getByLabel("Design name")).toHaveValue(start);
  await expect(page.getByTestId("lesson")).toContainText("Lesson 1");
  await expect(page.getByTestId("node-web")).toBeVisible();
  expect(sentBack).not.toContain(start);
  // The host read the lesson again and holds its start as a new document: the next edit goes there.
  expect(lessonsHeldAs).toHaveLength(2);
  const edited = page.waitForRequest((r) => r.url().endsWith("/api/doc:edit"));
  await page.getByLabel("Design name").fill("Edited after the reset");
  await page.getByLabel("Design name").press("Enter");
  expect((await edited).postDataJSON()).toMatchObject({ doc: lessonsHeldAs[1], base: 1 });
});

test("Open and Import end the lesson too", async ({ app: page }) => {
  await openLessonOne(page);
  const example = await readFile("examples/three-tier.palisade.json", "utf8");
  await chooseFile(page, "three-tier.palisade.json", example);
  await expect(page.getByTestId("node-db")).toBeVisible();
  await expect(page.getByTestId("lesson")).toHaveCount(0);
  await expect(page.getByTestId("lesson-left")).toBeVisible();

  await page.getByTestId("lesson-left").getByRole("button", { name: "Back to lesson 1" }).click();
  await expect(page.getByTestId("lesson")).toBeVisible();
  const tf = 'resource "aws_security_group" "edge" {\n  name = "edge"\n}\n';
  await chooseFile(page, "edge.tf", tf, async (p) => {
    await p.getByText("More", { exact: true }).click();
    await p.getByRole("menuitem", { name: "Import Terraform, CloudFormation or AWS CLI JSON…" }).click();
  });
  await expect(page.getByTestId("doc-title")).not.toContainText("Lesson 1");
  await expect(page.getByTestId("lesson")).toHaveCount(0);
  await expect(page.getByTestId("lesson-left")).toBeVisible();
});

test("a node dropped on the lesson panel lands on the visible canvas, and says so", async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLessonOne(page);
  const panel = page.getByTestId("lesson");
  await page.getByTestId("palette-database").dragTo(panel, { targetPosition: { x: 150, y: 200 } });
  const db = page.getByTestId("node-db");
  await expect(db).toBeVisible();
  const pane = (await page.locator(".react-flow").boundingBox())!;
  const box = (await db.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(pane.x);
  expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
  expect(box.y).toBeGreaterThanOrEqual(pane.y);
  expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
  await expect(page.getByTestId("notice")).toContainText("placed at its edge");
  await shoot(page, "lesson-drop");
});
