// The state of one AWS CLI import: what the files have said so far, and what went wrong where.
// Each pass of importAwsCli (one file each beside this one) reads some outputs into it.
import type { Direction } from "../../model/direction";
import { jsonPositioner } from "../../model/json";
import { formatPath, type Problem } from "../../model/problems";
import type { PrefixList, Resource, SecurityGroup, Vpc } from "../../model/schema";
import type { AwsCliFile, AwsCliOutput } from "./read";

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

export interface Context {
  outputs: readonly Output[];
  warnings: Problem[];
  errors: Problem[];
  vpcs: Map<string, Vpc>;
  groups: Map<string, SecurityGroup>;
  prefixLists: Map<string, PrefixList>;
  resources: Map<string, Resource>;
  /** The resource an interface's owner key stands for (an instance id, "elb:my-alb" …). */
  resourceByKey: Map<string, Resource>;
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
  warn(file: AwsCliFile, path: JsonPath, message: string): void;
  fail(file: AwsCliFile, path: JsonPath, message: string): void;
  /** Adds a VPC known only by its id (a group's or an instance's VpcId) unless it is known. */
  needVpc(id: string | undefined): void;
}

export function newContext(outputs: readonly Output[]): Context {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
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
  const vpcs = new Map<string, Vpc>();
  return {
    outputs,
    warnings,
    errors,
    vpcs,
    groups: new Map(),
    prefixLists: new Map(),
    resources: new Map(),
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
    warn(file, path, message) {
      warnings.push({ ...place(file, path), message, severity: "warning" });
    },
    fail(file, path, message) {
      errors.push({ ...place(file, path), message, severity: "error" });
    },
    needVpc(id) {
      if (id && !vpcs.has(id)) vpcs.set(id, { id, name: id });
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
