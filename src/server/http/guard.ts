// Who may talk to the Node host. It listens on 127.0.0.1 only, but any web page the user opens
// can send requests to localhost, and DNS rebinding can make a hostile name resolve there. So
// every request must name the host by its loopback address (Host header), API requests must come
// from the host's own origin (Origin header) and carry the per-run token that only the served
// index.html knows.
import { timingSafeEqual } from "node:crypto";

export interface GuardRequest {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  token: string | undefined;
  contentType: string | undefined;
}

/** The Host values that name this server: its loopback address and localhost, on its port. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Why a request must be refused, or undefined when it may pass. */
export function hostProblem(port: number, host: string | undefined): string | undefined {
  if (!host || !allowedHosts(port).has(host.toLowerCase()))
    return `refused: the Host header must be 127.0.0.1:${port} or localhost:${port}`;
  return undefined;
}

export function apiProblem(port: number, token: string, request: GuardRequest): string | undefined {
  const host = hostProblem(port, request.host);
  if (host) return host;
  if (request.method !== "POST") return "refused: API requests are POST";
  const origins = [...allowedHosts(port)].map((h) => `http://${h}`);
  if (!request.origin || !origins.includes(request.origin.toLowerCase()))
    return "refused: API requests must come from the page this host serves (Origin header)";
  // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
  if (!request.contentType?.toLowerCase().startsWith("application/json"))
    return "refused: API requests must be application/json";
  if (!request.token || !sameSecret(request.token, token)) return "refused: missing or wrong API token";
  return undefined;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
