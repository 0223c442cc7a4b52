// What every e2e test starts from: a page opened on the app, with the app rendered, and a way
// to call the host's API as the page itself does (same origin, the page's token).
import { test as base, expect, type Page } from "@playwright/test";
import { HOST_TOKEN_HEADER, HOST_TOKEN_META } from "../src/shared/api";

export interface ApiAnswer {
  status: number;
  body: { ok: boolean; value?: unknown; problems?: { message: string }[] };
}

export interface AppFixtures {
  /** The app, loaded and rendered. */
  app: Page;
  /** The per-run token, as the served page carries it. */
  token: string;
  /** POST /api/<channel> from inside the page, with the page's token unless told otherwise. */
  callApi: (channel: string, payload: unknown, options?: { token?: string | null }) => Promise<ApiAnswer>;
  /** The recovery folder the host writes to. */
  recoveryDir: string;
}

export const test = base.extend<AppFixtures>({
  app: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto("/");
    await expect(page.locator("#root")).not.toBeEmpty();
    await use(page);
    expect(errors, "the page threw").toEqual([]);
  },
  token: async ({ app }, use) => {
    const token = await app.locator(`meta[name="${HOST_TOKEN_META}"]`).getAttribute("content");
    expect(token, "the host puts its token in the page").toBeTruthy();
    await use(token ?? "");
  },
  callApi: async ({ app, token }, use) => {
    await use(async (channel, payload, options = {}) => {
      const sent = options.token === undefined ? token : options.token;
      return app.evaluate(
        async ({ channel, payload, header, sent }) => {
          const headers: Record<string, string> = { "Content-Type": "application/json" };
          if (sent !== null) headers[header] = sent;
          const response = await fetch(`/api/${channel}`, { method: "POST", headers, body: JSON.stringify(payload) });
          return { status: response.status, body: await response.json() };
        },
        { channel, payload, header: HOST_TOKEN_HEADER, sent },
      );
    });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  recoveryDir: async ({}, use) => {
    const dir = process.env.PALISADE_E2E_RECOVERY_DIR;
    if (!dir) throw new Error("PALISADE_E2E_RECOVERY_DIR is not set: the global setup did not run");
    await use(dir);
  },
});

/**
 * Opens a file through the page's picker, as a person would: after "Open…" (or another control
 * that opens the picker), confirming away unsaved changes if asked.
 */
export async function chooseFile(
  page: Page,
  name: string,
  text: string,
  open: (page: Page) => Promise<void> = (p) => p.getByRole("button", { name: "Open…" }).click(),
): Promise<void> {
  page.once("dialog", (d) => void d.accept());
  const choosing = page.waitForEvent("filechooser");
  await open(page);
  await (await choosing).setFiles({ name, mimeType: "application/octet-stream", buffer: Buffer.from(text) });
}

export { expect };

/** Opens lesson 1 from Exercises on the example the app starts with, past a recovery banner. */
export async function openLessonOne(page: Page) {
  await expect(page.getByTestId("node-web")).toBeVisible();
  const banner = page.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
  await page.getByRole("button", { name: "Exercises" }).click();
  page.once("dialog", (d) => void d.accept());
  await page
    .getByRole("dialog", { name: "Exercises" })
    .getByRole("button", { name: /1\. HTTP\/HTTPS server/ })
    .click();
  await expect(page.getByTestId("lesson")).toContainText("Lesson 1");
}
