// The app's own scheme, palisade://app/, serving the built renderer from out/renderer. Electron's
// security checklist prefers a custom protocol to file://: the page gets a real origin for its
// CSP's 'self', and can read nothing on disk but the renderer's own files.
import { fileUnder } from "../server/static";

export const APP_SCHEME = "palisade";
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** The file under root that a request URL names, or undefined when it is not on our origin or would escape root. */
export function fileForUrl(root: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return undefined;
  return fileUnder(root, parsed.pathname);
}
