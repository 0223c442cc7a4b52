// A new user takes lesson 1 with the mouse: opens it from Exercises, tries an IPv4-only rule,
// asks for a hint, fixes it, finishes the steps, sees an unsafe working answer warned about,
// corrects it, and completes the lesson; the progress is remembered.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const shots = process.env.PW_SHOTS;

async function shoot(page: Page, name: string) {
  if (!shots) return;
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `${shots}/${name}-${theme}.png` });
  }
  await page.emulateMedia({ colorScheme: null });
}

async function addInbound(page: Page, preset: string, source: string, pick?: (form: Locator) => Promise<void>) {
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByRole("button", { name: "+ Inbound rule" }).click();
  const form = inspector.getByRole("form", { name: /Add inbound rule/ });
  await form.getByLabel("Type").selectOption({ label: preset });
  await form.getByLabel("Source", { exact: true }).selectOption({ label: source });
  if (pick) await pick(form);
  await form.getByRole("button", { name: "Add inbound rule" }).click();
}

test("a new user completes lesson 1, with one wrong attempt and its hint", async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  await page.evaluate(() => localStorage.clear());

  await page.getByRole("button", { name: "Exercises" }).click();
  const menu = page.getByRole("dialog", { name: "Exercises" });
  page.once("dialog", (d) => void d.accept());
  await menu.getByRole("button", { name: /1\. HTTP\/HTTPS server/ }).click();
  const lesson = page.getByTestId("lesson");
  await expect(lesson).toContainText("Lesson 1");
  await expect(page.getByTestId("doc-title")).toContainText("Lesson 1");
  await expect(page.getByTestId("step-http")).toHaveAttribute("data-done", "false");

  // The group is chosen from its chip on the web server.
  await page.getByTestId("node-web").getByRole("button", { name: "web", exact: true }).click();

  // Wrong attempt: HTTP from 0.0.0.0/0 alone. IPv6 visitors still time out.
  await addInbound(page, "HTTP (tcp 80)", "Internet (0.0.0.0/0)");
  const http = page.getByTestId("step-http");
  await expect(http).toContainText(/IPv6/);
  await expect(http).toHaveAttribute("data-done", "false");
  await http.getByRole("button", { name: "Hint" }).click();
  await expect(http.getByRole("list", { name: "Hints" })).toContainText("an IPv4 rule never matches IPv6 traffic");
  await shoot(page, "lesson-hint");

  await addInbound(page, "HTTP (tcp 80)", "Internet IPv6 (::/0)");
  await expect(http).toHaveAttribute("data-done", "true");
  await addInbound(page, "HTTPS (tcp 443)", "Internet (0.0.0.0/0)");
  await addInbound(page, "HTTPS (tcp 443)", "Internet IPv6 (::/0)");
  await expect(page.getByTestId("step-https")).toHaveAttribute("data-done", "true");

  // SSH from everywhere reaches web, but "SSH from my IP" means from my IP alone: the step is not
  // done, and the lesson says why the design is unsafe.
  await addInbound(page, "SSH (tcp 22)", "Internet (0.0.0.0/0)");
  await expect(page.getByTestId("step-ssh")).toContainText(/Permitted|permitted/);
  await expect(page.getByTestId("step-ssh")).toHaveAttribute("data-done", "false");
  await expect(page.getByTestId("lesson-complete")).toHaveCount(0);
  await expect(page.getByTestId("lesson-warning")).toContainText(/22/);
  await shoot(page, "lesson-unsafe");
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByRole("button", { name: /Remove rule tcp 22 from 0\.0\.0\.0\/0/ }).click();
  await expect(page.getByTestId("step-ssh")).toHaveAttribute("data-done", "false");
  await addInbound(page, "SSH (tcp 22)", "CIDR…", async (form) => {
    await form.getByLabel("Source CIDR").fill("203.0.113.10/32");
  });
  await expect(page.getByTestId("lesson-complete")).toBeVisible();
  await expect(page.getByTestId("lesson-warning")).toHaveCount(0);
  await shoot(page, "lesson-complete");

  // The list remembers it.
  await lesson.getByRole("button", { name: "All exercises" }).click();
  await expect(page.getByRole("dialog", { name: "Exercises" })).toContainText("completed");
  await page.keyboard.press("Escape");

  // Reset brings the starting design back.
  await lesson.getByRole("button", { name: "Reset" }).click();
  await expect(page.getByTestId("step-http")).toHaveAttribute("data-done", "false");
});
