// Issue 14 item 5: a question typed in everyday wording ("why can't …") is read by the grammar,
// answered, and the answer names the side whose rules drop the flow.
import { readFile } from "node:fs/promises";
import { chooseFile, expect, test } from "./fixtures";
import { shoot } from "./shots";

test("'why can't the internet reach db on 5432?' is answered with the side that drops it", async ({ app: page }) => {
  await chooseFile(page, "three-tier.palisade.json", await readFile("examples/three-tier.palisade.json", "utf8"));
  await expect(page.getByTestId("doc-title")).toContainText("Three tiers");
  await page.getByRole("tab", { name: /Ask/ }).click();
  const typed = page.getByRole("form", { name: "Type a question" });
  await typed.getByLabel("Question").fill("why can't the internet reach db on 5432?");
  await typed.getByRole("button", { name: "Ask this" }).click();

  const verdict = page.getByTestId("verdict");
  await expect(verdict).toContainText("Not permitted");
  // db's group admits 5432 only from the app tier: its inbound rules drop the Internet's packet,
  // while the Internet (not filtered) sends it.
  const dropping = verdict.locator(".side--blocked");
  await expect(dropping).toHaveCount(1);
  await expect(dropping).toContainText("Target's inbound rules");
  await expect(dropping).toContainText("drops");
  await expect(typed).toContainText("Understood: from Internet to db on tcp 5432");
  await expect(typed.locator(".ask__question-error")).toHaveCount(0);
  await shoot(page, "ask-why-cant");

  // An unknown word is named, not taken for a node.
  await typed.getByLabel("Question").fill("why can't the internet frobnicate db on 5432?");
  await typed.getByRole("button", { name: "Ask this" }).click();
  await expect(typed).toContainText('"frobnicate" is not a node, a port or a service here');
});
