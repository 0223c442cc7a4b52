// What Terraform recorded of a configuration: `terraform show -json` of a plan or of state, or a
// terraform.tfstate file (format version 4). Each names every resource instance by its full
// address (module.web_sg.aws_security_group.this_name_prefix[0]) with the values known to it.

import { formatPath, type Problem } from "../../../model/problems";
import { error } from "../../draft";

export type RecordedShape = "plan" | "state" | "tfstate";

/** One resource instance as recorded, with where it is in the file. */
export interface RecordedInstance {
  mode: "managed" | "data";
  type: string;
  /** The address without the type: `web`, `module.web_sg.this_name_prefix[0]`. */
  name: string;
  /** The module instance it belongs to: "" for the root, else `module.a[0].module.b`. */
  module: string;
  values: Record<string, unknown>;
  /** A plan's after_unknown for the instance: which values are known only after apply. */
  unknown?: unknown;
  /** The JSON path of the instance's object in the file. */
  path: (string | number)[];
  /** Its values' key there: "values", or "attributes" in a terraform.tfstate. */
  valuesKey: string;
}

export interface Recorded {
  shape: RecordedShape;
  instances: RecordedInstance[];
  /** A plan's configuration section (its root module), for references between resources. */
  configuration?: Record<string, unknown>;
  /** A plan's root variables with their values. */
  variables: Record<string, unknown>;
  /** Every module instance address the file holds ("" for the root). */
  modules: Set<string>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The shape of parsed JSON, when it is one of Terraform's records. */
export function recordedShape(value: unknown): RecordedShape | undefined {
  if (!isObject(value) || typeof value.terraform_version !== "string") return undefined;
  if (typeof value.format_version === "string") {
    if ("planned_values" in value || "resource_changes" in value || "configuration" in value) return "plan";
    return "state";
  }
  if (typeof value.version === "number" && ("lineage" in value || Array.isArray(value.resources))) return "tfstate";
  return undefined;
}

/** `[0]` or `["a"]`, as Terraform writes an instance key in an address. */
export function keySuffix(key: unknown): string {
  return key === undefined || key === null ? "" : typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** The reading of a record, or the problems that stop it (each naming its JSON path). */
export function readRecorded(value: unknown, file: string): Recorded | { problems: Problem[] } {
  const shape = recordedShape(value);
  const problems: Problem[] = [];
  const fail = (path: (string | number)[], message: string) => {
    problems.push({ ...error({ file }, message), path: formatPath(path) });
  };
  if (!shape || !isObject(value)) {
    fail([], "expected terraform show -json output (format_version and terraform_version) or a terraform.tfstate");
    return { problems };
  }
  const recorded: Recorded = { shape, instances: [], variables: {}, modules: new Set([""]) };
  if (shape === "tfstate") {
    if (value.version !== 4) {
      fail(
        ["version"],
        `state format version ${String(value.version)} is not read: expected 4 (Terraform 0.12 and later)`,
      );
      return { problems };
    }
    readStateFile(value, recorded, fail);
  } else {
    const major = String(value.format_version).split(".")[0];
    if (major !== "1") {
      fail(["format_version"], `format_version ${String(value.format_version)} is not read: expected 1.x`);
      return { problems };
    }
    const root = shape === "plan" ? ["planned_values", "root_module"] : ["values", "root_module"];
    const values = shape === "plan" ? value.planned_values : value.values;
    // An empty state (`terraform show -json` before any apply) has no values at all.
    if (values !== undefined) {
      if (!isObject(values)) fail([root[0] as string], "expected an object with root_module");
      else if (values.root_module !== undefined) walkModule(values.root_module, root, "", recorded, fail);
    }
    if (shape === "plan") readPlanParts(value, recorded, fail);
  }
  return problems.length ? { problems } : recorded;
}

type Fail = (path: (string | number)[], message: string) => void;

function walkModule(module: unknown, path: (string | number)[], address: string, into: Recorded, fail: Fail): void {
  if (!isObject(module)) {
    fail(path, "expected a module object with resources and child_modules");
    return;
  }
  into.modules.add(address);
  const resources = module.resources ?? [];
  if (!Array.isArray(resources)) {
    fail([...path, "resources"], "expected a list of resources");
    return;
  }
  resources.forEach((r, i) => {
    const at = [...path, "resources", i];
    if (!isObject(r) || typeof r.type !== "string" || typeof r.name !== "string") {
      fail(at, "expected a resource with type, name and values");
      return;
    }
    if (r.values !== undefined && !isObject(r.values)) {
      fail([...at, "values"], "expected an object of values");
      return;
    }
    const name = `${address ? `${address}.` : ""}${r.name}${keySuffix(r.index)}`;
    into.instances.push({
      mode: r.mode === "data" ? "data" : "managed",
      type: r.type,
      name,
      module: address,
      values: (r.values as Record<string, unknown> | undefined) ?? {},
      path: at,
      valuesKey: "values",
    });
  });
  const children = module.child_modules ?? [];
  if (!Array.isArray(children)) {
    fail([...path, "child_modules"], "expected a list of modules");
    return;
  }
  children.forEach((c, i) => {
    const at = [...path, "child_modules", i];
    if (!isObject(c) || typeof c.address !== "string") {
      fail(at, "expected a module with its address");
      return;
    }
    walkModule(c, at, c.address, into, fail);
  });
}

function readPlanParts(plan: Record<string, unknown>, into: Recorded, fail: Fail): void {
  const changes = plan.resource_changes ?? [];
  if (!Array.isArray(changes)) {
    fail(["resource_changes"], "expected a list of changes");
    return;
  }
  const unknownOf = new Map<string, unknown>();
  for (const c of changes)
    if (isObject(c) && typeof c.address === "string" && isObject(c.change) && c.deposed === undefined)
      unknownOf.set(c.address, c.change.after_unknown);
  for (const instance of into.instances) {
    const address = addressOf(instance);
    if (unknownOf.has(address)) instance.unknown = unknownOf.get(address);
  }
  if (isObject(plan.configuration) && isObject(plan.configuration.root_module))
    into.configuration = plan.configuration.root_module;
  if (isObject(plan.variables))
    for (const [name, v] of Object.entries(plan.variables)) if (isObject(v)) into.variables[name] = v.value;
}

function readStateFile(state: Record<string, unknown>, into: Recorded, fail: Fail): void {
  const resources = state.resources ?? [];
  if (!Array.isArray(resources)) {
    fail(["resources"], "expected a list of resources");
    return;
  }
  resources.forEach((r, i) => {
    const at = ["resources", i];
    if (!isObject(r) || typeof r.type !== "string" || typeof r.name !== "string" || !Array.isArray(r.instances)) {
      fail(at, "expected a resource with type, name and instances");
      return;
    }
    const module = typeof r.module === "string" ? r.module : "";
    into.modules.add(module);
    r.instances.forEach((instance, j) => {
      const path = [...at, "instances", j];
      if (!isObject(instance) || !isObject(instance.attributes)) {
        fail(path, "expected an instance with attributes");
        return;
      }
      // A deposed object is one create_before_destroy is about to delete: not part of the design.
      if (instance.deposed !== undefined) return;
      into.instances.push({
        mode: r.mode === "data" ? "data" : "managed",
        type: r.type as string,
        name: `${module ? `${module}.` : ""}${r.name as string}${keySuffix(instance.index_key)}`,
        module,
        values: instance.attributes,
        path,
        valuesKey: "attributes",
      });
    });
  });
}

/** The full address: `module.web_sg.aws_security_group.this_name_prefix[0]`, `data.aws_vpc.main`. */
export function addressOf(i: Pick<RecordedInstance, "mode" | "type" | "name" | "module">): string {
  const local = i.module ? i.name.slice(i.module.length + 1) : i.name;
  return `${i.module ? `${i.module}.` : ""}${i.mode === "data" ? "data." : ""}${i.type}.${local}`;
}
