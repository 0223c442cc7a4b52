// The Node host of the browser mode (and of the e2e tests): serves the built renderer and
// answers POST /api/<channel> with the same handlers Electron main uses. Bound to 127.0.0.1.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HOST_TOKEN_HEADER, HOST_TOKEN_META, type Reply } from "../../shared/api";
import { CONTENT_SECURITY_POLICY } from "../csp";
import { createHandlers, type Handlers } from "../handlers";
import type { HandlerOptions } from "../options";
import { contentType, fileUnder } from "../static";
import { apiProblem, hostProblem } from "./guard";

export interface HostOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  examplesDir: string;
  recoveryDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A fixed token for tests; by default a new random one per run. */
  token?: string;
  handlers?: Partial<HandlerOptions>;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  handlers: Handlers;
  close(): Promise<void>;
}

/** Larger than the 50 MB a file may hold in api.ts, so that the schema, not the socket, says why. */
const MAX_BODY = 60 * 1024 * 1024;

const SECURITY_HEADERS = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(32).toString("base64url");
  const handlers = createHandlers({
    examplesDir: options.examplesDir,
    recoveryDir: options.recoveryDir,
    // From source (tsx) the worker is the .ts file beside the handlers.
    engineWorker: new URL(`../engine-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url),
    // Every host run is a fresh start: it opens on the first example, as the app's first run does.
    startup: async () => {
      const reply = await handlers["examples:load"]({ name: "http-server" });
      return reply.ok ? { design: reply.value.design } : null;
    },
    ...options.handlers,
  });
  let port = 0;

  const server = createServer((request, response) => {
    void answer(request, response).catch((error: unknown) => {
      console.error(`palisade host: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", "internal error");
      else response.destroy();
    });
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    // Channel names are plain ASCII ("engine:flows"); the path is taken as it is, never decoded.
    if (url.pathname.startsWith("/api/")) return api(request, response, url.pathname.slice(5));
    const refused = hostProblem(port, request.headers.host);
    if (refused) return send(response, 403, "text/plain; charset=utf-8", refused);
    if (request.method !== "GET" && request.method !== "HEAD")
      return send(response, 405, "text/plain; charset=utf-8", "only GET");
    const file = fileUnder(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, "text/plain; charset=utf-8", "not found");
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(response, 404, "text/plain; charset=utf-8", "not found");
    }
    if (file.endsWith(".html")) {
      // The token goes in a meta tag: the CSP forbids inline script, and only this page may read it.
      const meta = `<meta name="${HOST_TOKEN_META}" content="${token}" />`;
      body = Buffer.from(body.toString("utf8").replace(/<head>/i, (head) => `${head}\n    ${meta}`));
      response.setHeader("Cache-Control", "no-store");
    }
    send(response, 200, contentType(file), request.method === "HEAD" ? "" : body);
  }

  async function api(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    const refused = apiProblem(port, token, {
      method: request.method ?? "",
      host: request.headers.host,
      origin: request.headers.origin,
      token: header(request, HOST_TOKEN_HEADER),
      contentType: request.headers["content-type"],
    });
    if (refused) {
      request.resume();
      return reply(response, 403, { ok: false, problems: [{ message: refused, severity: "error" }] });
    }
    const text = await readBody(request);
    if (text === undefined)
      return reply(response, 413, {
        ok: false,
        problems: [{ message: "the request is larger than 60 MB", severity: "error" }],
      });
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return reply(response, 400, {
        ok: false,
        problems: [{ message: "the request body is not JSON", severity: "error" }],
      });
    }
    const started = performance.now();
    const result = await handlers.dispatchWire(channel, payload);
    // The host's own share of the request, for the browser's resource timing (the UI bench reads it).
    response.setHeader("Server-Timing", `host;dur=${(performance.now() - started).toFixed(1)}`);
    if (result.ok && "json" in result) {
      // A large engine result: the worker's JSON bytes go out as they are, never parsed here, in
      // one write with its length rather than three chunks of a chunked answer.
      send(response, 200, "application/json; charset=utf-8", Buffer.concat([OK_PREFIX, result.json, OK_SUFFIX]));
      return;
    }
    reply(response, 200, result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    handlers,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await handlers.close();
    },
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

const OK_PREFIX = Buffer.from('{"ok":true,"value":');
const OK_SUFFIX = Buffer.from("}");

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": type });
  response.end(body);
}

function reply(response: ServerResponse, status: number, value: Reply<unknown>): void {
  send(response, status, "application/json; charset=utf-8", JSON.stringify(value));
}

/** The body as text, or undefined when it is larger than MAX_BODY. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        request.removeAllListeners("data");
        request.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
