import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { loadPaths } from "../../node/load";
import { toCloudFormation } from "../../shared/iac/cloudformation";
import { toTerraform } from "../../shared/iac/terraform";
import { InputError } from "../../shared/model";
import {
  files,
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
import { EXIT } from "../io";
import { printProblems } from "../report";
import { writeOutput } from "../write";

export const exportCommand: Command = {
  name: "export",
  summary: "write a design as Terraform or CloudFormation",
  usage: `palisade export DESIGN --to terraform|cloudformation [--format yaml|json] [-o OUT]

Options:
  --to T             terraform or cloudformation
  --format F         cloudformation: yaml (default) or json
  -o, --output OUT   write to OUT instead of stdout: a folder for terraform (a module), a file
                     for cloudformation; any command reads either back, whatever its name
${READING_USAGE}
  -h, --help         show this help`,
  async run(argv, io) {
    const args = parse(argv, {
      ...READING_OPTIONS,
      to: { type: "string" },
      format: { type: "string" },
      output: { type: "string", short: "o" },
    });
    const paths = files(args);
    required(args, "to");
    const to = oneOf(args, "to", ["terraform", "cloudformation"] as const);
    const format = oneOf(args, "format", ["yaml", "json", "hcl"] as const);
    if (to === "terraform" && format && format !== "hcl")
      throw new UsageError(`--format ${format} applies to cloudformation; terraform is written as HCL`);
    const { design, warnings } = await loadPaths(paths, readingValues(args));
    printProblems(io, warnings);
    const out =
      to === "cloudformation" ? [toCloudFormation(design, format === "json" ? "json" : "yaml")] : toTerraform(design);
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
