// Mapping a URL path to a file of the built renderer, for Electron's app protocol and the Node
// host alike: only files under the root, whatever the path says.
import { extname, relative, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** The file under root that a URL path names ("/" is index.html), or undefined when it would leave root. */
export function fileUnder(root: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.includes("\0") || path.includes("\\")) return undefined;
  if (path === "/" || path === "") path = "/index.html";
  if (!path.startsWith("/")) return undefined;
  const file = resolve(root, `.${path}`);
  const rel = relative(root, file);
  if (rel === "" || rel.startsWith("..") || rel.split(sep).includes("..")) return undefined;
  return file;
}
