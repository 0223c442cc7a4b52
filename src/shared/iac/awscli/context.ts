// The state of one AWS CLI import: the draft every reader starts from (iac/draft), keyed by AWS's
// own ids, with what the AWS CLI's outputs need besides. Each pass of importAwsCli (one file each
// beside this one) reads some outputs into it.
import type { Direction } from "../../model/direction";
import { jsonPositioner } from "../../model/json";
import { formatPath, type Problem } from "../../model/problems";
import { type DraftResource, type DraftState, draftState, type OutsideParties } from "../draft";
import type { AwsCliFile, AwsCliOutput } from "./read";
import type { PermissionPlace } from "./rules";

export type JsonPath = (string | number)[];

/** One file's describe output, and where in the file it sits (placebo recordings wrap it in "data"). */
export interface Output {
  file: AwsCliFile;
  output: AwsCliOutput;
  root: JsonPath;
}

/** A pair naming a group of another account than the rule's own group (UserId vs OwnerId). */
export interface OtherAccountPair {
  file: AwsCliFile;
  path: JsonPath;
  owner: string;
  direction: Direction;
  account: string;
  groupId: string;
}

/**
 * An account as the AWS CLI describes it: every group prints AWS's default egress to the world,
 * and describe-vpcs is often not among the files (see OutsideParties).
 */
const DESCRIBED_ACCOUNT: OutsideParties = { internetByIngressOnly: true, privateInsideWithoutVpcs: true };

/** The draft (vpcs, groups, prefix lists by AWS id; resources in the order read) and the passes' own state. */
export interface Context extends DraftState {
  outputs: readonly Output[];
  /** Every resource read so far by its id in the design (ctx.resources in order). */
  resourceIds: Map<string, DraftResource>;
  /** The resource an interface's owner key stands for (an instance id, "elb:my-alb" …). */
  resourceByKey: Map<string, DraftResource>;
  /** Instances whose primary interface (eth0) has been read, from either output. */
  primaryRead: Set<string>;
  /** Ids given to instances' further interfaces: they share the design's ids with everything else. */
  interfaceIds: Set<string>;
  /** What group pairs say about groups the files may not describe (another account's, say). */
  pairInfo: Map<string, { name?: string; vpcId?: string }>;
  otherAccount: OtherAccountPair[];
  /** Remembers where a part was read (the first place wins), for `locate`. */
  remember(key: string, file: AwsCliFile, path: JsonPath): void;
  /** Where a remembered part was read, as file, line and column. */
  locate(key: string): Pick<Problem, "file" | "line" | "column"> | undefined;
  /** Where the parts of `file` are, and where the problems found in them go (for splitPermission). */
  inFile(file: AwsCliFile): PermissionPlace;
  warn(file: AwsCliFile, path: JsonPath, message: string): void;
  fail(file: AwsCliFile, path: JsonPath, message: string): void;
  /** Adds a VPC known only by its id (a group's or an instance's VpcId) unless it is known. */
  needVpc(id: string | undefined): void;
  /** Adds a resource with an id no other resource has. */
  addResource(resource: DraftResource): void;
}

export function newContext(outputs: readonly Output[]): Context {
  const draft = draftState(DESCRIBED_ACCOUNT);
  const { warnings, errors, vpcs, resources } = draft;
  // Positions are worked out when asked, so a large import does not pay for them.
  const positioners = new Map(outputs.map(({ file, root }) => [file, { at: jsonPositioner(file.text), root }]));
  const position = (file: AwsCliFile, path: JsonPath) => {
    const p = positioners.get(file);
    return p ? p.at([...p.root, ...path]) : {};
  };
  const places = new Map<string, { file: AwsCliFile; path: JsonPath }>();
  const place = (file: AwsCliFile, path: JsonPath) => ({
    file: file.name,
    ...position(file, path),
    path: formatPath(path),
  });
  const resourceIds = new Map<string, DraftResource>();
  return {
    ...draft,
    outputs,
    resourceIds,
    resourceByKey: new Map(),
    primaryRead: new Set(),
    interfaceIds: new Set(),
    pairInfo: new Map(),
    otherAccount: [],
    remember(key, file, path) {
      if (!places.has(key)) places.set(key, { file, path });
    },
    locate(key) {
      const at = places.get(key);
      return at ? { file: at.file.name, ...position(at.file, at.path) } : undefined;
    },
    inFile(file) {
      return { at: (path) => place(file, path), errors, warnings };
    },
    warn(file, path, message) {
      warnings.push({ ...place(file, path), message, severity: "warning" });
    },
    fail(file, path, message) {
      errors.push({ ...place(file, path), message, severity: "error" });
    },
    needVpc(id) {
      if (id && !vpcs.has(id)) vpcs.set(id, { id, name: id });
    },
    addResource(resource) {
      resourceIds.set(resource.id, resource);
      resources.push(resource);
    },
  };
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** `stem` (an idStem), numbered past the ids that any of `taken` holds. */
export function uniqueId(stem: string, ...taken: { has(id: string): boolean }[]): string {
  let id = stem;
  for (let n = 2; taken.some((t) => t.has(id)); n++) id = `${stem}-${n}`;
  return id;
}
