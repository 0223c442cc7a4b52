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

  /**
   * The text itself where it is a Terraform name no one has taken ("EFSMountTarget1" stays so),
   * else as take() makes it: for labels that are the only place a name can travel.
   */
  takeAsWritten(text: string, fallback: string): string {
    if (!LABEL.test(text) || this.used.has(text)) return this.take(text, fallback);
    this.used.add(text);
    return text;
  }
}

/** What Terraform takes as a block label or variable name, at the length names are cut to here. */
const LABEL = /^[A-Za-z_][A-Za-z0-9_-]{0,59}$/;
