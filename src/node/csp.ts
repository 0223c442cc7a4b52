// The Content-Security-Policy of the app's pages, sent as a header by Electron main and the Node
// host; src/renderer/index.html carries the same policy in a meta tag. Scripts come only from the
// app itself (no inline script, no eval), nothing loads from the network, and the page cannot be
// framed. Inline styles are allowed because the canvas positions nodes with them.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");
