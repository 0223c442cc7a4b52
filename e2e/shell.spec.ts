// The shell around the renderer in the browser mode: the Node host serves the app, guards its
// API (token, Host, Origin, payload) and keeps the recovery file; the CSP stops injected script.
import { existsSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { HOST_TOKEN_HEADER } from "../src/shared/api";
import { expect, test } from "./fixtures";

test("the app opens on the HTTP/HTTPS server example", async ({ app }, testInfo) => {
  await expect(app.getByTestId("node-web")).toBeVisible();
  await expect(app.getByTestId("node-internet")).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath("app.png") });
});

test.describe("the API", () => {
  test("refuses a request without the token", async ({ callApi }) => {
    const answer = await callApi("examples:list", {}, { token: null });
    expect(answer.status).toBe(403);
    expect(answer.body.problems?.[0]?.message).toContain("token");
  });

  test("refuses a request with a wrong token", async ({ callApi, token }) => {
    const answer = await callApi("examples:list", {}, { token: `${token.slice(1)}x` });
    expect(answer.status).toBe(403);
  });

  test("answers the page's own request with its token", async ({ callApi }) => {
    const answer = await callApi("examples:list", {});
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(true);
  });

  // A browser will not let a page forge Host or Origin, so these come from outside it, as a
  // hostile page's DNS-rebound or cross-site request would arrive.
  for (const [what, change, word] of [
    ["a wrong Host (DNS rebinding)", { Host: "rebound.example" }, "Host"],
    ["a foreign Origin", { Origin: "http://evil.example" }, "Origin"],
  ] as const) {
    test(`refuses a request with ${what}`, async ({ token, baseURL }) => {
      const url = new URL(baseURL ?? "");
      const headers: Record<string, string> = {
        Host: url.host,
        Origin: url.origin,
        "Content-Type": "application/json",
        [HOST_TOKEN_HEADER]: token,
      };
      Object.assign(headers, change);
      const answer = await new Promise<{ status: number; body: string }>((done, fail) => {
        const req = httpRequest(
          { host: url.hostname, port: url.port, method: "POST", path: "/api/examples:list", headers },
          (res) => {
            let body = "";
            res.on("data", (c: Buffer) => {
              body += c.toString();
            });
            res.on("end", () => done({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on("error", fail);
        req.end("{}");
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toContain(word);
    });
  }

  test("answers a malformed payload with problems, not a crash", async ({ callApi }) => {
    const answer = await callApi("engine:evaluate", { design: { format: "palisade" }, query: { from: "" } });
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.problems?.[0]?.message).toMatch(/^bad engine:evaluate request: /);
    // The host is still there.
    expect((await callApi("examples:list", {})).body.ok).toBe(true);
  });
});

test("the CSP blocks an injected inline script and inline handler", async ({ app }) => {
  const outcome = await app.evaluate(
    () =>
      new Promise<{ ran: boolean; violations: string[] }>((resolve) => {
        const violations: string[] = [];
        const w = window as unknown as Record<string, unknown>;
        document.addEventListener("securitypolicyviolation", (e) => {
          violations.push(e.effectiveDirective);
          if (violations.length === 2) resolve({ ran: w.__injected === true || w.__handler === true, violations });
        });
        const script = document.createElement("script");
        script.textContent = "window.__injected = true";
        document.body.append(script);
        const img = document.createElement("img");
        img.setAttribute("onerror", "window.__handler = true");
        img.src = "data:,not-an-image";
        document.body.append(img);
      }),
  );
  expect(outcome.ran).toBe(false);
  expect(outcome.violations.every((d) => d.startsWith("script-src"))).toBe(true);
});

test("unsaved work is autosaved to the recovery file and offered back after a reload", async ({
  app,
  callApi,
  recoveryDir,
}) => {
  const file = join(recoveryDir, "recovery.palisade-recovery.json");
  const name = app.getByLabel("Design name");
  await name.fill("Autosaved design");
  await name.press("Enter");
  // The renderer autosaves shortly after an edit; the host writes the file atomically.
  await expect
    .poll(() => existsSync(file) && JSON.parse(readFileSync(file, "utf8")).design.name)
    .toBe("Autosaved design");

  // As after a crash: the page starts again and the host still has the file. It holds the
  // recovered design from the start: Restore adopts it, and the page never sends it back.
  const sentBack: string[] = [];
  app.on("request", (r) => {
    if (r.url().endsWith("/api/doc:open")) sentBack.push(r.postDataJSON()?.design?.name);
  });
  await app.reload();
  const banner = app.getByTestId("recovery");
  await expect(banner).toContainText("Autosaved design");
  await banner.getByRole("button", { name: "Restore" }).click();
  await expect(banner).toBeHidden();
  await expect(app.getByLabel("Design name")).toHaveValue("Autosaved design");
  await expect(app.getByTestId("node-web")).toBeVisible();
  expect(sentBack).not.toContain("Autosaved design");
  expect(sentBack).not.toContain("HTTP/HTTPS server");

  expect((await callApi("recovery:clear", {})).body.ok).toBe(true);
  expect(existsSync(file)).toBe(false);
});

test("the recovery API round-trips a design and its path", async ({ callApi }) => {
  const example = await callApi("examples:load", { name: "three-tier" });
  const design = (example.body.value as { design: { name: string } }).design;
  expect((await callApi("recovery:write", { design, path: "/work/three-tier.palisade.json" })).body.ok).toBe(true);
  const startup = await callApi("app:startup", {});
  expect(startup.body.value).toMatchObject({
    recovery: { design: { name: design.name }, path: "/work/three-tier.palisade.json" },
  });
  expect((await callApi("recovery:clear", {})).body.ok).toBe(true);
  expect((await callApi("recovery:read", {})).body).toEqual({ ok: true, value: null });
});
