// Saving a file in the browser mode: the browser's own download.

export function downloadText(name: string, text: string, type = "application/json"): void {
  downloadUrl(name, URL.createObjectURL(new Blob([text], { type })), true);
}

export function downloadUrl(name: string, url: string, revoke = false): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  if (revoke) setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Three tiers" -> "three-tiers.palisade.json" */
export function designFileName(name: string): string {
  const stem = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${stem || "design"}.palisade.json`;
}
