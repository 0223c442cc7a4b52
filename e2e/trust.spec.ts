// Trust, as a person meets it: work survives the host being killed, a bad file never costs the
// open design or its undo history, and names full of markup are shown as text, never run.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "@playwright/test";
import { type HostProcess, startHostProcess } from "../src/server/http/child";
import { chooseFile, expect, test } from "./fixtures";

const root = resolve(import.meta.dirname, "..");

/** `npm run web`'s host as its own process, so that it can be killed as a crash would. */
function startHost(recoveryDir: string): Promise<HostProcess> {
  return startHostProcess({ PALISADE_RECOVERY_DIR: recoveryDir });
}

/** Chooses a file in the browser's picker, opened by a button's name or a shortcut ("Control+I"). */
function pickFile(page: Page, how: string, name: string, text: string): Promise<void> {
  return chooseFile(page, name, text, async (p) => {
    if (how.startsWith("Control+")) {
      await p.locator(".react-flow__pane").click();
      await p.keyboard.press(how);
    } else await p.getByRole("button", { name: how }).click();
  });
}

async function drop(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name));
      return dt;
    },
    { name, text },
  );
  page.once("dialog", (d) => void d.accept());
  await page.locator(".react-flow__pane").dispatchEvent("dragover", { dataTransfer: transfer });
  await page.locator(".react-flow__pane").dispatchEvent("drop", { dataTransfer: transfer });
}

test("unsaved edits survive the host being killed (SIGKILL) and are offered by the next host", async ({ page }) => {
  const recoveryDir = await mkdtemp(join(tmpdir(), "palisade-e2e-kill-"));
  const first = await startHost(recoveryDir);
  let second: HostProcess | undefined;
  try {
    await page.goto(first.url);
    // The example first: typed into the empty design's field while the example replaced it, the
    // text landed after the example's name.
    await expect(page.getByTestId("node-web")).toBeVisible();
    const name = page.getByLabel("Design name");
    await expect(name).toHaveValue("HTTP/HTTPS server");
    await name.fill("Edited before the crash");
    await name.press("Enter");
    const file = join(recoveryDir, "recovery.palisade-recovery.json");
    // The autosave waits 1.5 s after the edit, then the host's engine worker writes it: on a busy
    // machine a freshly started host (two workers loading TypeScript) takes a while.
    await expect
      .poll(() => existsSync(file) && JSON.parse(readFileSync(file, "utf8")).design.name, { timeout: 30_000 })
      .toBe("Edited before the crash");
    await first.stop("SIGKILL");

    second = await startHost(recoveryDir);
    await page.goto(second.url);
    const banner = page.getByTestId("recovery");
    await expect(banner).toContainText("Edited before the crash");
    await banner.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByLabel("Design name")).toHaveValue("Edited before the crash");
  } finally {
    await first.stop("SIGKILL");
    await second?.stop("SIGKILL");
    await rm(recoveryDir, { recursive: true, force: true });
  }
});

test.describe("a bad file leaves the open design and its undo history alone", () => {
  test.beforeEach(async ({ app }) => {
    await expect(app.getByTestId("node-web")).toBeVisible();
    await app.getByTestId("palette-database").click();
    await expect(app.locator(".react-flow__node")).toHaveCount(4);
  });

  const broken: [string, (page: Page) => Promise<void>, RegExp][] = [
    [
      "an import of broken Terraform",
      (page) => pickFile(page, "Control+I", "main.tf", 'resource "aws_security_group" {'),
      /main\.tf:1:\d+/,
    ],
    [
      "an import of a CloudFormation template with a code tag",
      (page) => pickFile(page, "Control+I", "stack.yaml", "Resources:\n  X: !!js/function 'function () {}'\n"),
      /stack\.yaml:2:\d+/,
    ],
    [
      "a dropped file nested too deep",
      (page) => drop(page, "deep.json", `${"[".repeat(5000)}${"]".repeat(5000)}`),
      /deep\.json:1:\d+: nested more than/,
    ],
    ["a dropped design that is not JSON", (page) => drop(page, "x.palisade.json", "{ nope"), /x\.palisade\.json:1:\d+/],
  ];
  for (const [what, act, message] of broken)
    test(`after ${what}`, async ({ app: page }) => {
      await act(page);
      const problems = page.getByTestId("problems");
      await expect(problems).toContainText("could not be opened");
      await expect(problems).toContainText(message);
      await problems.getByRole("button", { name: "Dismiss" }).click();
      await expect(page.getByTestId("doc-title")).toContainText("HTTP/HTTPS server");
      await expect(page.locator(".react-flow__node")).toHaveCount(4);
      await page.getByRole("button", { name: "Undo" }).click();
      await expect(page.locator(".react-flow__node")).toHaveCount(3);
    });
});

test("names full of markup are shown as text and never run", async ({ app: page }) => {
  const markup = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
  const design = JSON.parse(readFileSync(join(root, "examples/http-server.palisade.json"), "utf8"));
  design.name = `Design ${markup}`;
  design.resources[0].name = `web ${markup}`;
  design.groups[0].name = `sg ${markup}`;
  design.groups[0].ingress[0].description = `rule ${markup}`;
  await pickFile(page, "Open…", "markup.palisade.json", JSON.stringify(design));
  await expect(page.getByTestId("doc-title")).toContainText(`Design ${markup}`);
  await expect(page.getByTestId("node-web")).toContainText(`web ${markup}`);
  await expect(page.getByText(`sg ${markup}`).first()).toBeVisible();
  expect(await page.locator('img[src="x"], b:text("bold")').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
