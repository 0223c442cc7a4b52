// Dialogs behave as modals do: focus goes in when one opens, Tab stays inside, Escape closes it
// wherever focus is, and focus returns to where it was.
import { expect, test } from "./fixtures";

test("Escape closes the Exercises dialog even when focus is outside it", async ({ app: page }) => {
  const opener = page.getByRole("button", { name: "Exercises" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Exercises" });
  await expect(dialog.getByRole("button", { name: /1\. HTTP\/HTTPS server/ })).toBeVisible();
  // As when the element that had focus went away: nothing inside the dialog has it.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});

test("Tab and Shift+Tab stay inside the shortcuts dialog, and focus returns when it closes", async ({ app: page }) => {
  const opener = page.getByRole("button", { name: "Keyboard shortcuts" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  const focusInside = () => dialog.evaluate((d) => d.contains(document.activeElement));
  expect(await focusInside()).toBe(true);
  for (let k = 0; k < 6; k++) {
    await page.keyboard.press("Tab");
    expect(await focusInside(), `after Tab ${k + 1}`).toBe(true);
  }
  for (let k = 0; k < 6; k++) {
    await page.keyboard.press("Shift+Tab");
    expect(await focusInside(), `after Shift+Tab ${k + 1}`).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});
