// What a value that a plan knows only after apply is made of, from the plan's configuration
// section: each expression lists the objects it refers to (`aws_security_group.web.id`,
// `module.sg.security_group_id`, `var.x`), and the reading follows module outputs and module
// inputs to the resource instances they name. A local value, a data source read at apply or an
// expression in a dynamic block is not in the configuration section: the value then stays an
// unknown that names it (a placeholder where a group is expected), never a guess.
import { TfRef, Unknown, type UnknownRef } from "../eval/values";
import type { Recorded, RecordedInstance } from "./recorded";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** What an expression's references come to: resource attributes, and unknowns named by what they wait on. */
interface Sources {
  refs: TfRef[];
  unknowns: UnknownRef[];
}

const MODULE_STEP = /module\.([A-Za-z0-9_-]+)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?/g;
const RESOURCE_REF = /^([a-z0-9]+_[a-z0-9_]+)\.([A-Za-z0-9_-]+)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?(?:\.([A-Za-z0-9_-]+))?/;
const MODULE_REF = /^module\.([A-Za-z0-9_-]+)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?(?:\.([A-Za-z0-9_-]+))?/;
const NAMED_REF = /^(var|local)\.([A-Za-z0-9_-]+)/;
/** Types whose creation makes a security group id: a group, and a VPC's or a cluster's own group. */
const MINTS_GROUP = new Set([
  "aws_security_group",
  "aws_default_security_group",
  "aws_vpc",
  "aws_default_vpc",
  "aws_eks_cluster",
]);
const GROUP_TYPES = new Set(["aws_security_group", "aws_default_security_group"]);
/** The attributes that hold groups: security_group_id, vpc_security_group_ids, security_groups… */
const GROUP_VALUED = /security_group/;

const DATA_REF = /^data\.([a-z0-9_]+)\.([A-Za-z0-9_-]+)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?/;

/** Reads the configuration of a plan for the values its planned values leave unknown. */
export class PlanReferences {
  private readonly byModule = new Map<string, RecordedInstance[]>();
  /** Local values read as the one group their module creates ("module.sg.local.this_sg_id" -> it). */
  readonly deduced = new Map<string, TfRef>();

  constructor(private readonly recorded: Recorded) {
    for (const i of recorded.instances) {
      const list = this.byModule.get(i.module);
      if (list) list.push(i);
      else this.byModule.set(i.module, [i]);
    }
  }

  /** The configuration of a module instance (`module.a[0].module.b` is module_calls a, then b). */
  private configOf(module: string): Record<string, unknown> | undefined {
    let config: unknown = this.recorded.configuration;
    for (const m of module.matchAll(MODULE_STEP)) {
      const calls = isObject(config) ? config.module_calls : undefined;
      const call = isObject(calls) ? calls[m[1] as string] : undefined;
      config = isObject(call) ? call.module : undefined;
    }
    return isObject(config) ? config : undefined;
  }

  /** The configuration block of a resource instance: its `expressions`. */
  expressionsOf(instance: RecordedInstance): Record<string, unknown> | undefined {
    const config = this.configOf(instance.module);
    const local = instance.module ? instance.name.slice(instance.module.length + 1) : instance.name;
    const name = local.replace(/\[.*$/, "");
    const resources = Array.isArray(config?.resources) ? config.resources : [];
    const found = resources.find(
      (r) => isObject(r) && r.type === instance.type && r.name === name && (r.mode ?? "managed") === instance.mode,
    );
    return isObject(found) && isObject(found.expressions) ? found.expressions : undefined;
  }

  /**
   * The value of an expression of the configuration in a module instance: a constant, a
   * reference (a list of them for a list attribute, named in the plural), or an unknown.
   */
  value(expression: unknown, module: string, attribute: string): unknown {
    if (Array.isArray(expression)) return expression.map((block) => this.block(block, module));
    if (!isObject(expression)) return Unknown.failed(`${attribute} is known only after apply`);
    if ("constant_value" in expression) return expression.constant_value;
    if (!Array.isArray(expression.references)) return this.block(expression, module);
    const sources = this.sources(expression.references, module, 0, GROUP_VALUED.test(attribute));
    const list = attribute.endsWith("s");
    if (list) return [...sources.refs, ...sources.unknowns.map((u) => new Unknown([u]))];
    if (sources.refs.length === 1 && sources.unknowns.length === 0) return sources.refs[0];
    if (sources.refs.length === 0 && sources.unknowns.length > 0) return new Unknown(sources.unknowns);
    const names = expression.references.filter((r): r is string => typeof r === "string");
    return Unknown.failed(
      sources.refs.length > 1
        ? `is known only after apply, from one of ${sources.refs.join(", ")}`
        : `is known only after apply (computed from ${names.slice(0, 3).join(", ") || "values the plan does not show"})`,
    );
  }

  private block(block: unknown, module: string): unknown {
    if (!isObject(block)) return block;
    return Object.fromEntries(Object.entries(block).map(([k, e]) => [k, this.value(e, module, k)]));
  }

  private sources(references: readonly unknown[], module: string, depth: number, groupValued: boolean): Sources {
    const out: Sources = { refs: [], unknowns: [] };
    if (depth > 40) return out;
    const prefix = module ? `${module}.` : "";
    const add = (s: Sources) => {
      for (const r of s.refs) if (!out.refs.some((x) => String(x) === String(r))) out.refs.push(r);
      for (const u of s.unknowns) if (!out.unknowns.some((x) => x.name === u.name)) out.unknowns.push(u);
    };
    for (const ref of longestOf(references)) {
      const named = NAMED_REF.exec(ref);
      if (named?.[1] === "var") add(this.variable(named[2] as string, module, depth, groupValued));
      else if (named?.[1] === "local") {
        const name = `${prefix}local.${named[2]}`;
        const group = groupValued ? this.onlyGroupOf(module) : undefined;
        if (group) this.deduced.set(name, group);
        add(
          group
            ? { refs: [group], unknowns: [] }
            : { refs: [], unknowns: [{ name, why: "is a local value, which a plan does not record" }] },
        );
      } else if (ref.startsWith("data.")) {
        const m = DATA_REF.exec(ref);
        if (m)
          add({
            refs: [],
            unknowns: [{ name: `${prefix}data.${m[1]}.${m[2]}`, why: "is read from AWS when Terraform applies" }],
          });
      } else if (ref.startsWith("module.")) {
        const m = MODULE_REF.exec(ref);
        if (m) add(this.output(module, m[1] as string, m[2], m[3], depth, groupValued));
      } else {
        const m = RESOURCE_REF.exec(ref);
        if (m) add(this.resource(module, m[1] as string, m[2] as string, m[3], m[4] ?? "id"));
      }
      // count.index, each.key, path.module, self: not objects a value comes from.
    }
    return out;
  }

  /** A module input: the caller's expression for it, in the caller's module. */
  private variable(name: string, module: string, depth: number, groupValued: boolean): Sources {
    if (!module) return { refs: [], unknowns: [] };
    const steps = [...module.matchAll(MODULE_STEP)];
    const last = steps[steps.length - 1];
    if (!last) return { refs: [], unknowns: [] };
    const parent = module.slice(0, last.index).replace(/\.$/, "");
    const calls = this.configOf(parent)?.module_calls;
    const call = isObject(calls) ? calls[last[1] as string] : undefined;
    const expressions = isObject(call) && isObject(call.expressions) ? call.expressions : {};
    const given = expressions[name];
    if (isObject(given) && Array.isArray(given.references))
      return this.sources(given.references, parent, depth + 1, groupValued);
    return { refs: [], unknowns: [] };
  }

  /** `module.x.output`: the output's expression in each instance of module x the plan holds. */
  private output(
    module: string,
    call: string,
    key: string | undefined,
    output: string | undefined,
    depth: number,
    groupValued: boolean,
  ): Sources {
    const out: Sources = { refs: [], unknowns: [] };
    const prefix = module ? `${module}.` : "";
    const base = `${prefix}module.${call}`;
    const children = [...this.recorded.modules].filter((m) =>
      key ? m === `${base}${key}` : m === base || (m.startsWith(`${base}[`) && !m.slice(base.length).includes(".")),
    );
    if (!output) return out;
    for (const child of children) {
      const outputs = this.configOf(child)?.outputs;
      const o = isObject(outputs) ? outputs[output] : undefined;
      const expression = isObject(o) ? o.expression : undefined;
      if (isObject(expression) && Array.isArray(expression.references)) {
        const s = this.sources(expression.references, child, depth + 1, groupValued);
        out.refs.push(...s.refs);
        out.unknowns.push(...s.unknowns);
      }
    }
    return out;
  }

  /** The instances of a resource the plan holds (none when its count is 0). */
  private resource(module: string, type: string, name: string, key: string | undefined, attribute: string): Sources {
    const prefix = module ? `${module}.` : "";
    const instances = (this.byModule.get(module) ?? []).filter(
      (i) =>
        i.mode === "managed" &&
        i.type === type &&
        (key
          ? i.name === `${prefix}${name}${key}`
          : i.name === `${prefix}${name}` || i.name.startsWith(`${prefix}${name}[`)),
    );
    return { refs: instances.map((i) => new TfRef(type, i.name, attribute)), unknowns: [] };
  }

  /**
   * The group a local value of a module must name where a group is expected, when that can be
   * proved: a plan leaves the value unknown, so it comes from something made at apply; if the
   * module creates exactly one thing that makes a group id (a group, a VPC, a cluster), is given
   * nothing that could carry another group's id (only root variables, known in a plan, and ids of
   * other kinds of resource), and calls no module and reads no group, it is that group. This is
   * how terraform-aws-modules/security-group names its group (local.this_sg_id). Otherwise the
   * local stays an unknown with a placeholder.
   */
  private onlyGroupOf(module: string): TfRef | undefined {
    const prefix = module ? `${module}.` : "";
    if ([...this.recorded.modules].some((m) => m.startsWith(`${prefix}module.`))) return undefined;
    const config = this.configOf(module);
    const resources = Array.isArray(config?.resources) ? config.resources : [];
    if (
      resources.some((r) => isObject(r) && r.mode === "data" && typeof r.type === "string" && MINTS_GROUP.has(r.type))
    )
      return undefined;
    if (resources.some((r) => isObject(r) && r.mode === "data" && r.type === "aws_security_groups")) return undefined;
    if (module && !this.givenNoGroup(module)) return undefined;
    const makers = (this.byModule.get(module) ?? []).filter(
      (i) => i.mode === "managed" && MINTS_GROUP.has(i.type) && isObject(i.unknown) && i.unknown.id === true,
    );
    const only = makers.length === 1 ? makers[0] : undefined;
    return only && GROUP_TYPES.has(only.type) ? new TfRef(only.type, only.name, "id") : undefined;
  }

  /** Whether every input a module call gives could not carry a group id made at apply. */
  private givenNoGroup(module: string): boolean {
    const steps = [...module.matchAll(MODULE_STEP)];
    const last = steps[steps.length - 1];
    if (!last) return false;
    const parent = module.slice(0, last.index).replace(/\.$/, "");
    const calls = this.configOf(parent)?.module_calls;
    const call = isObject(calls) ? calls[last[1] as string] : undefined;
    const expressions = isObject(call) && isObject(call.expressions) ? call.expressions : {};
    for (const e of Object.values(expressions)) {
      const references = isObject(e) && Array.isArray(e.references) ? e.references : [];
      for (const r of longestOf(references)) {
        if (!parent && r.startsWith("var.")) continue;
        if (/^(count|each|path|terraform)\./.test(r)) continue;
        if (/^(module|data|local|var)\./.test(r)) return false;
        const m = RESOURCE_REF.exec(r);
        if (!m) return false;
        const type = m[1] as string;
        // A VPC's id is not a group's; its default_security_group_id is (a cluster's vpc_config too).
        if (GROUP_TYPES.has(type)) return false;
        if (MINTS_GROUP.has(type) && (m[4] === undefined || /security_group|vpc_config/.test(m[4]))) return false;
      }
    }
    return true;
  }
}

/**
 * Terraform lists a reference with each of its shorter forms (`x.web[0].id`, `x.web[0]`,
 * `x.web`): the longest of each object says the most.
 */
function longestOf(references: readonly unknown[]): string[] {
  return [...new Set(references.filter((r): r is string => typeof r === "string"))].filter(
    (r, _, all) => !all.some((o) => o !== r && (o.startsWith(`${r}.`) || o.startsWith(`${r}[`))),
  );
}
