// CloudFormation's YAML: the intrinsic short tags (!Ref, !GetAtt, !Sub...) read as their long
// JSON forms, so the importer sees one shape whichever syntax the template used; and positions
// of every mapping key and sequence item, so a problem names its line.
import {
  CORE_SCHEMA,
  defineMappingTag,
  defineScalarTag,
  defineSequenceTag,
  EVENT_ID,
  getScalarValue,
  parseEvents,
  type Schema,
  type TagDefinition,
} from "js-yaml";
import { pathKey } from "../json-offsets";

/** Short tags and the long form each stands for. */
const FUNCTIONS = [
  "Base64",
  "Cidr",
  "FindInMap",
  "GetAZs",
  "GetAtt",
  "ImportValue",
  "Join",
  "Select",
  "Split",
  "Sub",
  "If",
  "Equals",
  "And",
  "Or",
  "Not",
] as const;

function longForm(name: string, value: unknown): Record<string, unknown> {
  if (name === "Ref" || name === "Condition") return { [name]: value };
  // !GetAtt Resource.Attribute is the scalar spelling of ["Resource", "Attribute"].
  if (name === "GetAtt" && typeof value === "string") {
    const dot = value.indexOf(".");
    return { "Fn::GetAtt": dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

function tagsFor(name: string): TagDefinition[] {
  const tag = `!${name}`;
  const never = () => false;
  return [
    defineScalarTag(tag, { resolve: (source) => longForm(name, source), identify: never }),
    defineSequenceTag<unknown[], Record<string, unknown>>(tag, {
      create: () => [],
      addItem: (items, item) => {
        items.push(item);
      },
      finalize: (items) => longForm(name, items),
      identify: never,
    }),
    defineMappingTag<Record<string, unknown>, Record<string, unknown>>(tag, {
      create: () => ({}),
      addPair: (map, key, value) => {
        map[String(key)] = value;
        return "";
      },
      has: (map, key) => Object.hasOwn(map, String(key)),
      keys: (map) => Object.keys(map),
      get: (map, key) => map[String(key)],
      finalize: (map) => longForm(name, map),
      identify: never,
    }),
  ];
}

/** The schema for reading templates: YAML 1.2 core plus every intrinsic short tag. */
export const CLOUDFORMATION_SCHEMA: Schema = CORE_SCHEMA.withTags(
  ...["Ref", "Condition", ...FUNCTIONS].flatMap(tagsFor),
);

export { pathKey } from "../json-offsets";

/**
 * The offset of every mapping key and sequence item, by path. Points at the key (as a person
 * reads "CidrIp: 10.0.0.300/24") rather than at the value.
 */
export function yamlOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  type Frame = { kind: "map" | "seq"; path: (string | number)[]; index: number; key?: string | undefined };
  const stack: Frame[] = [];
  const events = parseEvents(text, {});
  // Called when a node starts at `offset`; returns the node's own path.
  const enter = (offset: number): (string | number)[] | undefined => {
    const top = stack[stack.length - 1];
    if (!top) {
      offsets.set(pathKey([]), offset);
      return [];
    }
    if (top.kind === "seq") {
      const path = [...top.path, top.index++];
      offsets.set(pathKey(path), offset);
      return path;
    }
    if (top.key === undefined) return undefined; // this node is a key
    const path = [...top.path, top.key];
    top.key = undefined;
    return path;
  };
  for (const e of events) {
    if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
      const path = enter(e.tagStart >= 0 ? e.tagStart : e.start) ?? [];
      stack.push({ kind: e.type === EVENT_ID.MAPPING ? "map" : "seq", path, index: 0 });
    } else if (e.type === EVENT_ID.SCALAR) {
      const top = stack[stack.length - 1];
      const start = e.tagStart >= 0 ? e.tagStart : e.valueStart;
      if (top?.kind === "map" && top.key === undefined) {
        top.key = getScalarValue(text, e);
        offsets.set(pathKey([...top.path, top.key]), start);
      } else enter(start);
    } else if (e.type === EVENT_ID.ALIAS) {
      const top = stack[stack.length - 1];
      if (top?.kind === "map" && top.key === undefined) top.key = "*";
      else enter(e.anchorStart);
    } else if (e.type === EVENT_ID.POP) {
      stack.pop();
    }
  }
  return offsets;
}
