import { loadPaths } from "../../server/load";
import { serializeDesign } from "../../shared/model";
import { files, parse, READING_OPTIONS, READING_USAGE, readingValues, text } from "../args";
import type { Command } from "../command";
import { EXIT } from "../io";
import { printLoadProblems } from "../report";
import { writeOutput } from "../write";

export const importCommand: Command = {
  name: "import",
  summary: "read Terraform, CloudFormation or AWS CLI JSON into a design file",
  usage: `palisade import FILE... [-o OUT.palisade.json]

Reads every FILE (Terraform .tf files or a folder, CloudFormation YAML or JSON, AWS CLI JSON
from describe-security-groups, describe-instances, describe-network-interfaces,
describe-managed-prefix-lists, get-managed-prefix-list-entries and describe-vpcs; several
together) into one design, and writes it to OUT or to stdout.

Options:
  -o, --output OUT   write the design to OUT instead of stdout
${READING_USAGE}
  -h, --help         show this help`,
  async run(argv, io) {
    const args = parse(argv, {
      ...READING_OPTIONS,
      output: { type: "string", short: "o" },
    });
    const loaded = await loadPaths(files(args), readingValues(args));
    const { design } = loaded;
    printLoadProblems(io, loaded);
    const out = text(args, "output");
    if (out) await writeOutput(out, serializeDesign(design));
    else io.out(serializeDesign(design));
    return EXIT.ok;
  },
};
