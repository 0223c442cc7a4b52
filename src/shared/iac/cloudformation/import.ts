// CloudFormation template (YAML or JSON) -> design. Unknowable values (parameters without a
// Default, ImportValue, conditions) are warnings at their line; wrong values are errors.

import { InputError, lineIndex, type Problem } from "../../model/problems";
import type { PrefixList, SecurityGroup, Vpc } from "../../model/schema";
import { cidrProblem } from "../../net/address";
import {
  ADDRESS_TAGS,
  draftState,
  error,
  finishImport,
  type ImportResult,
  show,
  type Unmodelled,
  unmodelledWarnings,
  type Where,
  warning,
} from "../draft";
import { PLACEHOLDER_TAG } from "../placeholder";
import { readAttachment } from "./attachments";
import { cdkNames, nameByConstructPath } from "./cdk";
import { declareClassicElbGroup } from "./classic-elb";
import { applyConditions, conditionsOf } from "./conditions";
import { type Context, isRecord, known, nameTag, type Props, reach, tagsOf, text, vpcIdOf } from "./context";
import { expandForEach, oncePerFragment } from "./foreach";
import { attachInterfaces, attachmentResource } from "./interface-attachments";
import { CfnRef, NO_VALUE, resolve, type Template } from "./intrinsics";
import { ATTACHABLE, LAUNCH_SOURCES, UNRELATED } from "./kinds";
import { declareClusterGroup } from "./launch";
import { type MissingParameter, parameterLine, readParameters } from "./parameters";
import { placeholderNamesOf } from "./placeholders";
import { PSEUDO_DEFAULTS, PseudoParameters } from "./pseudo";
import { readInlineRules, readStandaloneRule } from "./rules";
import { loadTemplate, type Path } from "./template";

export { BLOCK_EGRESS } from "./rules";

export interface CloudFormationSource {
  name: string;
  text: string;
}

function readPrefixList(ctx: Context, id: string, props: Props, path: Path): void {
  const family = text(known(ctx, props.AddressFamily, [...path, "AddressFamily"], id));
  if (family !== "IPv4" && family !== "IPv6") {
    ctx.errors.push(error(ctx.at([...path, "AddressFamily"]), `AddressFamily must be IPv4 or IPv6`));
    return;
  }
  const max = Number(text(known(ctx, props.MaxEntries, [...path, "MaxEntries"], id)));
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    ctx.errors.push(error(ctx.at([...path, "MaxEntries"]), "MaxEntries must be a whole number from 1 to 1000"));
    return;
  }
  const entries: PrefixList["entries"] = [];
  const list = props.Entries === undefined ? [] : props.Entries;
  if (!Array.isArray(list))
    ctx.errors.push(error(ctx.at([...path, "Entries"]), "Entries must be a list of { Cidr, Description }"));
  else
    list.forEach((e, n) => {
      const cidr = isRecord(e) ? text(known(ctx, e.Cidr, [...path, "Entries", n, "Cidr"], id)) : undefined;
      const problem = cidr === undefined ? "an entry needs a Cidr" : cidrProblem(cidr, family === "IPv4" ? 4 : 6);
      if (problem) ctx.errors.push(error(ctx.at([...path, "Entries", n]), `Entries: ${problem}`));
      else
        entries.push({
          cidr: cidr as string,
          ...(isRecord(e) && typeof e.Description === "string" ? { description: e.Description } : {}),
        });
    });
  const name = text(resolve(props.PrefixListName, ctx.t)) ?? id;
  ctx.prefixLists.set(id, { id: ctx.ids.take(id), name, addressFamily: family, maxEntries: max, entries });
}

function declareGroup(ctx: Context, id: string, props: Props, path: Path): void {
  const group: SecurityGroup = {
    id: ctx.ids.take(id),
    name: text(resolve(props.GroupName, ctx.t)) ?? ctx.cdkNames.get(id) ?? nameTag(ctx, props) ?? id,
    description: text(resolve(props.GroupDescription, ctx.t)) ?? "",
    ingress: [],
    egress: [],
  };
  const vpcId = vpcIdOf(ctx, props.VpcId, [...path, "VpcId"], id);
  if (vpcId) group.vpcId = vpcId;
  const tags = resolve(props.Tags, ctx.t);
  if ("value" in tags && Array.isArray(tags.value)) {
    const record: Record<string, string> = {};
    for (const t of tags.value)
      if (isRecord(t) && typeof t.Key === "string" && typeof t.Value === "string") record[t.Key] = t.Value;
    if (Object.keys(record).length) group.tags = record;
  }
  ctx.groups.set(id, group);
  ctx.groupsById.set(group.id, group);
}

interface Read {
  t: Template;
  resources: [string, unknown][];
  /** Where each logical id's resource is written (a copy of Fn::ForEach: its fragment). */
  at: (path: Path) => Where;
  inputs: MissingParameter[];
  /** AWS::LanguageExtensions resolves intrinsic functions in a resource's Condition (a loop's !Sub). */
  languageExtensions: boolean;
  /** Whether Fn::ForEach loops were expanded: a problem in a fragment is then found once per copy. */
  expanded: boolean;
}

/**
 * A resource's or output's Condition as AWS::LanguageExtensions leaves it: a function resolved
 * (a loop's !Sub, a !FindInMap), AWS::NoValue as no Condition at all; unresolved, as written.
 */
function conditionName(condition: unknown, t: Template): unknown {
  if (!isRecord(condition)) return condition;
  const resolved = resolve(condition, t);
  if (!("value" in resolved)) return condition;
  return resolved.value === NO_VALUE ? undefined : resolved.value;
}

const SAM = "AWS::Serverless-2016-10-31";
/** Resources whose existence the design shows (with ATTACHABLE and LAUNCH_SOURCES): a Condition on them matters. */
const DRAWN = new Set([
  "AWS::EC2::VPC",
  "AWS::EC2::PrefixList",
  "AWS::EC2::SecurityGroup",
  "AWS::EC2::SecurityGroupIngress",
  "AWS::EC2::SecurityGroupEgress",
  "AWS::EC2::NetworkInterfaceAttachment",
  "AWS::CloudFormation::Stack",
]);
const LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";

function readTransforms(ctx: Pick<Context, "warnings" | "at">, value: Record<string, unknown>): string[] {
  const list =
    value.Transform === undefined ? [] : Array.isArray(value.Transform) ? value.Transform : [value.Transform];
  const names = list.map((x) =>
    typeof x === "string" ? x : isRecord(x) && typeof x.Name === "string" ? x.Name : show(x),
  );
  names.forEach((name, n) => {
    if (name === LANGUAGE_EXTENSIONS) return;
    const where = ctx.at(Array.isArray(value.Transform) ? ["Transform", n] : ["Transform"]);
    ctx.warnings.push(
      warning(
        where,
        name === SAM
          ? "the SAM transform (AWS::Serverless-2016-10-31) is not applied: AWS::Serverless::* resources, and the groups SAM would attach, are not imported (sam build writes the template it deploys: import that)"
          : `the transform ${name} is not applied: what it would add or change is not imported`,
      ),
    );
  });
  return names;
}

function templateOf(
  { name: file, text }: CloudFormationSource,
  value: unknown,
  loaded: { at: (p: Path) => Where },
  params: Readonly<Record<string, string>>,
  problems: { errors: Problem[]; warnings: Problem[] },
): Read {
  if (!isRecord(value) || !isRecord(value.Resources))
    throw new InputError([error(loaded.at([]), "not a CloudFormation template: expected a Resources section")]);
  const transforms = readTransforms({ warnings: problems.warnings, at: loaded.at }, value);
  // Positions of a large file cost seconds: a parameter without a value is found in the text there.
  const placeOf =
    text.length < 1_000_000
      ? undefined
      : (name: string): Where => {
          const line = parameterLine(text, name);
          return { file, ...(line !== undefined ? { line } : {}) };
        };
  const read = readParameters(value.Parameters, params, loaded.at, problems, placeOf);
  const t: Template = {
    parameters: read.parameters,
    mappings: isRecord(value.Mappings) ? value.Mappings : {},
    resources: new Set(),
    pseudo: new PseudoParameters(read.pseudo),
    condition: () => undefined,
  };
  // A loop's collection is read from parameters and mappings only, so the template is expanded
  // before its conditions are known; the conditions are those the loops made.
  let template = value;
  let at = loaded.at;
  if (text.includes("Fn::ForEach::")) {
    if (!transforms.includes(LANGUAGE_EXTENSIONS))
      problems.warnings.push(
        warning(
          loaded.at([]),
          `Fn::ForEach needs Transform: ${LANGUAGE_EXTENSIONS}, which CloudFormation refuses the template without; expanded anyway`,
        ),
      );
    const expanded = expandForEach(value, t, loaded.at, problems.errors);
    template = expanded.template;
    at = (path) => loaded.at(expanded.written(path));
  }
  const definitions = isRecord(template.Conditions) ? template.Conditions : {};
  t.condition = conditionsOf(definitions, () => t);
  const section = isRecord(template.Resources) ? template.Resources : {};
  const ids = Object.keys(section);
  for (const id of ids) t.resources.add(id);
  const languageExtensions = transforms.includes(LANGUAGE_EXTENSIONS);
  // An output's Condition must name a condition too: CloudFormation refuses the template otherwise.
  for (const [name, output] of Object.entries(isRecord(template.Outputs) ? template.Outputs : {})) {
    if (!isRecord(output)) continue;
    const condition = languageExtensions ? conditionName(output.Condition, t) : output.Condition;
    if (condition !== undefined && !(typeof condition === "string" && Object.hasOwn(definitions, condition)))
      problems.errors.push(
        error(
          at(["Outputs", name, "Condition"]),
          `output ${name}: Condition must name a condition of the Conditions section, not ${show(condition)}`,
        ),
      );
  }
  return {
    t,
    resources: ids.map((id): [string, unknown] => [id, section[id]]),
    at,
    inputs: read.inputs,
    languageExtensions,
    expanded: template !== value,
  };
}

/** What the import is given besides the text: parameter values (and AWS::Region, AWS::AccountId...). */
export interface ImportOptions {
  params?: Record<string, string>;
}

/**
 * Reads a template's security groups, rules, prefix lists and attachments. Throws InputError for
 * wrong values. `parsed`: the text already parsed as JSON (see loadTemplate).
 */
export function importCloudFormation(
  file: CloudFormationSource,
  parsed?: { value: unknown },
  options: ImportOptions = {},
): ImportResult<MissingParameter> {
  const loaded = loadTemplate(file.name, file.text, parsed);
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const { t, resources, at, inputs, languageExtensions, expanded } = templateOf(
    file,
    loaded.value,
    loaded,
    options.params ?? {},
    {
      errors,
      warnings,
    },
  );
  const ctx: Context = {
    ...draftState(),
    t,
    at,
    warnings,
    errors,
    ipv6Vpcs: new Set(),
    subnets: new Map(),
    groupsById: new Map(),
    clusterGroups: new Map(),
    launchSources: new Map(),
    nestedStacks: new Set(),
    elbGroups: new Map(),
    cdkNames: cdkNames(resources),
    interfaceAttachments: [],
    placeholderNames: isRecord(loaded.value) ? placeholderNamesOf(loaded.value, loaded.at, warnings) : new Map(),
    reached: new Set(),
  };
  // Conditions decide properties only where the template has any; a region's template has none.
  const conditional = /Fn::If|!If\b|NoValue/.test(file.text);
  const typed: { id: string; type: string; props: Props; path: Path; metadata: unknown }[] = [];
  /** Resources whose Condition is unknown: imported as placeholders, by logical id, with why. */
  const undecided = new Map<string, string>();
  // Where each type's resources are in `typed`, in template order: each step below visits its own.
  const byType = new Map<string, number[]>();
  for (let n = 0; n < resources.length; n++) {
    const entry = resources[n] as [string, unknown];
    const id = entry[0];
    const r = entry[1];
    const path: Path = ["Resources", id];
    if (!isRecord(r) || typeof r.Type !== "string") {
      ctx.errors.push(error(at(path), `resource ${id} needs a Type such as AWS::EC2::SecurityGroup`));
      continue;
    }
    if (r.Properties !== undefined && !isRecord(r.Properties)) {
      ctx.errors.push(error(at([...path, "Properties"]), `Properties of ${id} must be a mapping`));
      continue;
    }
    // The transform resolves a Condition written as a function (a loop's !Sub, a !FindInMap);
    // AWS::NoValue there is no Condition at all.
    const condition = languageExtensions ? conditionName(r.Condition, t) : r.Condition;
    if (condition !== undefined) {
      const c = typeof condition === "string" ? t.condition(condition) : undefined;
      if (!c) {
        ctx.errors.push(
          error(
            at([...path, "Condition"]),
            `${id}: Condition must name a condition of the Conditions section, not ${show(condition)}`,
          ),
        );
        continue;
      }
      if ("holds" in c && !c.holds) {
        // Not created: references to it are references to nothing.
        t.resources.delete(id);
        t.notCreated ??= new Map();
        t.notCreated.set(id, String(condition));
        continue;
      }
      if ("unresolved" in c) {
        undecided.set(id, `condition ${show(condition)}`);
        // Whether a group, rule or attached resource exists waits on it; an unrelated resource's does not.
        if (DRAWN.has(r.Type) || r.Type in ATTACHABLE || r.Type in LAUNCH_SOURCES) reach(ctx, c);
        ctx.warnings.push(
          warning(
            at([...path, "Condition"]),
            `${id} exists only when condition ${show(condition)} holds, which is unknown: ${c.unresolved}; imported as a placeholder until that value is given`,
          ),
        );
      }
    }
    const list = byType.get(r.Type);
    if (list) list.push(typed.length);
    else byType.set(r.Type, [typed.length]);
    const props = (r.Properties as Props | undefined) ?? {};
    typed.push({
      id,
      type: r.Type,
      props: conditional ? (applyConditions(props, t) as Props) : props,
      path: ["Resources", id, "Properties"],
      metadata: r.Metadata,
    });
  }
  const each = (types: readonly string[], f: (x: (typeof typed)[number]) => void) => {
    const order =
      types.length === 1
        ? (byType.get(types[0] as string) ?? [])
        : types.flatMap((type) => byType.get(type) ?? []).sort((a, b) => a - b);
    for (let i = 0; i < order.length; i++) f(typed[order[i] as number] as (typeof typed)[number]);
  };
  each(["AWS::EC2::VPC"], ({ id, props, path }) => {
    const vpc: Vpc = { id: ctx.ids.take(id), name: ctx.cdkNames.get(id) ?? nameTag(ctx, props) ?? id };
    if (props.CidrBlock !== undefined) {
      const cidr = text(known(ctx, props.CidrBlock, [...path, "CidrBlock"], id));
      const problem = cidr === undefined ? undefined : cidrProblem(cidr, 4);
      if (problem) ctx.errors.push(error(at([...path, "CidrBlock"]), `CidrBlock: ${problem}`));
      else if (cidr) vpc.cidrIpv4 = cidr;
    }
    const ipv6 = tagsOf(ctx, props)[ADDRESS_TAGS.vpcIpv6];
    if (ipv6 !== undefined) {
      const problem = typeof ipv6 === "string" ? cidrProblem(ipv6, 6) : "it must be text";
      if (problem) ctx.errors.push(error(at([...path, "Tags"]), `tag ${ADDRESS_TAGS.vpcIpv6}: ${problem}`));
      else vpc.cidrIpv6 = ipv6 as string;
    }
    ctx.vpcs.set(id, vpc);
  });
  each(["AWS::EC2::VPCCidrBlock"], ({ props }) => {
    const vpc = resolve(props.VpcId, t);
    if (props.AmazonProvidedIpv6CidrBlock === true && "value" in vpc && vpc.value instanceof CfnRef)
      ctx.ipv6Vpcs.add(vpc.value.logicalId);
  });
  each(["AWS::EC2::Subnet"], ({ id, props }) => ctx.subnets.set(id, props.VpcId));
  each(["AWS::EC2::PrefixList"], ({ id, props, path }) => readPrefixList(ctx, id, props, path));
  each(["AWS::EC2::SecurityGroup"], ({ id, props, path }) => declareGroup(ctx, id, props, path));
  each(["AWS::EKS::Cluster"], ({ id, props }) => declareClusterGroup(ctx, id, props));
  each(Object.keys(LAUNCH_SOURCES), ({ id, type, props, path }) => ctx.launchSources.set(id, { type, props, path }));
  each(["AWS::CloudFormation::Stack"], ({ id, path }) => {
    ctx.nestedStacks.add(id);
    ctx.warnings.push(
      warning(
        at(path.slice(0, 2)),
        `${id} is a nested stack: its template (TemplateURL) is not imported; where this template names its outputs (!GetAtt ${id}.Outputs.X), a placeholder stands for each`,
      ),
    );
  });
  each(["AWS::ElasticLoadBalancing::LoadBalancer"], ({ id, props, path }) =>
    declareClassicElbGroup(ctx, id, props, path),
  );
  each(["AWS::EC2::SecurityGroup"], ({ id, props, path }) => readInlineRules(ctx, id, props, path));
  each(["AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress"], ({ id, type, props, path, metadata }) => {
    const rules = readStandaloneRule(ctx, id, type, props, path, metadata);
    // A rule has no tags: its description says what it waits on.
    const why = undecided.get(id);
    if (why)
      for (const rule of rules)
        rule.description = `Placeholder: only if ${why} holds${rule.description ? `; ${rule.description}` : ""}`.slice(
          0,
          255,
        );
  });
  const byLogicalId = new Map<string, (typeof ctx.resources)[number]>();
  each(Object.keys(ATTACHABLE), ({ id, type, props, path, metadata }) => {
    const before = ctx.resources.length;
    readAttachment(ctx, id, type, props, path, metadata);
    const read = ctx.resources[before];
    if (read) byLogicalId.set(id, read);
    const why = undecided.get(id);
    for (const r of ctx.resources.slice(before)) if (why) r.tags = { ...r.tags, [PLACEHOLDER_TAG]: why };
  });
  each(["AWS::EC2::NetworkInterfaceAttachment"], ({ id, props, path }) =>
    ctx.interfaceAttachments.push(attachmentResource(id, props, path)),
  );
  attachInterfaces(ctx, ctx.interfaceAttachments, byLogicalId);
  // A group whose Condition is unknown says so where the design shows it.
  for (const [id, why] of undecided) {
    const g = ctx.groups.get(id);
    if (g) g.tags = { ...g.tags, [PLACEHOLDER_TAG]: why };
  }
  const handled = new Set([
    "AWS::EC2::VPC",
    "AWS::EC2::VPCCidrBlock",
    "AWS::EC2::Subnet",
    "AWS::EC2::PrefixList",
    "AWS::EC2::SecurityGroup",
    "AWS::EC2::SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress",
    "AWS::CloudFormation::Stack",
    "AWS::EC2::NetworkInterfaceAttachment",
    ...Object.keys(ATTACHABLE),
    ...UNRELATED,
  ]);
  const unmodelled: Unmodelled[] = typed
    .filter((x) => !handled.has(x.type))
    .map((x) => ({ where: at(x.path.slice(0, 2)), name: x.id, type: x.type, body: x.props }));
  ctx.warnings.push(...unmodelledWarnings(unmodelled));
  const assumed = pseudoWarning(t, file);
  if (assumed) ctx.warnings.push(assumed);
  nameByConstructPath(ctx.warnings, ctx.cdkNames);
  nameByConstructPath(ctx.errors, ctx.cdkNames);
  if (expanded) {
    oncePerFragment(ctx.warnings);
    oncePerFragment(ctx.errors);
  }
  const design = finishImport(ctx, `Imported from ${file.name.split(/[\\/]/).pop() ?? file.name}`, file.name);
  return { design, warnings: ctx.warnings, inputs: inputs.map((i) => ({ ...i, affects: ctx.reached.has(i.name) })) };
}

/** Where `name` is first written outside a YAML comment, or -1. */
function firstUse(text: string, name: string): number {
  for (let n = text.indexOf(name); n >= 0; n = text.indexOf(name, n + 1)) {
    const lineStart = text.lastIndexOf("\n", n) + 1;
    if (!text.slice(lineStart, n).includes("#")) return n;
  }
  return -1;
}

/**
 * The region and account the import took where none was given, stated once, at the first place
 * the template uses one of them.
 */
function pseudoWarning(t: Template, { name: file, text }: CloudFormationSource): Problem | undefined {
  const used = [...t.pseudo.defaultsUsed];
  if (used.length === 0) return undefined;
  const assumed = used.map((name) =>
    name === "Fn::GetAZs"
      ? `Fn::GetAZs as ${t.pseudo.zones(t.pseudo.region).join(", ")}`
      : `${name} as ${PSEUDO_DEFAULTS[name]}`,
  );
  const first = used
    .map((name) => firstUse(text, name === "Fn::GetAZs" ? "GetAZs" : name))
    .filter((n) => n >= 0)
    .sort((a, b) => a - b)[0];
  const where = first === undefined ? { file } : { file, ...lineIndex(text)(first) };
  const give = used.filter((n) => n.startsWith("AWS::")).map((n) => `--param ${n}=...`);
  return warning(
    where,
    `the stack's region and account are not known before it is deployed: read ${assumed.join(", ")}${give.length ? ` (give them with ${give.join(" ")})` : ""}`,
  );
}
