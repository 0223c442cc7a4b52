// The Content-Security-Policy of the app's pages, sent as a header by Electron main and the Node
// host; src/renderer/index.html carries the same policy in a meta tag. Scripts come only from the
// app itself (no inline script, no eval), workers too, nothing loads from the network, and the
// page cannot be framed. Inline styles are allowed because the canvas positions nodes with them.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The layout worker (src/renderer/layout/layout.worker.ts), a script of the app's own origin.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Only for `npm run dev` (Vite's dev server, never a build): React's hot reload needs one inline
 * script and a websocket back to the server.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
).replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
