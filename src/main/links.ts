// Links that may leave the app: only https, only to documentation hosts we trust. Everything else
// a page tries to open is refused (Electron's checklist: deny new windows, open links externally
// only by an allow-list).
const ALLOWED_HOSTS = new Set(["docs.aws.amazon.com", "aws.amazon.com", "github.com"]);

export function isAllowedExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === "https:" &&
    parsed.username === "" &&
    parsed.password === "" &&
    ALLOWED_HOSTS.has(parsed.hostname)
  );
}
