// A Terraform module as Terraform evaluates it before apply: its variables (given, or their
// defaults), locals, resources expanded by count and for_each, and the local modules it calls
// with their inputs and outputs. What only exists after apply (data sources, registry modules,
// a variable nobody gave) is an Unknown that names it. The mapping to the design is elsewhere
// (import.ts and the readers it calls): this file knows no resource type.
import type { Problem } from "../../model/problems";
import { type Where, warning } from "../draft";
import { placeholderOfInput } from "../placeholder";
import { materialize, rawValue } from "./body";
import type { Body } from "./context";
import { bind, type EvalScope, evaluateText } from "./eval/evaluate";
import { EvaluationError, isMap, Namespace, sortedKeys, TfRef, toNumber, Unknown, type Value } from "./eval/values";
import { Locator, type SourceLocator } from "./locate";
import { JsonLocator } from "./locate-json";
import { isLocalSource, joinModulePath } from "./paths";
import { type RegistryModel, registryModel } from "./registry";
import { undeclared } from "./undeclared";

export interface ParsedFile {
  name: string;
  text: string;
  /** hcl2json's output for the file (or the JSON of a .tf.json file). */
  hcl: unknown;
}

/** One resource instance, its body evaluated: what the readers of resource types take. */
export interface Instance {
  type: string;
  /** Address without the type: `web`, `web[0]`, `module.sg.this["a"]`. */
  name: string;
  body: Body;
  locator: SourceLocator;
  /** The block's key for the locator: "resource.type.name". */
  key: string;
}

/** A root variable that has no value: what the import asks the user for. */
export interface MissingVariable {
  kind: "variable";
  name: string;
  description?: string;
  type?: string;
  file: string;
  line?: number;
  /** Whether something the import read waits on it (a group, rule, attachment, count, name): see Module.missing. */
  affects: boolean;
}

interface Block {
  name: string;
  body: Body;
  locator: SourceLocator;
  key: string;
  order: [number, number];
}

/** A module call's instances (local modules) and the value `module.name` stands for. */
interface Child {
  modules: Module[];
  value: Value;
  /** Set when the module is a registry module whose outputs Palisade models (registry/). */
  model?: RegistryModel;
}

interface Keyed {
  key: number | string | undefined;
  names: Record<string, Value>;
}

export interface ModuleEnvironment {
  /** Parsed files of the local modules called, by folder (joinModulePath). */
  modules: ReadonlyMap<string, readonly ParsedFile[]>;
  warnings: Problem[];
  /** The names of the unknowns something drawn waits on (see terraform/context.ts Context.reached). */
  reached: Set<string>;
  rootDir: string;
}

const isBody = (v: unknown): v is Body => typeof v === "object" && v !== null && !Array.isArray(v);
const bodies = (v: unknown): Body[] => (Array.isArray(v) ? v.filter(isBody) : isBody(v) ? [v] : []);
const IDENTITY = /^(id|arn|name|name_prefix)$|_(id|arn|name)$/;
/** The most instances one count expands to (AWS quotas keep real designs far below it). */
export const MAX_COUNT = 10_000;

const MODULE_META = new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);

function suffix(key: number | string | undefined): string {
  return key === undefined ? "" : typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** The text of a variable's type constraint, `list(string)`, from hcl2json's `${list(string)}`. */
function typeText(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  return raw.replace(/^\$\{([\s\S]*)\}$/, "$1").trim();
}

/**
 * A value given as text (--var name=value) for a variable of a type other than string: read as
 * an expression, as Terraform does (`--var 'ports=[22,443]'`).
 */
export function convertGiven(value: Value, type: string | undefined): Value {
  if (typeof value !== "string" || type === undefined || type === "string" || type === "any") return value;
  if (type === "number") return Number.isNaN(Number(value)) ? value : Number(value);
  if (type === "bool") return value === "true" ? true : value === "false" ? false : value;
  const parsed = evaluateText(`\${${value}}`, { root: () => undefined });
  return parsed instanceof Unknown ? value : parsed;
}

/**
 * A value given as text for a variable no file declares, so of no known type: a literal
 * (true, false, null, a number, a list or a map) is read as one, anything else stays text.
 */
function convertUndeclared(value: Value): Value {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (!/^(true|false|null|-?\d+(\.\d+)?|\[[\s\S]*\]|\{[\s\S]*\})$/.test(text)) return value;
  const parsed = evaluateText(`\${${text}}`, { root: () => undefined });
  return parsed instanceof Unknown ? value : parsed;
}

/** The locals a module's files refer to but do not declare, by the files' list (see the constructor). */
const undeclaredLocalsOf = new WeakMap<readonly ParsedFile[], ReadonlyMap<string, Where>>();

export class Module {
  private readonly variables = new Map<string, Block>();
  private readonly locals = new Map<string, { raw: unknown }>();
  private readonly resources = new Map<string, Block & { type: string }>();
  private readonly types = new Set<string>();
  private readonly calls = new Map<string, Block>();
  private readonly outputs = new Map<string, Block>();
  private readonly memo = new Map<string, Value>();
  private readonly busy = new Set<string>();
  private readonly instanceMemo = new Map<string, Keyed[] | Unknown>();
  private readonly childMemo = new Map<string, Child | Unknown>();
  private readonly prefix: string;
  /** Root only: variables the files refer to but none declares, at their first use. */
  private readonly undeclared: ReadonlyMap<string, Where>;
  /** Root only: locals the files refer to but no locals block here declares, at their first use. */
  private readonly undeclaredLocals: ReadonlyMap<string, Where>;
  /** Called modules only: the same, a fault of the module's code (its folder is read whole). */
  private readonly moduleLocals: ReadonlyMap<string, Where>;

  constructor(
    readonly env: ModuleEnvironment,
    /** "" for the root, else `module.a` or `module.a[0].module.b`. */
    readonly address: string,
    readonly dir: string,
    files: readonly ParsedFile[],
    /** A value given for a variable (by the caller, --var or .tfvars), or undefined. */
    private readonly given: (name: string) => Value | undefined,
  ) {
    this.prefix = address ? `${address}.` : "";
    for (const [fileIndex, file] of files.entries()) this.declare(file, fileIndex);
    // In a called module an undeclared variable is a fault of its code, not an input to ask for.
    this.undeclared = address ? new Map() : undeclared(files, "var", (n) => this.variables.has(n));
    // Every instance of a module call reads the same files: they are searched once.
    let locals = undeclaredLocalsOf.get(files);
    if (!locals) {
      locals = undeclared(files, "local", (n) => this.locals.has(n));
      undeclaredLocalsOf.set(files, locals);
    }
    this.undeclaredLocals = address ? new Map() : locals;
    this.moduleLocals = address ? locals : new Map();
  }

  private declare(file: ParsedFile, fileIndex: number): void {
    if (!isBody(file.hcl)) return;
    const hcl = file.hcl;
    const locator: SourceLocator = /\.tf\.json$/i.test(file.name)
      ? new JsonLocator(file.name, file.text)
      : new Locator(file.name, file.text);
    const block = (key: string, name: string, body: Body): Block => ({
      name,
      body,
      locator,
      key,
      order: [fileIndex, locator.offset(key)],
    });
    for (const [name, list] of Object.entries(isBody(hcl.variable) ? hcl.variable : {}))
      this.variables.set(name, block(`variable.${name}`, name, bodies(list)[0] ?? {}));
    for (const locals of bodies(hcl.locals))
      for (const [k, v] of Object.entries(locals)) this.locals.set(k, { raw: v });
    for (const [name, list] of Object.entries(isBody(hcl.module) ? hcl.module : {}))
      this.calls.set(name, block(`module.${name}`, name, bodies(list)[0] ?? {}));
    for (const [name, list] of Object.entries(isBody(hcl.output) ? hcl.output : {}))
      this.outputs.set(name, block(`output.${name}`, name, bodies(list)[0] ?? {}));
    for (const [type, byName] of Object.entries(isBody(hcl.resource) ? hcl.resource : {})) {
      if (!isBody(byName)) continue;
      this.types.add(type);
      for (const [name, list] of Object.entries(byName)) {
        const body = bodies(list)[0];
        if (body) this.resources.set(`${type}.${name}`, { ...block(`resource.${type}.${name}`, name, body), type });
      }
    }
  }

  /** The scope expressions of this module see, with count/each/iterators bound on top. */
  scope(names: Record<string, Value> = {}): EvalScope {
    return bind({ root: (name) => this.root(name) }, names);
  }

  private root(name: string): Value | undefined {
    switch (name) {
      case "var":
        // `default = null` is a value: only undefined (no block) is an undeclared variable.
        return new Namespace(`${this.prefix}var`, (n) => {
          const declared = this.variable(n);
          return declared !== undefined ? this.placeholderVariable(n, declared) : this.undeclaredVariable(n);
        });
      case "local":
        return new Namespace(`${this.prefix}local`, (n) => {
          const declared = this.local(n);
          if (declared === undefined && this.moduleLocals.has(n))
            return Unknown.of(`${this.prefix}local.${n}`, "is not declared in the module's files");
          if (declared !== undefined || !this.undeclaredLocals.has(n)) return declared;
          // Defined in a file of the module that was not given (eks's local.security_group_id is in its main.tf).
          return Unknown.of(`local.${n}`, "is not declared in these files (its locals block is in a file not given)");
        });
      case "module":
        return new Namespace(
          `${this.prefix}module`,
          (n) => this.child(n)?.value ?? Unknown.of(`${this.prefix}module.${n}`, "is not declared in these files"),
        );
      case "data":
        return new Namespace(
          "data",
          (type) =>
            new Namespace(`data.${type}`, (n) =>
              Unknown.of(`${this.prefix}data.${type}.${n}`, "is read from AWS when Terraform runs"),
            ),
        );
      case "path":
        return { module: this.dir, root: this.env.rootDir, cwd: this.env.rootDir };
      case "terraform":
        return { workspace: "default" };
      case "count":
      case "each":
      case "self":
        return undefined;
    }
    // A resource type: declared here, or (a reference to something defined elsewhere) any name
    // shaped like one, which the readers then report as not in these files.
    if (this.types.has(name) || /^[a-z0-9]+_[a-z0-9_]+$/.test(name))
      return new Namespace(name, (n) => this.resourceValue(name, n));
    return undefined;
  }

  private once(key: string, compute: () => Value): Value {
    if (this.memo.has(key)) return this.memo.get(key);
    if (this.busy.has(key)) return Unknown.failed(`${this.prefix}${key} refers to itself`);
    this.busy.add(key);
    const v = compute();
    this.busy.delete(key);
    this.memo.set(key, v);
    return v;
  }

  /** A variable's value: given, else its default, else an unknown that names it. */
  variable(name: string): Value | undefined {
    const block = this.variables.get(name);
    if (!block) return undefined;
    return this.once(`var.${name}`, () => {
      const given = this.given(name);
      if (given !== undefined) return convertGiven(given, typeText(block.body.type));
      // `default = null` is a value (null), as in Terraform; only a missing default is no value.
      if ("default" in block.body) return rawValue(block.body.default, { root: () => undefined });
      return Unknown.of(`${this.prefix}var.${name}`, this.address ? `is not given by ${this.address}` : "has no value");
    });
  }

  /**
   * A root variable Palisade's export wrote for a placeholder group whose name no variable can
   * hold (local.security_group_id as the variable local_security_group_id): while it has no value,
   * the unknown is the placeholder its description names, so that a round trip keeps the name.
   */
  private placeholderVariable(name: string, value: Value): Value {
    if (this.address || !(value instanceof Unknown)) return value;
    const stands = placeholderOfInput(this.variables.get(name)?.body.description);
    if (stands === undefined || stands === `var.${name}`) return value;
    return Unknown.of(stands, `is the variable ${name} of Palisade's export and has no value`);
  }

  /** A variable no file declares: in the root, an input with no value until one is given. */
  private undeclaredVariable(name: string): Value {
    if (!this.undeclared.has(name)) return Unknown.of(`${this.prefix}var.${name}`, "is not declared in these files");
    return this.once(`var.${name}`, () => {
      const given = this.given(name);
      if (given !== undefined) return convertUndeclared(given);
      return Unknown.of(`var.${name}`, "is not declared in these files and has no value");
    });
  }

  private local(name: string): Value | undefined {
    const local = this.locals.get(name);
    if (!local) return undefined;
    return this.once(`local.${name}`, () => rawValue(local.raw, this.scope()));
  }

  /** The instances of a resource or module call: one, one per count.index, one per for_each key. */
  private instances(block: Block, memoKey: string): Keyed[] | Unknown {
    const known = this.instanceMemo.get(memoKey);
    if (known) return known;
    // A count or for_each that refers to its own resource (`count = length(aws_x.web)` inside
    // aws_x.web) would expand forever: Terraform refuses it as a cycle, and so do we.
    this.instanceMemo.set(
      memoKey,
      Unknown.failed(`${this.prefix}${memoKey} refers to itself in its count or for_each`),
    );
    const result = this.expand(block);
    this.instanceMemo.set(memoKey, result);
    return result;
  }

  private expand(block: Block): Keyed[] | Unknown {
    const { body } = block;
    try {
      if (body.count !== undefined) {
        const count = rawValue(body.count, this.scope());
        if (count instanceof Unknown) return count;
        const n = toNumber(count);
        // Terraform takes a whole number of zero or more; past MAX_COUNT a block is not a design
        // anyone draws, and expanding it would only exhaust memory.
        if (!Number.isInteger(n) || n < 0) return Unknown.failed(`count must be a whole number of 0 or more, not ${n}`);
        if (n > MAX_COUNT)
          return Unknown.failed(`count = ${n} is more than the ${MAX_COUNT} instances Palisade expands for one block`);
        return Array.from({ length: n }, (_, index) => ({
          key: index,
          names: { count: { index } },
        }));
      }
      if (body.for_each !== undefined) {
        const each = rawValue(body.for_each, this.scope());
        if (each instanceof Unknown) return each;
        // A set of strings is keyed by its values; a map by its keys.
        if (Array.isArray(each)) {
          const keys = [...new Set(each.map((v) => (typeof v === "string" ? v : JSON.stringify(v))))].sort();
          return keys.map((k) => ({ key: k, names: { each: { key: k, value: k } } }));
        }
        if (isMap(each)) return sortedKeys(each).map((k) => ({ key: k, names: { each: { key: k, value: each[k] } } }));
        return Unknown.failed("for_each must be a map or a set of strings");
      }
    } catch (e) {
      if (e instanceof EvaluationError) return Unknown.failed(e.message);
      throw e;
    }
    return [{ key: undefined, names: {} }];
  }

  private instanceName(block: Block, key: Keyed["key"]): string {
    return `${this.prefix}${block.name}${suffix(key)}`;
  }

  private resourceValue(type: string, name: string): Value {
    const block = this.resources.get(`${type}.${name}`);
    if (!block) return new Namespace(`${type}.${name}`, (a) => new TfRef(type, `${this.prefix}${name}`, a));
    const keyed = this.instances(block, `resource.${type}.${name}`);
    if (keyed instanceof Unknown) return keyed;
    const one = (k: Keyed) => {
      const instance = this.instanceName(block, k.key);
      return new Namespace(`${type}.${instance}`, (a) => {
        // What names a resource (id, arn, name, …_id) stays a reference, which the readers match to
        // what the design holds; another argument written in the block (cidr_block) is its value.
        const raw = block.body[a];
        if (!IDENTITY.test(a) && raw !== undefined && !isBody(raw) && !Array.isArray(raw))
          return rawValue(raw, this.scope(k.names));
        return new TfRef(type, instance, a);
      });
    };
    if (block.body.count !== undefined) return keyed.map(one);
    if (block.body.for_each !== undefined) return Object.fromEntries(keyed.map((k) => [String(k.key), one(k)]));
    return one(keyed[0] as Keyed);
  }

  /** A module call's instances and the value `module.name` stands for (its outputs). */
  private child(name: string): Child | undefined {
    const block = this.calls.get(name);
    if (!block) return undefined;
    const known = this.childMemo.get(name);
    if (known) return known instanceof Unknown ? { modules: [], value: known } : known;
    const made = this.makeChild(name, block);
    this.childMemo.set(name, made);
    return made instanceof Unknown ? { modules: [], value: made } : made;
  }

  private makeChild(name: string, block: Block): Child | Unknown {
    const address = `${this.prefix}module.${name}`;
    const source = typeof block.body.source === "string" ? block.body.source : "";
    if (!isLocalSource(source)) return this.modelled(name, block, source);
    const dir = joinModulePath(this.dir, source);
    const files = this.env.modules.get(dir);
    if (!files) return Unknown.of(address, `reads "${source}" (${dir}), which was not found`);
    if (address.split(".module.").length > 20) return Unknown.failed(`${address}: modules nest too deeply`);
    const keyed = this.instances(block, `module.${name}`);
    if (keyed instanceof Unknown) return keyed;
    const modules = keyed.map((k) => {
      const scope = this.scope(k.names);
      return new Module(this.env, `${address}${suffix(k.key)}`, dir, files, (input) =>
        MODULE_META.has(input) || block.body[input] === undefined ? undefined : rawValue(block.body[input], scope),
      );
    });
    const outputs = (m: Module) => new Namespace(m.address, (o) => m.output(o));
    const value =
      block.body.count !== undefined
        ? modules.map(outputs)
        : block.body.for_each !== undefined
          ? Object.fromEntries(modules.map((m, i) => [String(keyed[i]?.key), outputs(m)]))
          : outputs(modules[0] as Module);
    return { modules, value };
  }

  /** A registry module: its outputs from Palisade's model of it, where there is one; else unknown. */
  private modelled(name: string, block: Block, source: string): Child | Unknown {
    const address = `${this.prefix}module.${name}`;
    const model = registryModel(source);
    const version = typeof block.body.version === "string" ? block.body.version : undefined;
    if (!model) return Unknown.of(address, `comes from "${source}", which is not in these files`);
    if (!model.covers(version))
      return Unknown.of(
        address,
        `comes from "${source}" version "${version}", which is not in these files (Palisade models ${model.versions} only)`,
      );
    const keyed = this.instances(block, `module.${name}`);
    if (keyed instanceof Unknown) return keyed;
    const outputs = keyed.map((k) => {
      const scope = this.scope(k.names);
      const at = `${address}${suffix(k.key)}`;
      const read = model.outputs((input) =>
        MODULE_META.has(input) || block.body[input] === undefined ? undefined : rawValue(block.body[input], scope),
      );
      return new Namespace(at, (o) => {
        const v = read(o);
        return v !== undefined ? v : Unknown.of(`${at}.${o}`, `is not an output of ${model.source}`);
      });
    });
    const value =
      block.body.count !== undefined
        ? outputs
        : block.body.for_each !== undefined
          ? Object.fromEntries(outputs.map((o, i) => [String(keyed[i]?.key), o]))
          : outputs[0];
    return { modules: [], value, model };
  }

  output(name: string): Value | undefined {
    const block = this.outputs.get(name);
    if (!block) return undefined;
    return this.once(`output.${name}`, () => rawValue(block.body.value, this.scope()));
  }

  /** Every resource instance of this module and of the modules it calls, bodies evaluated. */
  collect(out: Instance[] = []): Instance[] {
    for (const [name, where] of this.undeclared)
      this.env.warnings.push(
        warning(
          where,
          this.given(name) !== undefined
            ? `var.${name} is not declared in these files (Terraform would refuse the reference): the value given for it is used`
            : `var.${name} is not declared in these files (its variable block is in a file not given): it is an input with no value`,
        ),
      );
    for (const [name, where] of this.undeclaredLocals)
      this.env.warnings.push(
        warning(
          where,
          `local.${name} is not declared in these files (its locals block is in a file not given): its value is unknown; where a group is expected it is the placeholder group "local.${name}"`,
        ),
      );
    // A called module's folder is read whole: a local none of its files declares is a fault of
    // its code, which Terraform refuses; read on with the local unknown, named for the module.
    for (const [name, where] of this.moduleLocals)
      this.env.warnings.push(
        warning(
          where,
          `${this.prefix}local.${name} is not declared in the module's files, so Terraform would refuse the module: its value is unknown; where a group is expected it is the placeholder group "${this.prefix}local.${name}"`,
        ),
      );
    const blocks = [...this.resources.values()].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
    for (const block of blocks) {
      const keyed = this.instances(block, `resource.${block.type}.${block.name}`);
      if (keyed instanceof Unknown) {
        // How many there are waits on it, whatever the resource: asked for, never assumed.
        for (const ref of keyed.refs) this.env.reached.add(ref.name);
        const what = block.body.count !== undefined ? "count" : "for_each";
        this.env.warnings.push(
          warning(
            block.locator.block(block.key),
            `${block.type}.${this.prefix}${block.name}: its ${what} ${keyed.describe()}, so how many there are is unknown; not imported`,
          ),
        );
        continue;
      }
      for (const k of keyed) {
        const report = (message: string, unknown?: Unknown) => {
          for (const ref of unknown?.refs ?? []) this.env.reached.add(ref.name);
          this.env.warnings.push(
            warning(
              block.locator.inside(block.key, { attribute: "dynamic" }),
              `${block.type}.${this.instanceName(block, k.key)}: ${message}`,
            ),
          );
        };
        out.push({
          type: block.type,
          name: this.instanceName(block, k.key),
          body: materialize(block.body, this.scope(k.names), report),
          locator: block.locator,
          key: block.key,
        });
      }
    }
    const calls = [...this.calls].sort(([, a], [, b]) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
    for (const [name, block] of calls) {
      const child = this.child(name);
      if (!child) continue;
      if (child.model) {
        this.env.warnings.push(
          warning(
            block.locator.block(block.key),
            `module "${name}": its outputs are Palisade's model of the registry module ${child.model.source} (${child.model.versions}), computed from its inputs, not read from its source, which is not in these files`,
          ),
        );
        continue;
      }
      if (child.value instanceof Unknown && child.modules.length === 0) {
        for (const ref of child.value.refs) this.env.reached.add(ref.name);
        this.env.warnings.push(
          warning(
            block.locator.block(block.key),
            `module "${name}" is not imported: it ${child.value.describe().replace(/^depends on [^,]*, which /, "")}; what uses its outputs is unknown (terraform show -json of a plan reads every module)`,
          ),
        );
        continue;
      }
      for (const m of child.modules) m.collect(out);
    }
    return out;
  }

  /**
   * Root variables without a value, given or default. `reached`: the names of the unknowns that
   * something drawn waits on (Context.reached), once the readers are done; a variable is named
   * there as var.x, or as the placeholder it stands for in Palisade's export (placeholderVariable).
   */
  missing(reached: ReadonlySet<string>): MissingVariable[] {
    const out: MissingVariable[] = [];
    for (const [name, block] of this.variables) {
      if (!(this.variable(name) instanceof Unknown) || "default" in block.body) continue;
      if (this.given(name) !== undefined) continue;
      const stands = placeholderOfInput(block.body.description);
      const where = block.locator.block(block.key);
      const description = block.body.description;
      const type = typeText(block.body.type);
      out.push({
        kind: "variable",
        name,
        ...(typeof description === "string" ? { description } : {}),
        ...(type ? { type } : {}),
        file: where.file ?? "",
        ...(where.line !== undefined ? { line: where.line } : {}),
        affects: reached.has(`var.${name}`) || (stands !== undefined && reached.has(stands)),
      });
    }
    for (const [name, where] of this.undeclared)
      if (this.given(name) === undefined)
        out.push({
          kind: "variable",
          name,
          file: where.file ?? "",
          ...(where.line !== undefined ? { line: where.line } : {}),
          affects: reached.has(`var.${name}`),
        });
    return out;
  }
}
