import { loadPaths } from "../../server/load";
import { evaluateFlow, resolveEndpoint } from "../../shared/engine";
import { verdictDependsOn } from "../../shared/engine/depends-on";
import { unknownsByNode } from "../../shared/model/unknowns";
import { files, flag, integer, parse, READING_OPTIONS, READING_USAGE, readingValues, required, text } from "../args";
import type { Command } from "../command";
import { EXIT } from "../io";
import { printLoadProblems } from "../report";

export const checkCommand: Command = {
  name: "check",
  summary: "can X reach Y? with the rule that allows it or the side that drops it",
  usage: `palisade check FILE... --from X --to Y [--protocol P] [--port N]
               [--icmp-type T --icmp-code C] [--json]

X and Y are a node's id or name (its Name tag, else its own name; case is ignored) or a literal
IPv4/IPv6 address. Prints the verdict and its explanation.

Options:
  --from X         the source
  --to Y           the target
  --protocol P     tcp (default), udp, icmp, icmpv6 or a protocol number
  --port N         the destination port, for tcp and udp
  --icmp-type T    ICMP type (default: echo request)
  --icmp-code C    ICMP code (default: 0)
  --json           print the verdict as JSON
${READING_USAGE}
  -h, --help       show this help

Exit status: 0 permitted, 1 not permitted, 2 bad input or usage.`,
  async run(argv, io) {
    const args = parse(argv, {
      ...READING_OPTIONS,
      from: { type: "string" },
      to: { type: "string" },
      protocol: { type: "string" },
      port: { type: "string" },
      "icmp-type": { type: "string" },
      "icmp-code": { type: "string" },
      json: { type: "boolean" },
    });
    const paths = files(args);
    const from = required(args, "from");
    const to = required(args, "to");
    const query = {
      protocol: text(args, "protocol") ?? "tcp",
      port: integer(args, "port"),
      icmpType: integer(args, "icmp-type"),
      icmpCode: integer(args, "icmp-code"),
    };
    const loaded = await loadPaths(paths, readingValues(args));
    const { design } = loaded;
    printLoadProblems(io, loaded);
    const ends = { from: resolveEndpoint(design, from, "from"), to: resolveEndpoint(design, to, "to") };
    const verdict = evaluateFlow(design, { ...ends, ...query });
    // Permitted: the unknowns whose rules permit it (or whose end may not exist). Not permitted: the
    // placeholder groups either end carries, whose own rules are not in the files and may permit it.
    const unknowns = unknownsByNode(design);
    const dependsOn = verdict.permitted
      ? verdictDependsOn(design, verdict.query)
      : [...new Set([...(unknowns.get(ends.from)?.all ?? []), ...(unknowns.get(ends.to)?.all ?? [])])];
    const caveat = dependsOnCaveat(dependsOn, unknowns, ends, verdict.permitted);
    io.out(
      flag(args, "json")
        ? JSON.stringify(dependsOn.length ? { ...verdict, dependsOn } : verdict, null, 2)
        : `${verdict.explanation}${caveat}`,
    );
    return verdict.permitted ? EXIT.ok : EXIT.failed;
  },
};

/** What a verdict depends on: placeholder groups (their rules) and placeholder ranges (their addresses). */
function dependsOnCaveat(
  dependsOn: string[],
  unknowns: ReturnType<typeof unknownsByNode>,
  ends: { from: string; to: string },
  permitted: boolean,
): string {
  const ranges = new Set([...(unknowns.get(ends.from)?.ranges ?? []), ...(unknowns.get(ends.to)?.ranges ?? [])]);
  const conditions = dependsOn.filter((d) => d.startsWith("condition "));
  const groups = dependsOn.filter((d) => !ranges.has(d) && !conditions.includes(d));
  const lines: string[] = [];
  if (groups.length)
    lines.push(
      `Depends on ${groups.join(", ")}: ${groups.length > 1 ? "groups" : "a group"} the files name but do not define; ${
        permitted
          ? "the rules that permit this are those the files give it"
          : "its own rules are not in these files and may permit this"
      }.`,
    );
  const named = dependsOn.filter((d) => ranges.has(d));
  if (named.length)
    lines.push(
      `Depends on ${named.join(", ")}: an address range the files name but give no value; ${
        permitted
          ? "the rules that name it permit this for whatever range it turns out to be"
          : "no rule that names it permits this, and whether another rule's range covers it is known only once it has a value"
      }.`,
    );
  if (conditions.length)
    lines.push(
      `Depends on ${conditions.join(", ")}: whether a part of this exists is decided by a value the files do not give.`,
    );
  return lines.map((l) => `\n${l}`).join("");
}
