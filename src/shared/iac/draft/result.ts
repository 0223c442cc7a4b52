// What an import answers, whichever reader made it (Terraform, CloudFormation, the AWS CLI), so
// that the server and the CLI take every reader's result alike.
import type { Problem } from "../../model/problems";
import type { Design } from "../../model/schema";

/**
 * The design read, the warnings about what could not be read as written (each at file:line), and
 * the values the files need and were not given, which the app's dialog, --var and --param ask
 * for: `Input` is the reader's own kind of them (Terraform's MissingVariable, CloudFormation's
 * MissingParameter); the AWS CLI's outputs hold every value, so it asks for none.
 */
export interface ImportResult<Input = never> {
  design: Design;
  warnings: Problem[];
  inputs: Input[];
}
