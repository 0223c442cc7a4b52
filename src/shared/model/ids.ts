// Ids of a design's parts (VPCs, resources, externals, groups, rules, prefix lists, intents): the
// one place that says what an id may hold and how a readable one is made from a name, for the
// editor, the importers and the rule synthesis alike.

/** AWS's own ids (sg-0abc, vpc-1), Terraform addresses (aws_instance.web) and logical ids all fit. */
export const ID_PATTERN = /^[A-Za-z0-9._:/@+-]+$/;
export const ID_CHARACTERS = "letters, digits and . _ : / @ + -";
export const ID_MAX = 256;
/** A stem stays well under ID_MAX so that a "-2" … "-99999" suffix still fits. */
const STEM_MAX = 200;
/** The stem of a name that has no usable character at all ("!!!", "  ", "日本"). */
export const ID_FALLBACK = "item";

export function isId(text: string): boolean {
  return text.length >= 1 && text.length <= ID_MAX && ID_PATTERN.test(text);
}

// Letters that Unicode does not decompose into a base letter and a mark.
const LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ł: "l",
  Ł: "L",
  þ: "th",
  Þ: "Th",
  ı: "i",
};
const CLEAN = /^[A-Za-z0-9._:/@+]+(?:-[A-Za-z0-9._:/@+]+)*$/;

/**
 * `base` made into an id: accents dropped ("ünïcode" -> "unicode"), every run of other characters
 * one "-", no "-" at either end, at most STEM_MAX characters; ID_FALLBACK when nothing is left.
 */
export function idStem(base: string): string {
  // Most names are clean already (a logical id, a Terraform address): a region has tens of thousands.
  if (base.length <= STEM_MAX && CLEAN.test(base)) return base;
  const stem = base
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[ßæÆœŒøØđĐłŁþÞı]/g, (c) => LETTERS[c] ?? c)
    .replace(/[^A-Za-z0-9._:/@+]+/g, "-")
    .slice(0, STEM_MAX)
    .replace(/^-+|-+$/g, "");
  return stem || ID_FALLBACK;
}

/** `idStem(base)`, numbered past any id in `taken` ("web server" -> "web-server-2"), and taken. */
export function freshId(base: string, taken: Set<string>): string {
  const stem = idStem(base);
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

type WithId = { readonly id: string };
/** The parts of a design that hold ids (the Design type, written out: schema.ts imports this file). */
interface IdHolders {
  vpcs: readonly WithId[];
  resources: readonly (WithId & { interfaces?: readonly WithId[] })[];
  externals: readonly WithId[];
  groups: readonly (WithId & { ingress: readonly WithId[]; egress: readonly WithId[] })[];
  prefixLists: readonly WithId[];
  intents: readonly WithId[];
}

/** Every id a design uses, its rules' included: a new part must take none of them. */
export function usedIds(design: IdHolders): Set<string> {
  const ids = new Set<string>();
  for (const list of [
    design.vpcs,
    design.resources,
    design.externals,
    design.groups,
    design.prefixLists,
    design.intents,
  ])
    for (const item of list) ids.add(item.id);
  // A resource's further interfaces have ids of their own (eni-…), unique across the design too.
  for (const r of design.resources) for (const eni of r.interfaces ?? []) ids.add(eni.id);
  // Two loops, not a spread of both lists: this runs on every new rule, over every group.
  for (const g of design.groups) {
    for (const r of g.ingress) ids.add(r.id);
    for (const r of g.egress) ids.add(r.id);
  }
  return ids;
}

/** Hands out fresh ids as an importer reads a file, unique among those it handed out before. */
export class Ids {
  private readonly used = new Set<string>();
  take(base: string): string {
    return freshId(base, this.used);
  }
}
