// The pieces a template is built from: intrinsic functions, logical ids and tag lists.

/** An intrinsic function in a template being built; JSON.stringify writes its long form. */
export class Intrinsic {
  constructor(
    readonly fn: "Ref" | "GetAtt" | "Sub" | "Select",
    readonly arg: string | [number, Intrinsic],
  ) {}
  toJSON(): unknown {
    if (this.fn === "Ref") return { Ref: this.arg };
    if (this.fn === "GetAtt")
      return {
        "Fn::GetAtt": String(this.arg)
          .split(/\.(.*)/s)
          .slice(0, 2),
      };
    return { [`Fn::${this.fn}`]: this.arg };
  }
}
export const ref = (id: string) => new Intrinsic("Ref", id);
export const getAtt = (id: string, attribute: string) => new Intrinsic("GetAtt", `${id}.${attribute}`);

/** CloudFormation logical ids: letters and digits only, unique in the template. */
export class LogicalIds {
  private readonly used = new Set<string>();
  take(text: string, suffix: string): string {
    const words = text
      .normalize("NFKD")
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean);
    let base = words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join("") + suffix;
    if (/^[0-9]/.test(base)) base = `R${base}`;
    base = base.slice(0, 200);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}${n}`;
    this.used.add(id);
    return id;
  }
}

export type Props = Record<string, unknown>;

export function tagList(
  tags: Record<string, string> | undefined,
  name?: string,
  extra: Record<string, string> = {},
): Props[] | undefined {
  const all: Record<string, string> = { ...(name !== undefined ? { Name: name } : {}), ...extra, ...(tags ?? {}) };
  const keys = Object.keys(all).sort((a, b) => (a === "Name" ? -1 : b === "Name" ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.length ? keys.map((k) => ({ Key: k, Value: all[k] })) : undefined;
}
