// Electron's security checklist, applied to the session and to every web contents the app makes:
// a strict CSP header, every permission denied, no navigation, no new windows, no webviews.
import { app, type Session, shell, type WebContents } from "electron";
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from "../server/csp";
import { isAllowedExternal } from "./links";

/** Writing plain text to the clipboard (copying a rule) is the one permission the page gets. */
const ALLOWED_PERMISSIONS = new Set(["clipboard-sanitized-write"]);

export function hardenSession(session: Session, dev: boolean): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        "Content-Security-Policy": [dev ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY],
        "X-Content-Type-Options": ["nosniff"],
      },
    });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

/**
 * For every web contents: the page may not navigate (it is one page; a dropped file would
 * otherwise replace it, and the renderer reads dropped files itself), open windows or embed a webview.
 */
export function guardWebContents(): void {
  app.on("web-contents-created", (_event, contents: WebContents) => {
    contents.on("will-navigate", (event) => event.preventDefault());
    contents.on("will-redirect", (event) => event.preventDefault());
    contents.on("will-attach-webview", (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) void shell.openExternal(url);
      return { action: "deny" };
    });
  });
}
