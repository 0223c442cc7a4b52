// Terraform names (resource labels, variables): letters, digits, _ and -, not starting with a digit.
// Derived from the design's names so that the file reads like the drawing, unique per namespace.

export function tfName(text: string, fallback: string): string {
  const base = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 60);
  if (!base) return fallback;
  return /^[0-9]/.test(base) ? `${fallback}_${base}` : base;
}

/** Unique names within one namespace (a resource type, the variables): web, web_2, web_3. */
export class Names {
  private readonly used = new Set<string>();
  take(text: string, fallback: string): string {
    const base = tfName(text, fallback);
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}_${n}`;
    this.used.add(name);
    return name;
  }
}
