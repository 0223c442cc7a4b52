// The editor's finer behaviour, as a person meets it: validation at the field, AWS's limits,
// broken files, keyboard editing, edge explanations, search, layout and image export.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { chooseFile, expect, test } from "./fixtures";
import { shoot } from "./shots";

const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

const openText = (page: Page, name: string, text: string) => chooseFile(page, name, text);

test.beforeEach(async ({ app }) => {
  await app.setViewportSize({ width: 1280, height: 720 });
  await expect(node(app, "web")).toBeVisible();
  // Earlier tests' autosaves are offered back at start; these tests start afresh.
  const banner = app.getByTestId("recovery");
  if (await banner.isVisible()) await banner.getByRole("button", { name: "Discard" }).click();
});

test("a bad CIDR, a port out of range and a reversed range are shown at the field and never added", async ({
  app: page,
}) => {
  await page.getByTestId("group-sg-web").click();
  await inspector(page).getByRole("button", { name: "+ Inbound rule" }).click();
  const form = inspector(page).getByRole("form", { name: /Add inbound rule/ });
  const add = form.getByRole("button", { name: "Add inbound rule" });
  const before = await inspector(page).locator(".rule-list li").count();

  await form.getByLabel("Source", { exact: true }).selectOption({ label: "CIDR…" });
  await form.getByLabel("Source CIDR").fill("10.0.0.256/8");
  await expect(form.getByRole("alert")).toBeVisible();
  await expect(add).toBeDisabled();
  await form.getByLabel("Source CIDR").fill("10.0.0.0/33");
  await expect(form.getByRole("alert")).toContainText("bad prefix length");
  await form.getByLabel("Source CIDR").fill("10.0.0.0/8");
  await expect(add).toBeEnabled();

  await form.getByLabel("Type").selectOption({ label: "Custom…" });
  await form.getByLabel("From port").fill("70000");
  await expect(form.getByRole("alert")).toContainText("outside 0-65535");
  await expect(add).toBeDisabled();
  await form.getByLabel("From port").fill("9000");
  await form.getByLabel("To port").fill("8000");
  await expect(form.getByRole("alert")).toContainText("reversed range 9000-8000");
  await expect(add).toBeDisabled();
  await expect(inspector(page).locator(".rule-list li")).toHaveCount(before);

  await form.getByLabel("To port").fill("9100");
  await add.click();
  await expect(inspector(page).locator(".rule-list li").first()).toBeVisible();
  await expect(inspector(page)).toContainText("tcp 9000-9100 from 10.0.0.0/8");
});

test("Escape leaves the rule form without adding anything", async ({ app: page }) => {
  await page.getByTestId("group-sg-web").click();
  const before = await inspector(page).locator(".rule-list li").count();
  await inspector(page).getByRole("button", { name: "+ Inbound rule" }).click();
  const form = inspector(page).getByRole("form", { name: /Add inbound rule/ });
  await form.getByLabel("Source", { exact: true }).selectOption({ label: "Another security group…" });
  // The only group is this one: the list says so rather than offering nothing to choose.
  await expect(form.getByLabel("Source group")).toContainText("the design has no other security group");
  await form.getByLabel("Description").fill("half typed");
  await form.getByLabel("Description").press("Escape");
  await expect(form).toHaveCount(0);
  // The keyboard goes on from the button that opened the form.
  await expect(inspector(page).getByRole("button", { name: "+ Inbound rule" })).toBeFocused();
  await expect(inspector(page).locator(".rule-list li")).toHaveCount(before);
});

test("a sixth security group on one interface is refused with a message", async ({ app: page }) => {
  for (let i = 0; i < 5; i++) await page.getByTestId("palette-new-group").click();
  const groups = page.locator(".palette__groups button");
  await expect(groups).toHaveCount(6);
  // web has its own group; four more fill it up to AWS's default of five.
  for (let i = 1; i <= 4; i++) await groups.nth(i).dragTo(node(page, "web"));
  await expect(node(page, "web").locator(".chip")).toHaveCount(5);
  await groups.nth(5).dragTo(node(page, "web"));
  await expect(page.getByTestId("notice")).toContainText("AWS's default limit per network interface");
  await expect(node(page, "web").locator(".chip")).toHaveCount(5);

  // Detaching from the chip frees a place.
  await node(page, "web")
    .getByRole("button", { name: /^Detach sg 2 from web$/ })
    .click();
  await expect(node(page, "web").locator(".chip")).toHaveCount(4);
});

test("a broken file shows its problems and leaves the design and its undo history alone", async ({ app: page }) => {
  await page.getByTestId("palette-database").click();
  await expect(page.locator(".react-flow__node")).toHaveCount(4);

  await openText(page, "broken.palisade.json", '{\n  "format": "palisade",\n  "version": 1,\n  "name": 5\n}\n');
  const problems = page.getByTestId("problems");
  await expect(problems).toContainText("broken.palisade.json could not be opened");
  await expect(problems).toContainText(/broken\.palisade\.json:4:3: name: .*string/i);
  await openText(page, "worse.palisade.json", '{ "format": "palisade", "version": 1, ');
  await expect(problems).toContainText(/worse\.palisade\.json:1:\d+: not valid JSON/);
  await problems.getByRole("button", { name: "Dismiss" }).click();
  await expect(problems).toHaveCount(0);

  await expect(page.getByTestId("doc-title")).toContainText("HTTP/HTTPS server");
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(3);
});

test("keyboard: delete, copy and paste, duplicate, undo, and the Help overlay", async ({ app: page }) => {
  const nodes = page.locator(".react-flow__node");
  await expect(nodes).toHaveCount(3);
  await node(page, "web").click();
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(nodes).toHaveCount(4);
  await expect(node(page, "web-2")).toContainText("web 2");
  await page.keyboard.press("Control+d");
  await expect(nodes).toHaveCount(5);
  await page.keyboard.press("Delete");
  await expect(nodes).toHaveCount(4);
  await page.keyboard.press("Control+z");
  await expect(nodes).toHaveCount(5);

  // Arrow keys move the focused selection; the move is an edit like any other.
  const wrapper = page.locator('.react-flow__node[data-id="web"]');
  const before = await wrapper.evaluate((e) => (e as HTMLElement).style.transform);
  await wrapper.focus();
  await page.keyboard.press("Enter");
  await expect(node(page, "web")).toHaveClass(/is-selected/);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => wrapper.evaluate((e) => (e as HTMLElement).style.transform)).not.toBe(before);
  await page.keyboard.press("Control+z");
  await expect.poll(() => wrapper.evaluate((e) => (e as HTMLElement).style.transform)).toBe(before);

  await node(page, "internet").click();
  // Its top-left corner: the copies pasted over it cover its middle.
  await node(page, "web").click({ modifiers: ["Control"], position: { x: 12, y: 12 } });
  await expect(inspector(page)).toContainText("2 selected");
  await page.keyboard.press("Backspace");
  await expect(node(page, "internet")).toHaveCount(0);
  await expect(node(page, "web")).toHaveCount(0);

  await page.keyboard.press("Shift+?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Duplicate");
  await expect(help).toContainText("Ctrl+D");
  await expect(help).toContainText("Undo");
  // Bound in the one command vocabulary, as the native menu shows them.
  await expect(help.getByRole("row", { name: /Keyboard shortcuts/ })).toContainText("F1");
  await expect(help.getByRole("row", { name: /Actual size/ })).toContainText("Ctrl+0");
  await shoot(page, "help-shortcuts");
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
});

test("an open dialog has the keyboard: Escape closes it wherever the focus is, Delete and undo leave the design behind it alone", async ({
  app: page,
}) => {
  const nodes = page.locator(".react-flow__node");
  await node(page, "web").click();
  await page.getByRole("button", { name: "Exercises" }).click();
  const exercises = page.getByRole("dialog", { name: "Exercises" });
  await expect(exercises.getByRole("button", { name: /HTTP\/HTTPS server/ })).toBeFocused();
  await page.keyboard.press("Delete");
  await page.keyboard.press("Control+z");
  await expect(nodes).toHaveCount(3);
  await expect(node(page, "web")).toHaveClass(/is-selected/);
  // A click on the dialog's text takes the focus off its buttons; Escape still closes it.
  await exercises.getByText("Each lesson opens its own starting design").click();
  await page.keyboard.press("Escape");
  await expect(exercises).toHaveCount(0);
  await expect(node(page, "web")).toHaveClass(/is-selected/);

  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await help.getByText("Drag a node kind from the palette").click();
  await page.keyboard.press("Backspace");
  await expect(nodes).toHaveCount(3);
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
  // With the dialogs closed, the same keys edit the design again.
  await page.keyboard.press("Delete");
  await expect(nodes).toHaveCount(2);
});

test("selecting an edge shows the rules on both sides that permit it", async ({ app: page }) => {
  await page.getByRole("tab", { name: /Flows/ }).click();
  await page.getByRole("row", { name: /Internet web tcp 80, 443/ }).click();
  const details = page.getByTestId("edge-details");
  await expect(details).toContainText("Internet → web");
  await expect(details).toContainText("Permitted");
  // Each service the edge carries is explained, 443 as well as 80, over both families.
  const rules = details.getByRole("table", { name: "The rules that permit each service" });
  await expect(
    rules.getByRole("row", { name: /^tcp 80 not filtered.*tcp 80 from 0\.0\.0\.0\/0.*tcp 80 from ::\/0/ }),
  ).toBeVisible();
  await expect(
    rules.getByRole("row", { name: /^tcp 443 not filtered.*tcp 443 from 0\.0\.0\.0\/0.*tcp 443 from ::\/0/ }),
  ).toBeVisible();
  await expect(details.getByRole("region", { name: "Why tcp 443 passes" })).toContainText("tcp 443 from ::/0");
  await expect(details.locator(".side")).toHaveCount(8);

  // Hovering another edge explains it too, without a click: SSH, HTTP and HTTPS from my IP.
  await page.getByTestId("edge-my-ip->web").hover();
  await expect(page.getByTestId("edge-my-ip->web")).toHaveClass(/is-active/);
  const card = page.getByTestId("edge-hover-card");
  await expect(card).toContainText("My IP → web");
  await expect(card).toContainText("tcp 22 from 203.0.113.10/32");
  await expect(card).toContainText("tcp 80 from 0.0.0.0/0");
  await expect(card).toContainText("tcp 443 from 0.0.0.0/0");
});

test("at 1280x720 the example is fitted clear of the minimap, and stays clear when a timeout grows a node", async ({
  app: page,
}) => {
  const minimap = await page.locator(".react-flow__minimap").boundingBox();
  if (!minimap) throw new Error("no minimap");
  const clear = async () => {
    for (const n of await page.locator(".react-flow__node").all()) {
      const b = await n.boundingBox();
      if (!b) continue;
      const overlaps =
        b.x < minimap.x + minimap.width &&
        minimap.x < b.x + b.width &&
        b.y < minimap.y + minimap.height &&
        minimap.y < b.y + b.height;
      expect(overlaps, `${await n.getAttribute("data-id")} lies under the minimap`).toBe(false);
    }
  };
  await clear();
  await page.getByRole("tab", { name: /Ask/ }).click();
  const ask = page.getByRole("form", { name: "Ask whether a flow is permitted" });
  await ask.getByLabel("Source", { exact: true }).selectOption({ label: "Internet" });
  await ask.getByLabel("Target", { exact: true }).selectOption({ label: "web" });
  await ask.getByLabel("Port").fill("22");
  await ask.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(node(page, "web")).toContainText("timeout: dropped here");
  await clear();
});

test("a design file dropped on the window opens", async ({ app: page }) => {
  const example = await readFile("examples/three-tier.palisade.json", "utf8");
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "three-tier.palisade.json", { type: "application/json" }));
    return dt;
  }, example);
  page.once("dialog", (d) => void d.accept());
  await page.locator(".react-flow__pane").dispatchEvent("dragover", { dataTransfer: transfer });
  await page.locator(".react-flow__pane").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.getByTestId("doc-title")).toContainText("Three tiers");
  await expect(page.getByTestId("node-db")).toBeVisible();
});

test("search by name selects the matching node", async ({ app: page }) => {
  await page.getByLabel("Search nodes by name").fill("my");
  await page.getByLabel("Search nodes by name").press("Enter");
  await expect(node(page, "my-ip")).toHaveClass(/is-selected/);
  await expect(inspector(page).getByLabel("Name", { exact: true })).toHaveValue("My IP");
});

test("a design without positions is laid out when it opens", async ({ app: page }) => {
  const example = JSON.parse(await readFile("examples/three-tier.palisade.json", "utf8"));
  for (const n of [...example.resources, ...example.externals]) n.position = { x: 0, y: 0 };
  await openText(page, "flat.palisade.json", JSON.stringify(example));
  await expect(page.getByTestId("doc-title")).toContainText("Three tiers");
  await expect
    .poll(async () => {
      const boxes = await page
        .locator(".react-flow__node")
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).style.transform));
      return new Set(boxes).size;
    })
    .toBe(example.resources.length + example.externals.length);
});

test("the canvas exports as PNG and SVG", async ({ app: page }, testInfo) => {
  for (const [button, type] of [
    ["PNG", "png"],
    ["SVG", "svg"],
  ] as const) {
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: `Export canvas as ${button}` }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`http-https-server.${type}`);
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    const bytes = await readFile(path);
    expect(bytes.length).toBeGreaterThan(1000);
    // The SVG comes from the same writer as `palisade draw`: nodes, flows and labels marked up.
    if (type === "svg") {
      const svg = bytes.toString("utf8");
      expect(svg).toContain('<g data-node="web"');
      expect(svg).toContain('data-from="internet" data-to="web"');
      expect(svg).toContain("<g data-label=");
    }
  }
});

test("ask about a literal address: SSH only from my IP, HTTPS from anywhere", async ({ app: page }) => {
  await page.getByRole("tab", { name: /Ask/ }).click();
  const ask = page.getByRole("form", { name: "Ask whether a flow is permitted" });
  await ask.getByLabel("Source", { exact: true }).selectOption({ label: "an address…" });
  await ask.getByLabel("Source address").fill("203.0.113.999");
  await expect(ask).toContainText("an address is an IPv4 or IPv6 address");
  await expect(ask.getByRole("button", { name: "Ask", exact: true })).toBeDisabled();
  await ask.getByLabel("Source address").fill("203.0.113.7");
  await ask.getByLabel("Target", { exact: true }).selectOption({ label: "web" });
  await ask.getByLabel("Port").fill("22");
  await ask.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(page.getByTestId("verdict")).toContainText("Not permitted");
  await expect(node(page, "web")).toContainText("timeout");
  await ask.getByLabel("Port").fill("443");
  await ask.getByRole("button", { name: "Ask", exact: true }).click();
  await expect(page.getByTestId("verdict")).toContainText("Permitted");
  await expect(node(page, "web")).not.toContainText("timeout");
});

test("a typed question is answered, and fills the pickers with what was understood", async ({ app: page }) => {
  await page.getByRole("tab", { name: /Ask/ }).click();
  const question = page.getByRole("form", { name: "Type a question" }).getByLabel("Question");
  await question.fill("can the internet reach web on ssh?");
  await question.press("Enter");
  await expect(page.getByTestId("verdict")).toContainText("Not permitted");
  await expect(node(page, "web")).toContainText("timeout");
  const ask = page.getByRole("form", { name: "Ask whether a flow is permitted" });
  await expect(ask.getByLabel("Source", { exact: true })).toHaveValue("internet");
  await expect(ask.getByLabel("Target", { exact: true })).toHaveValue("web");
  await expect(ask.getByLabel("Port")).toHaveValue("22");

  await question.fill("my ip -> web 22");
  await question.press("Enter");
  await expect(page.getByTestId("verdict")).toContainText("Permitted");
  await expect(page.getByTestId("verdict")).toContainText("SSH from my IP");

  await question.fill("can the moon reach web on 443");
  await question.press("Enter");
  await expect(page.getByRole("form", { name: "Type a question" })).toContainText(
    '"moon" is not a node, a port or a service here',
  );
});

test("Terraform imports through the Import command and is laid out", async ({ app: page }, testInfo) => {
  const tf = `
resource "aws_security_group" "web" {
  name   = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.web.id]
}
`;
  await chooseFile(page, "main.tf", tf, async (p) => {
    await p.getByText("More").click();
    await p.getByRole("menuitem", { name: /Import Terraform/ }).click();
  });
  await expect(page.getByTestId("problems")).toHaveCount(0);
  await expect(page.getByTestId("doc-title")).toContainText("main.tf");
  await expect(page.locator(".react-flow__node")).toHaveCount(2);
  await expect(page.locator(".react-flow__node", { hasText: "web" }).first()).toBeVisible();
  await expect(page.locator(".edge-label", { hasText: "tcp 443" }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("imported.png") });
});

test("the design exports to Terraform as a download, through the export dialog", async ({ app: page }) => {
  const downloading = page.waitForEvent("download", (d) => d.suggestedFilename() === "main.tf");
  await page.getByText("More").click();
  await page.getByRole("menuitem", { name: "Export Terraform" }).click();
  await page
    .getByRole("dialog", { name: /^Export/ })
    .getByRole("button", { name: /^Save/ })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.tf$/);
  const text = await readFile(await download.path(), "utf8");
  expect(text).toContain("aws_security_group");
});

test("a rule edited into two (DNS is udp and tcp 53) is one step to undo", async ({ app: page }) => {
  await page.getByTestId("group-sg-web").click();
  const rules = inspector(page).locator(".rule-list").first().locator("li");
  const before = await rules.allTextContents();
  await inspector(page)
    .getByRole("button", { name: /^Edit rule tcp 22 from My IP \(203\.0\.113\.10\/32\)/ })
    .click();
  const form = inspector(page).getByRole("form", { name: /Save rule/ });
  await form.getByLabel("Type").selectOption({ label: "DNS (udp and tcp 53)" });
  await form.getByRole("button", { name: "Save rule" }).click();
  await expect(rules).toHaveCount(before.length + 1);
  await expect(inspector(page)).toContainText("udp 53");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(rules).toHaveCount(before.length);
  expect(await rules.allTextContents()).toEqual(before);
});

test("Add VPC adds a VPC to the design as one step to undo, and refuses a bad block at the field", async ({
  app: page,
}) => {
  const panel = inspector(page);
  await expect(panel.getByLabel("Design name")).toBeVisible();
  const vpcs = panel.locator(".member-list li");
  const before = await vpcs.allTextContents();
  await panel.getByLabel("VPC name").fill("staging");
  await panel.getByLabel("IPv4 CIDR").fill("10.1.0.300/16");
  await expect(panel.getByRole("button", { name: "Add VPC" })).toBeDisabled();
  await panel.getByLabel("IPv4 CIDR").fill("10.1.0.0/16");
  await panel.getByRole("button", { name: "Add VPC" }).click();
  await expect(vpcs).toHaveCount(before.length + 1);
  await expect(vpcs.last()).toHaveText("staging 10.1.0.0/16");
  await expect(panel.getByLabel("VPC name")).toHaveValue("");
  await page.screenshot({ path: "test-results/add-vpc.png" });
  await page.getByRole("button", { name: "Undo" }).click();
  expect(await vpcs.allTextContents()).toEqual(before);
});
