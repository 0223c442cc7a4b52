// Reading and writing `*.palisade.json`: parse, migrate, validate, serialize with a stable key order.
import { jsonPositioner, parseJsonText } from "./json";
import { migrate } from "./migrations";
import { formatPath, InputError, type Problem } from "./problems";
import { CURRENT_VERSION, Design, FORMAT } from "./schema";

/** Parses and validates a design file's text. Throws InputError naming the first bad field's path and line. */
export function parseDesign(text: string, file?: string): Design {
  return validateDesign(parseJsonText(text, file), { file, text });
}

/** Validates an already parsed value (from IPC, a test or a migration) into a Design. */
export function validateDesign(raw: unknown, source: { file?: string; text?: string } = {}): Design {
  const { file, text } = source;
  const position = text === undefined ? undefined : jsonPositioner(text);
  const at = (path: (string | number)[]): Pick<Problem, "line" | "column"> => position?.(path) ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new InputError([{ file, ...at([]), message: "a design file holds a JSON object", severity: "error" }]);
  const record = raw as Record<string, unknown>;
  if (record.format !== FORMAT)
    throw new InputError([
      {
        file,
        ...at(["format"]),
        path: "format",
        message: `not a Palisade design: expected "format": "${FORMAT}"${record.format === undefined ? "" : `, found ${JSON.stringify(record.format)}`}`,
        severity: "error",
      },
    ]);
  const version = record.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0)
    throw new InputError([
      {
        file,
        ...at(["version"]),
        path: "version",
        message: "version must be a whole number of at least 0",
        severity: "error",
      },
    ]);
  if (version > CURRENT_VERSION)
    throw new InputError([
      {
        file,
        ...at(["version"]),
        path: "version",
        message: `this design was written by a newer Palisade (format version ${version}); this one reads up to version ${CURRENT_VERSION}. Update Palisade to open it.`,
        severity: "error",
      },
    ]);
  const migrated = migrate(record);
  const result = Design.safeParse(migrated);
  if (!result.success) {
    const first = result.error.issues[0];
    const path = (first?.path ?? []).filter((k): k is string | number => typeof k !== "symbol");
    const more = result.error.issues.length - 1;
    throw new InputError([
      {
        file,
        // Positions refer to the text as written; after a migration they are the best guess we have.
        ...at(path),
        path: formatPath(path),
        message: `${first?.message ?? "invalid"}${more > 0 ? ` (and ${more} more problem${more > 1 ? "s" : ""})` : ""}`,
        severity: "error",
      },
    ]);
  }
  return result.data;
}

const KEY_ORDER = [
  "format",
  "version",
  "id",
  "kind",
  "service",
  "name",
  "description",
  "vpcId",
  "addressFamily",
  "maxEntries",
  "cidrIpv4",
  "cidrIpv6",
  "privateIpv4",
  "ipv6",
  "publicIpv4",
  "cidrs",
  "isDefault",
  "otherAccount",
  "eksCluster",
  "account",
  "groupIds",
  "deviceIndex",
  "interfaces",
  "capacity",
  "desired",
  "min",
  "max",
  "protocol",
  "fromPort",
  "toPort",
  "port",
  "from",
  "to",
  "peer",
  "cidr",
  "groupId",
  "prefixListId",
  "ingress",
  "egress",
  "entries",
  "tags",
  "position",
  "x",
  "y",
  "vpcs",
  "externals",
  "resources",
  "groups",
  "prefixLists",
  "intents",
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function ordered(value: unknown, sortAllKeys: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, sortAllKeys));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => {
    // Tags and unknown fields sort by name so that their order never depends on history.
    const ra = sortAllKeys ? undefined : RANK.get(a);
    const rb = sortAllKeys ? undefined : RANK.get(b);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(entries.map(([k, v]) => [k, ordered(v, k === "tags")]));
}

/** The file text of a design: stable key order, two-space indent, integer positions, trailing newline. */
export function serializeDesign(design: Design): string {
  return `${JSON.stringify(ordered(design, false), null, 2)}\n`;
}

export function emptyDesign(name = "Untitled"): Design {
  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    name,
    vpcs: [],
    resources: [],
    externals: [],
    groups: [],
    prefixLists: [],
    intents: [],
  };
}
