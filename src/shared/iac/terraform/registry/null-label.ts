// Palisade's model of cloudposse/label/null 0.25.x (github.com/cloudposse/terraform-null-label),
// which every Cloud Posse module calls as `module "this"` from its context.tf: its outputs decide
// whether the module makes anything at all (`count = module.this.enabled ? 1 : 0`) and name and
// tag what it makes. Written from the module's published main.tf, descriptors.tf, outputs.tf and
// variables.tf of 0.25.0: the inputs it is given win over the `context` map it is passed, except
// tags and attributes, which are merged; labels are stripped of what regex_replace_chars matches
// and lower-cased; the id joins the non-empty labels of label_order with the delimiter.
import { callFunction } from "../eval/functions";
import { EvaluationError, toBool, toList, toMap, toNumber, toText, Unknown, type Value } from "../eval/values";
import { lazily, need, type RegistryModel } from "./model";

/** variables.tf's `context` default: everything unset, enabled. */
const DEFAULT_CONTEXT: Record<string, Value> = {
  enabled: true,
  namespace: null,
  tenant: null,
  environment: null,
  stage: null,
  name: null,
  delimiter: null,
  attributes: [],
  tags: {},
  additional_tag_map: {},
  regex_replace_chars: null,
  label_order: [],
  id_length_limit: null,
  label_key_case: null,
  label_value_case: null,
  descriptor_formats: {},
  // A sentinel, not a label: the first module that sees it takes var.labels_as_tags.
  labels_as_tags: ["unset"],
};

/** variables.tf's defaults: null means "take the context's". */
const DEFAULT_INPUTS: Record<string, Value> = {
  context: DEFAULT_CONTEXT,
  attributes: [],
  labels_as_tags: ["default"],
  tags: {},
  additional_tag_map: {},
  descriptor_formats: {},
};

/** Inputs a given value overrides the context's of, when not null. */
const PICKED = [
  "enabled",
  "namespace",
  "tenant",
  "environment",
  "stage",
  "name",
  "delimiter",
  "label_order",
  "regex_replace_chars",
  "id_length_limit",
  "label_key_case",
  "label_value_case",
] as const;

const STRING_LABELS = ["namespace", "tenant", "environment", "stage", "name"] as const;
const DEFAULT_LABEL_ORDER = ["namespace", "environment", "stage", "name", "attributes"];
const DEFAULT_REGEX_REPLACE_CHARS = "/[^-a-zA-Z0-9]/";
/** keys(local.tags_context), sorted as Terraform's keys() gives them. */
const TAG_CONTEXT_KEYS = ["attributes", "environment", "name", "namespace", "stage", "tenant"];

const fn = (name: string, ...args: Value[]): Value => need(callFunction(name, args));
const isNull = (v: Value) => v === null || v === undefined;
const length = (v: Value) => [...toText(v)].length;

/** Outputs of one instance of the module, each computed when first read. */
function outputs(given: (name: string) => Value | undefined): (output: string) => Value | undefined {
  const cache = new Map<string, () => Value>();
  /** A value, computed once; it may be an Unknown (or hold one). */
  const value = (key: string, compute: () => Value): Value => {
    let read = cache.get(key);
    if (!read) {
      read = lazily(compute);
      cache.set(key, read);
    }
    return read();
  };
  const known = (key: string, compute: () => Value) => need(value(key, compute));

  const variable = (name: string): Value => {
    const v = given(name);
    return v === undefined ? (DEFAULT_INPUTS[name] ?? null) : v;
  };
  const context = () => toMap(known("context", () => toMap(need(variable("context")))));
  const fromContext = (name: string): Value => {
    const c = context();
    return Object.hasOwn(c, name) ? c[name] : null;
  };

  // local.input: what the `context` output passes on, nulls kept.
  const input = (name: string): Value =>
    value(`input.${name}`, () => {
      if ((PICKED as readonly string[]).includes(name)) {
        const v = need(variable(name));
        return isNull(v) ? need(fromContext(name)) : v;
      }
      switch (name) {
        case "attributes": {
          const list = [
            ...toList(need(fromContext("attributes")) ?? []),
            ...toList(need(variable("attributes")) ?? []),
          ];
          return fn("compact", fn("distinct", list));
        }
        case "tags":
        case "additional_tag_map":
          return fn("merge", need(fromContext(name)), need(variable(name)));
        case "descriptor_formats":
          return fn("merge", need(fromContext(name)) ?? {}, need(variable(name)));
        case "labels_as_tags": {
          // try(contains(var.context.labels_as_tags, "unset"), true): a context without it is unset too.
          const fromCtx = need(fromContext("labels_as_tags"));
          const unset = isNull(fromCtx) || toList(fromCtx).includes("unset");
          return unset ? variable("labels_as_tags") : fromCtx;
        }
      }
      throw new EvaluationError(`cloudposse/label/null has no input "${name}"`);
    });
  const use = (name: string) => need(input(name));

  const enabled = () =>
    known("enabled", () => {
      const v = use("enabled");
      return isNull(v) ? null : toBool(v);
    });
  const regexReplaceChars = () =>
    known("regex_replace_chars", () => {
      const v = use("regex_replace_chars");
      return isNull(v) || v === "" ? DEFAULT_REGEX_REPLACE_CHARS : toText(v);
    });
  const delimiter = () => known("delimiter", () => (isNull(use("delimiter")) ? "-" : toText(use("delimiter"))));
  const labelValueCase = () => known("label_value_case", () => use("label_value_case") ?? "lower");
  const labelKeyCase = () => known("label_key_case", () => use("label_key_case") ?? "title");
  const idLengthLimit = () =>
    toNumber(known("id_length_limit", () => (isNull(use("id_length_limit")) ? 0 : toNumber(use("id_length_limit")))));
  const labelOrder = (): Value[] =>
    toList(
      known("label_order", () => {
        const v = use("label_order");
        // coalescelist: an empty list falls back to the default order too.
        return isNull(v) || toList(v).length === 0 ? DEFAULT_LABEL_ORDER : toList(v);
      }),
    );
  const inCase = (text: string): string => {
    const c = labelValueCase();
    if (c === "none") return text;
    if (c === "title") return toText(fn("title", text.toLowerCase()));
    return c === "upper" ? text.toUpperCase() : text.toLowerCase();
  };
  const label = (name: string) =>
    known(`label.${name}`, () => {
      const v = use(name);
      return isNull(v) ? "" : inCase(toText(fn("replace", toText(v), regexReplaceChars(), "")));
    });
  const attributes = () =>
    known("attributes", () => {
      const normalized = toList(use("attributes")).map((v) => fn("replace", toText(v), regexReplaceChars(), ""));
      const once = toList(fn("compact", fn("distinct", normalized)));
      return fn(
        "compact",
        fn(
          "distinct",
          once.map((v) => inCase(toText(v))),
        ),
      );
    });
  const idContext = (name: string): string => {
    if ((STRING_LABELS as readonly string[]).includes(name)) return toText(label(name));
    if (name === "attributes") return toList(attributes()).map(toText).join(toText(delimiter()));
    throw new EvaluationError(`label_order names "${name}", which is not a label of cloudposse/label/null`);
  };
  const idFull = () =>
    known("id_full", () =>
      labelOrder()
        .map((l) => idContext(toText(l)))
        .filter((l) => length(l) > 0)
        .join(toText(delimiter())),
    );
  const id = () =>
    known("id", () => {
      const limit = idLengthLimit();
      if (limit === 0 || length(idFull()) <= limit) return idFull();
      // The module shortens the id with an md5 hash of it, which this model does not compute.
      return Unknown.of(
        "module.this.id",
        `is the id shortened to id_length_limit = ${limit} with a hash, which Palisade does not compute`,
      );
    });
  const labelsAsTags = (): Value[] =>
    toList(
      known("labels_as_tags", () => {
        const v = toList(use("labels_as_tags"));
        return v.includes("default") ? TAG_CONTEXT_KEYS : v;
      }),
    );
  const tagKey = (l: string) => {
    const c = labelKeyCase();
    return c === "upper" ? l.toUpperCase() : c === "lower" ? l.toLowerCase() : toText(fn("title", l.toLowerCase()));
  };
  const tagContext = (l: string): Value => (l === "name" ? id() : idContext(l));
  const tags = () =>
    known("tags", () => {
      const chosen = labelsAsTags().map(toText);
      const generated: Record<string, Value> = {};
      for (const l of TAG_CONTEXT_KEYS.filter((k) => chosen.includes(k)))
        if (length(tagContext(l)) > 0) generated[tagKey(l)] = tagContext(l);
      return fn("merge", generated, use("tags"));
    });
  const additionalTagMap = () => known("additional_tag_map", () => use("additional_tag_map"));
  const tagsAsListOfMaps = () =>
    known("tags_as_list_of_maps", () => {
      const t = toMap(tags());
      return Object.keys(t)
        .sort()
        .map((key) => fn("merge", { key, value: t[key] }, additionalTagMap()));
    });
  const descriptors = () =>
    known("descriptors", () => {
      const formats = toMap(use("descriptor_formats"));
      const out: Record<string, Value> = {};
      for (const [k, f] of Object.entries(formats)) {
        const spec = toMap(need(f));
        const labels = toList(need(spec.labels)).map((l) => idContext(toText(l)));
        out[k] = fn("format", need(spec.format), ...labels);
      }
      return out;
    });
  const normalizedContext = () => ({
    enabled: enabled(),
    namespace: label("namespace"),
    tenant: label("tenant"),
    environment: label("environment"),
    stage: label("stage"),
    name: label("name"),
    delimiter: delimiter(),
    attributes: attributes(),
    tags: tags(),
    additional_tag_map: additionalTagMap(),
    label_order: labelOrder(),
    regex_replace_chars: regexReplaceChars(),
    id_length_limit: idLengthLimit(),
    label_key_case: labelKeyCase(),
    label_value_case: labelValueCase(),
    labels_as_tags: labelsAsTags(),
    descriptor_formats: use("descriptor_formats"),
  });
  /** `local.enabled ? x : empty`, as outputs.tf guards most outputs. */
  const ifEnabled = (x: () => Value, empty: Value) => () => {
    const on = enabled();
    if (on === null) throw new EvaluationError("enabled is null, and the module's outputs need true or false");
    return on ? x() : empty;
  };

  const table: Record<string, () => Value> = {
    id: ifEnabled(id, ""),
    id_full: ifEnabled(idFull, ""),
    enabled,
    namespace: ifEnabled(() => label("namespace"), ""),
    tenant: ifEnabled(() => label("tenant"), ""),
    environment: ifEnabled(() => label("environment"), ""),
    name: ifEnabled(() => label("name"), ""),
    stage: ifEnabled(() => label("stage"), ""),
    delimiter: ifEnabled(delimiter, ""),
    attributes: ifEnabled(attributes, []),
    tags: ifEnabled(tags, {}),
    additional_tag_map: additionalTagMap,
    label_order: labelOrder,
    regex_replace_chars: regexReplaceChars,
    id_length_limit: idLengthLimit,
    tags_as_list_of_maps: tagsAsListOfMaps,
    descriptors,
    normalized_context: normalizedContext,
    context: () =>
      Object.fromEntries(
        [...PICKED, "attributes", "tags", "additional_tag_map", "descriptor_formats", "labels_as_tags"].map((n) => [
          n,
          input(n),
        ]),
      ),
  };
  return (output) => {
    const compute = table[output];
    return compute ? value(`output.${output}`, compute) : undefined;
  };
}

/** `0.25.0`, `= 0.25.1`, `~> 0.25.0`: constraints that stay within 0.25.x (`~> 0.25` does not). */
const WITHIN_0_25 = /^\s*(=\s*)?0\.25(\.\d+)?\s*$|^\s*~>\s*0\.25\.\d+\s*$/;

export const nullLabel: RegistryModel = {
  source: "cloudposse/label/null",
  versions: "0.25.x",
  // With no version, Terraform takes the newest, which is 0.25.0 as this model is written.
  covers: (version) => version === undefined || WITHIN_0_25.test(version),
  outputs,
};
