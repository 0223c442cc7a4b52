import { loadPaths } from "../../server/load";
import { findings } from "../../shared/engine/findings";
import type { Finding } from "../../shared/engine/types";
import type { Design } from "../../shared/model/schema";
import { files, flag, oneOf, parse, READING_OPTIONS, READING_USAGE, readingValues } from "../args";
import type { Command } from "../command";
import { EXIT } from "../io";
import { nodeLabel, printLoadProblems } from "../report";
import { toSarif } from "../sarif";
import { VERSION } from "../version";

/** A group as people know it: its name, with its id when that differs (as nodeLabel). */
function groupLabel(design: Design, id: string): string {
  const name = design.groups.find((g) => g.id === id)?.name;
  return name && name !== id ? `${name} (${id})` : id;
}

/**
 * Where a finding is in words: "group web, inbound rule 1", "node db", "intent i1". Name first, as
 * the canvas shows it: an id may be a hash (a CDK logical id) that the person never wrote.
 */
function where(f: Finding, design: Design): string {
  if (f.groupId)
    return `group ${groupLabel(design, f.groupId)}${f.direction ? `, ${f.direction === "ingress" ? "inbound" : "outbound"}${f.ruleIndex !== undefined ? ` rule ${f.ruleIndex + 1}` : " rules"}` : ""}`;
  if (f.intentId) return `intent ${f.intentId}`;
  if (f.nodeId) return `node ${nodeLabel(design, f.nodeId)}`;
  return "design";
}

export const lintCommand: Command = {
  name: "lint",
  summary: "risky or broken parts of a design; exit 1 on a high or critical finding",
  usage: `palisade lint FILE... [--json] [--format text|json|sarif]

Checks: SSH, RDP and database ports open to 0.0.0.0/0 or ::/0; all traffic from anywhere;
groups with no members; duplicate and shadowed rules; references to groups in another VPC;
AWS quotas (rules per group, groups per interface, rules x groups); intents not satisfied.

Options:
  --json           same as --format json
  --format F       text (default), json, or sarif (SARIF 2.1.0 for code scanning)
${READING_USAGE}
  -h, --help       show this help

Exit status: 0 no finding at high or critical, 1 some, 2 bad input or usage.`,
  async run(argv, io) {
    const args = parse(argv, {
      ...READING_OPTIONS,
      json: { type: "boolean" },
      format: { type: "string" },
    });
    const format = oneOf(args, "format", ["text", "json", "sarif"] as const) ?? (flag(args, "json") ? "json" : "text");
    const paths = files(args);
    const loaded = await loadPaths(paths, readingValues(args));
    const { design, locate } = loaded;
    printLoadProblems(io, loaded);
    const found = findings(design);
    const failing = found.some((f) => f.severity === "critical" || f.severity === "high");
    if (format === "json") io.out(JSON.stringify(found, null, 2));
    else if (format === "sarif") {
      const file = paths.length === 1 ? (paths[0] as string) : undefined;
      const place = (f: Finding) => locate(f) ?? (file ? { file } : undefined);
      io.out(JSON.stringify(toSarif(found, place, VERSION), null, 2));
    } else {
      for (const f of found) {
        const at = locate(f);
        const place = at ? [at.file, at.line, at.column].filter((x) => x !== undefined).join(":") : where(f, design);
        io.out(`${place}: ${f.severity}: ${f.code}: ${f.message}`);
      }
      const counts = ["critical", "high", "medium", "low", "info"]
        .map((s) => [s, found.filter((f) => f.severity === s).length] as const)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${s}`);
      io.out(
        found.length === 0
          ? "No findings."
          : `${found.length} finding${found.length > 1 ? "s" : ""}: ${counts.join(", ")}`,
      );
    }
    return failing ? EXIT.failed : EXIT.ok;
  },
};
