import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOST_TOKEN_HEADER } from "../../shared/api";
import { type Host, startHost } from "./server";

let host: Host;
let origin: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "palisade-host-"));
  const rendererDir = join(dir, "renderer");
  await mkdir(join(rendererDir, "assets"), { recursive: true });
  await writeFile(
    join(rendererDir, "index.html"),
    "<!doctype html><html><head><title>t</title></head><body></body></html>",
  );
  await writeFile(join(rendererDir, "assets", "app.js"), "console.log(1)");
  await writeFile(join(dir, "secret.txt"), "secret");
  host = await startHost({
    rendererDir,
    examplesDir: resolve(import.meta.dirname, "../../../examples"),
    recoveryDir: join(dir, "recovery"),
  });
  origin = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that Host and Origin can be anything (fetch would not let us). */
function call(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: "127.0.0.1", port: host.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on("error", fail);
    req.end(body);
  });
}

const good = () => ({
  Host: `127.0.0.1:${host.port}`,
  Origin: origin,
  "Content-Type": "application/json",
  [HOST_TOKEN_HEADER]: host.token,
});

describe("the page", () => {
  it("is served with the token in a meta tag and a strict CSP header", async () => {
    const page = await call("GET", "/", { Host: `127.0.0.1:${host.port}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="palisade-token" content="${host.token}" />`);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.headers["content-security-policy"]).toContain("worker-src 'self'");
    expect(page.headers["x-frame-options"]).toBe("DENY");
  });

  it("refuses a Host that is not its own (DNS rebinding)", async () => {
    const page = await call("GET", "/", { Host: `attacker.example:${host.port}` });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain(host.token);
  });

  it("answers localhost as well as 127.0.0.1", async () => {
    expect((await call("GET", "/assets/app.js", { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it.each(["/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt", "/nope.js"])(
    "serves nothing outside the renderer (%s)",
    async (path) => {
      const answer = await call("GET", path, { Host: `127.0.0.1:${host.port}` });
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain("secret");
    },
  );
});

describe("the API", () => {
  const payload = JSON.stringify({ name: "http-server" });

  it("answers a request with the token from its own origin", async () => {
    const answer = await call("POST", "/api/examples:load", good(), payload);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { design: { name: "HTTP/HTTPS server" } } });
    // Its own share of the time, for the browser's resource timing (the UI bench splits an edit by it).
    expect(answer.headers["server-timing"]).toMatch(/^host;dur=\d+(\.\d)?$/);
  });

  it.each([
    ["no token", { [HOST_TOKEN_HEADER]: "" }, "token"],
    ["a wrong token", { [HOST_TOKEN_HEADER]: "x".repeat(43) }, "token"],
    ["a wrong Host", { Host: "evil.example" }, "Host"],
    ["a foreign Origin", { Origin: "http://evil.example" }, "Origin"],
    ["no Origin", { Origin: "" }, "Origin"],
    ["a form content type", { "Content-Type": "text/plain" }, "application/json"],
  ] as [string, Record<string, string>, string][])("refuses a request with %s", async (_, change, word) => {
    const headers: Record<string, string> = { ...good(), ...change };
    if (change.Host) headers.Host = `evil.example:${host.port}`;
    for (const [k, v] of Object.entries(headers)) if (v === "") delete headers[k];
    const answer = await call("POST", "/api/examples:load", headers, payload);
    expect(answer.status).toBe(403);
    const body = JSON.parse(answer.body) as { ok: boolean; problems: { message: string }[] };
    expect(body.ok).toBe(false);
    expect(body.problems[0]?.message).toContain(word);
  });

  it("refuses GET", async () => {
    expect((await call("GET", "/api/examples:list", good())).status).toBe(403);
  });

  it("answers a malformed payload with problems", async () => {
    const answer = await call("POST", "/api/examples:load", good(), JSON.stringify({ name: 5 }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringContaining("name") }],
    });
  });

  it("answers a body that is not JSON with 400", async () => {
    const answer = await call("POST", "/api/examples:load", good(), "{ nope");
    expect(answer.status).toBe(400);
  });

  it("answers a malformed channel name with a problem, not a crash", async () => {
    const answer = await call("POST", "/api/%E0%A4%A", good(), "{}");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).problems[0].message).toContain("no such channel");
  });

  it("answers an unknown channel with a problem", async () => {
    const answer = await call("POST", "/api/fs:read", good(), "{}");
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      problems: [{ message: 'no such channel "fs:read"', severity: "error" }],
    });
  });
});

describe("a large result", () => {
  it("goes out as the worker's JSON bytes, the same value the page would get inline", async () => {
    const dir = await mkdtemp(join(tmpdir(), "palisade-host-worker-"));
    const examplesDir = resolve(import.meta.dirname, "../../../examples");
    const pooled = await startHost({
      rendererDir: dir,
      examplesDir,
      recoveryDir: dir,
      handlers: { workerThreshold: 0 },
    });
    try {
      const design = JSON.parse(await readFile(join(examplesDir, "three-tier.palisade.json"), "utf8"));
      const headers = {
        Host: `127.0.0.1:${pooled.port}`,
        Origin: `http://127.0.0.1:${pooled.port}`,
        "Content-Type": "application/json",
        [HOST_TOKEN_HEADER]: pooled.token,
      };
      const answer = await new Promise<string>((done, fail) => {
        const req = httpRequest(
          { host: "127.0.0.1", port: pooled.port, method: "POST", path: "/api/engine:flows", headers },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => done(Buffer.concat(chunks).toString()));
          },
        );
        req.on("error", fail);
        req.end(JSON.stringify({ design }));
      });
      const inline = await host.handlers["engine:flows"]({ design });
      expect(JSON.parse(answer)).toEqual(JSON.parse(JSON.stringify(inline)));
      expect(inline.ok && inline.value.length > 0).toBe(true);
    } finally {
      await pooled.close();
    }
  });
});
