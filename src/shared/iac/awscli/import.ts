// AWS CLI JSON (several describe-* outputs together) into one design: groups split one peer per
// rule, instances and managed-service interfaces as resources, VPCs and prefix lists. Each pass
// reads one kind of output into the import's context, in the order the later ones need; the
// import ends as Terraform's and CloudFormation's do (iac/draft's finishImport).
import { InputError, type Problem } from "../../model/problems";
import { finishImport, type ImportResult } from "../draft";
import { newContext, type Output } from "./context";
import { readSecurityGroupRules } from "./described-rules";
import { readSecurityGroups } from "./groups";
import { readInstances } from "./instances";
import { readNetworkInterfaces } from "./interfaces";
import { addOtherAccountGroups, addReferencedGroups, addReferencedPrefixLists } from "./placeholders";
import { readPrefixListEntries, readPrefixLists } from "./prefix-lists";
import { type AwsCliFile, readAwsCliOutput } from "./read";
import { readVpcs } from "./vpcs";

/** The AWS CLI reader knows where it read each part, which the server's findings place. */
export interface Located {
  /**
   * Where a part was read, for findings placed at file:line:column: keys "group:<id>",
   * "rule:<groupId>:<ingress|egress>:<index>" (the IpPermission peer) and "node:<id>".
   * Positions are worked out when asked, so a large import does not pay for them.
   */
  locate(key: string): Pick<Problem, "file" | "line" | "column"> | undefined;
}

export function importAwsCli(files: readonly AwsCliFile[], name = "Imported from AWS CLI"): ImportResult & Located {
  const ctx = newContext(readOutputs(files));
  readVpcs(ctx);
  readPrefixLists(ctx);
  readPrefixListEntries(ctx);
  readSecurityGroups(ctx);
  readSecurityGroupRules(ctx);
  readInstances(ctx);
  readNetworkInterfaces(ctx);
  addOtherAccountGroups(ctx);
  addReferencedGroups(ctx);
  addReferencedPrefixLists(ctx);
  // Its outputs hold every value: nothing to ask for.
  return { design: finishImport(ctx, name), warnings: ctx.warnings, inputs: [], locate: ctx.locate };
}

/** Every file's describe output, or every file's problems together. */
function readOutputs(files: readonly AwsCliFile[]): Output[] {
  const errors: Problem[] = [];
  const outputs: Output[] = [];
  for (const file of files) {
    try {
      outputs.push({ file, ...readAwsCliOutput(file) });
    } catch (e) {
      if (e instanceof InputError) errors.push(...e.problems);
      else throw e;
    }
  }
  if (errors.length > 0) throw new InputError(errors);
  return outputs;
}
