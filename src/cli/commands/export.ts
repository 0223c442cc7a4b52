import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { loadPaths } from "../../server/load";
import { parseAssertions } from "../../shared/assertions";
import { toCloudFormation } from "../../shared/iac/cloudformation";
import { toTerraform } from "../../shared/iac/terraform";
import { BILLING_NOTE, type VerifyPlan, verificationPlan } from "../../shared/iac/verify";
import { InputError } from "../../shared/model";
import {
  files,
  flag,
  oneOf,
  parse,
  READING_OPTIONS,
  READING_USAGE,
  readingValues,
  required,
  text,
  UsageError,
} from "../args";
import type { Command } from "../command";
import { EXIT, type Io } from "../io";
import { printLoadProblems } from "../report";
import { readRules } from "../rules";
import { writeOutput } from "../write";

export const exportCommand: Command = {
  name: "export",
  summary: "write a design as Terraform or CloudFormation",
  usage: `palisade export DESIGN --to terraform|cloudformation [--format yaml|json] [-o OUT]
                [--verify [--rules ASSERTIONS.yaml]]

Options:
  --to T             terraform or cloudformation
  --format F         cloudformation: yaml (default) or json
  -o, --output OUT   write to OUT instead of stdout: a folder for terraform (a module), a file
                     for cloudformation; any command reads either back, whatever its name
  --verify           also write, for each intent (and each assertion of --rules), a Reachability
                     Analyzer path between the two resources with its protocol and port, and an
                     analysis of it, so that AWS checks on the deployed network what the design
                     promised (terraform: verify.tf; cloudformation: in the template). Paths are
                     tcp or udp between AWS resources; from the Internet or My IP they start at
                     the internet gateway with the address as SourceIp. What cannot be verified
                     this way is listed. AWS bills each analysis.
  --rules FILE       with --verify: an assertions file (as palisade assert takes it)
${READING_USAGE}
  -h, --help         show this help`,
  async run(argv, io) {
    const args = parse(argv, {
      ...READING_OPTIONS,
      to: { type: "string" },
      format: { type: "string" },
      output: { type: "string", short: "o" },
      verify: { type: "boolean" },
      rules: { type: "string" },
    });
    const paths = files(args);
    required(args, "to");
    const to = oneOf(args, "to", ["terraform", "cloudformation"] as const);
    const format = oneOf(args, "format", ["yaml", "json", "hcl"] as const);
    if (to === "terraform" && format && format !== "hcl")
      throw new UsageError(`--format ${format} applies to cloudformation; terraform is written as HCL`);
    const rules = text(args, "rules");
    if (rules && !flag(args, "verify")) throw new UsageError("--rules applies to --verify: add --verify");
    const loaded = await loadPaths(paths, readingValues(args));
    const { design } = loaded;
    printLoadProblems(io, loaded);
    const verify = flag(args, "verify")
      ? verificationPlan(design, rules ? parseAssertions(await readRules(rules), rules) : [])
      : undefined;
    if (verify) reportPlan(io, verify);
    const out =
      to === "cloudformation"
        ? [toCloudFormation(design, format === "json" ? "json" : "yaml", { verify })]
        : toTerraform(design, { verify });
    const target = text(args, "output");
    if (!target) {
      for (const f of out) io.out(out.length > 1 ? `# ${f.name}\n${f.text}` : f.text);
      return EXIT.ok;
    }
    // CloudFormation is one template, so a file; Terraform is a module, so always a folder, even
    // when it is one file today (a second file later must not turn OUT from a file into a folder).
    if (to === "cloudformation" && out[0]) {
      await writeOutput(target, out[0].text);
      return EXIT.ok;
    }
    await mkdir(target, { recursive: true }).catch((e: Error) => {
      throw new InputError([{ file: target, message: `cannot create the folder: ${e.message}`, severity: "error" }]);
    });
    for (const f of out) await writeOutput(join(target, f.name), f.text);
    return EXIT.ok;
  },
};

/** On stderr, so that the export on stdout stays a clean file: what is verified, what is not, the cost. */
function reportPlan(io: Io, plan: VerifyPlan): void {
  if (plan.paths.length === 0 && plan.unverifiable.length === 0)
    io.err("palisade export: --verify: the design has no intents and no --rules were given: nothing to verify");
  else if (plan.paths.length > 0)
    io.err(
      `palisade export: ${plan.paths.length} Reachability Analyzer path(s), each with an analysis. ${BILLING_NOTE}`,
    );
  for (const u of plan.unverifiable) io.err(`palisade export: not verifiable this way: ${u.name}: ${u.reason}`);
}
