// Screenshots for a person to look at, taken when PW_SHOTS names a folder (never compared by tests).
import type { Page } from "@playwright/test";

export async function shoot(page: Page, name: string): Promise<void> {
  const folder = process.env.PW_SHOTS;
  if (!folder) return;
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  await page.screenshot({ path: `${folder}/${name}-${width}x${height}.png` });
}
