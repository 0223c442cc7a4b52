// Who may talk to the host: every way a request from outside the served page could look, refused.

import { mkdtemp } from "node:fs/promises";
import { createConnection } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { apiProblem, type GuardRequest, hostProblem } from "./guard";
import { startHost } from "./server";

const PORT = 41234;
const TOKEN = "t".repeat(43);
const good: GuardRequest = {
  method: "POST",
  host: `127.0.0.1:${PORT}`,
  origin: `http://127.0.0.1:${PORT}`,
  token: TOKEN,
  contentType: "application/json",
};

describe("the API guard", () => {
  it("lets the page's own request pass, from 127.0.0.1 or localhost", () => {
    expect(apiProblem(PORT, TOKEN, good)).toBeUndefined();
    expect(
      apiProblem(PORT, TOKEN, { ...good, host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` }),
    ).toBeUndefined();
  });

  it.each<[string, Partial<GuardRequest>, RegExp]>([
    ["a rebound name (DNS rebinding)", { host: `evil.example:${PORT}` }, /Host header/],
    ["a name that only starts like ours", { host: `127.0.0.1.evil.example:${PORT}` }, /Host header/],
    ["another port", { host: `127.0.0.1:${PORT + 1}` }, /Host header/],
    ["no Host", { host: undefined }, /Host header/],
    ["another site's Origin", { origin: "https://evil.example" }, /Origin/],
    ["a null Origin (a sandboxed frame or a file: page)", { origin: "null" }, /Origin/],
    ["no Origin", { origin: undefined }, /Origin/],
    ["an Origin with another port", { origin: `http://127.0.0.1:${PORT + 1}` }, /Origin/],
    ["an https Origin", { origin: `https://127.0.0.1:${PORT}` }, /Origin/],
    ["a form's content type (no CORS preflight)", { contentType: "text/plain" }, /application\/json/],
    ["a multipart form", { contentType: "multipart/form-data; boundary=x" }, /application\/json/],
    ["no token", { token: undefined }, /token/],
    ["a wrong token", { token: "x".repeat(43) }, /token/],
    ["a token cut short", { token: TOKEN.slice(1) }, /token/],
    ["GET", { method: "GET" }, /POST/],
  ])("refuses %s", (_, change, reason) => {
    expect(apiProblem(PORT, TOKEN, { ...good, ...change })).toMatch(reason);
  });

  it("refuses the page itself under a Host that is not the loopback address", () => {
    expect(hostProblem(PORT, `palisade.example:${PORT}`)).toMatch(/Host header/);
    expect(hostProblem(PORT, `LOCALHOST:${PORT}`)).toBeUndefined();
  });
});

describe("the host's socket", () => {
  it("listens on the loopback address only: another address of this machine is refused", async () => {
    const dir = await mkdtemp(join(tmpdir(), "palisade-bind-"));
    const host = await startHost({
      rendererDir: dir,
      examplesDir: resolve(import.meta.dirname, "../../../examples"),
      recoveryDir: join(dir, "recovery"),
    });
    try {
      expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
      const outside = Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
      // A machine with no other address has nothing to reach it from; the URL check above stands.
      if (!outside) return;
      const outcome = await new Promise<string>((done) => {
        const socket = createConnection({ host: outside, port: host.port });
        socket.once("connect", () => {
          socket.destroy();
          done("connected");
        });
        socket.once("error", (e: NodeJS.ErrnoException) => done(e.code ?? "error"));
      });
      expect(outcome).toBe("ECONNREFUSED");
    } finally {
      await host.close();
    }
  });
});
