import { loadPaths } from "../../server/load";
import { checkAssertions, describeAssertion, parseAssertions } from "../../shared/assertions";
import { formatProblem } from "../../shared/model";
import { files, flag, parse, READING_OPTIONS, READING_USAGE, readingValues, required } from "../args";
import type { Command } from "../command";
import { EXIT } from "../io";
import { printLoadProblems } from "../report";
import { readRules } from "../rules";

export const assertCommand: Command = {
  name: "assert",
  summary: "check flows that must be allowed or denied, listed in a YAML file",
  usage: `palisade assert FILE... --rules ASSERTIONS.yaml [--json]

ASSERTIONS.yaml is a list of flows that must be permitted (allow) or not (deny):

  - deny: {from: Internet, to: db, port: 5432}
  - allow: {from: app, to: db, protocol: tcp, port: 5432}
    description: the app reads the database

from and to are a node's id or name, or an address; protocol is tcp (default), udp, icmp,
icmpv6 or a number; port is required for tcp and udp; icmpType and icmpCode for ICMP.

Options:
  --rules FILE   the assertions file
  --json         print the results as JSON
${READING_USAGE}
  -h, --help     show this help

Exit status: 0 all hold, 1 some fail, 2 bad input or usage.`,
  async run(argv, io) {
    const args = parse(argv, {
      ...READING_OPTIONS,
      rules: { type: "string" },
      json: { type: "boolean" },
    });
    const paths = files(args);
    const rulesFile = required(args, "rules");
    const text = await readRules(rulesFile);
    const assertions = parseAssertions(text, rulesFile);
    const loaded = await loadPaths(paths, readingValues(args));
    const { design } = loaded;
    printLoadProblems(io, loaded);
    const results = checkAssertions(design, assertions);
    const errors = results.flatMap((r) => r.problems ?? []);
    const failed = results.filter((r) => r.outcome === "fail");
    if (flag(args, "json"))
      io.out(
        JSON.stringify(
          results.map(({ assertion, outcome, verdict, problems }) => ({ assertion, outcome, verdict, problems })),
          null,
          2,
        ),
      );
    else {
      for (const r of results) {
        const place = [r.assertion.file, r.assertion.line, r.assertion.column].filter((x) => x !== undefined).join(":");
        if (r.outcome === "pass") io.out(`ok    ${describeAssertion(r.assertion)}`);
        else if (r.outcome === "fail")
          io.out(`FAIL  ${describeAssertion(r.assertion)}  (${place})\n${indent(r.verdict?.explanation ?? "")}`);
      }
      for (const p of errors) io.err(formatProblem(p));
      const passed = results.filter((r) => r.outcome === "pass").length;
      const unchecked = results.filter((r) => r.outcome === "error").length;
      io.out(
        `${passed} of ${results.length} assertions hold${failed.length ? `; ${failed.length} fail` : ""}${unchecked ? `; ${unchecked} cannot be checked` : ""}`,
      );
    }
    if (errors.length > 0) return EXIT.badInput;
    return failed.length > 0 ? EXIT.failed : EXIT.ok;
  },
};

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `      ${l}`)
    .join("\n");
}
