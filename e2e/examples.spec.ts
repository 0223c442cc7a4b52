// A newcomer opens the bundled examples from the More menu and asks the classic question.
import { expect, test } from "./fixtures";

test("opens the three-tier example from the More menu and explains why the Internet cannot reach the database", async ({
  app,
}, testInfo) => {
  // The host reads the example and holds it: the page never sends it back (doc:open).
  const sentBack: string[] = [];
  app.on("request", (r) => {
    if (r.url().endsWith("/api/doc:open")) sentBack.push(r.postDataJSON()?.design?.name);
  });
  await app.getByText("More", { exact: true }).click();
  await app.getByRole("menuitem", { name: "Example: three tiers" }).click();
  await expect(app.getByTestId("node-db")).toBeVisible();
  await expect(app.getByTestId("node-alb")).toBeVisible();
  await expect(app.getByTestId("doc-title")).toContainText("Three tiers");

  // Opened with parts off screen, the whole design is fitted into view: the database is drawn.
  await app.getByRole("tab", { name: /Ask/ }).click();
  const ask = app.getByRole("form", { name: "Ask whether a flow is permitted" });
  await ask.getByLabel("Source", { exact: true }).selectOption({ label: "Internet" });
  await ask.getByLabel("Target", { exact: true }).selectOption({ label: "db" });
  await ask.getByLabel("Port").fill("5432");
  await ask.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(app.getByTestId("verdict")).toContainText("Not permitted");
  await expect(app.getByTestId("verdict")).toContainText("members' private addresses");
  await expect(app.getByTestId("node-db")).toContainText("timeout");
  await app.screenshot({ path: testInfo.outputPath("three-tier.png") });

  await app.getByText("More", { exact: true }).click();
  await app.getByRole("menuitem", { name: "Example: HTTP/HTTPS server" }).click();
  await expect(app.getByTestId("node-web")).toBeVisible();
  await expect(app.getByTestId("node-db")).toHaveCount(0);
  expect(sentBack).toEqual([]);
});

test("the More menu closes when the user clicks elsewhere or presses Escape, and its items take the arrow keys", async ({
  app,
}) => {
  const more = app.locator("summary", { hasText: "More" });
  const firstItem = app.getByRole("menuitem", { name: "Save as…" });
  const lastItem = app.getByRole("menuitem", { name: "Example: three tiers" });

  // Another toolbar button: the menu does not stay open under the dialog it opens.
  await more.click();
  await expect(firstItem).toBeVisible();
  await app.getByRole("button", { name: "Exercises" }).click();
  await expect(firstItem).toBeHidden();
  await app.keyboard.press("Escape");

  // A click on the canvas.
  await more.click();
  await expect(firstItem).toBeVisible();
  await app.locator(".react-flow__pane").click({ position: { x: 20, y: 200 } });
  await expect(firstItem).toBeHidden();

  // The keyboard: open from the summary, arrows wrap, Escape closes and gives focus back.
  await more.focus();
  await app.keyboard.press("Enter");
  await expect(firstItem).toBeVisible();
  await app.keyboard.press("ArrowDown");
  await expect(firstItem).toBeFocused();
  await app.keyboard.press("ArrowUp");
  await expect(lastItem).toBeFocused();
  await app.keyboard.press("Escape");
  await expect(firstItem).toBeHidden();
  await expect(more).toBeFocused();
});
