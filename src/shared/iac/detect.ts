// What kind of file this is: the one detector behind every CLI command and the app's import. The
// name decides where it says something (.tf, .palisade.json); otherwise the content does, since
// `palisade export -o out` may write a template or a module under any name, and CloudFormation
// shares .json, .yaml and .template with everything else. AWS CDK's output is CloudFormation (one
// `X.template.json`); the other files of a `cdk.out` folder are told apart as "cdk".
import { parseJsonText } from "../model/json";
import { FORMAT } from "../model/schema";
import { isAwsCliOutput } from "./awscli/read";
import { isCdkAssemblyFile } from "./cdk-assembly";
import { recordedShape } from "./terraform/show/recorded";

/**
 * "cdk": one of the files of a CDK cloud assembly (cdk.out) besides its templates: manifest.json, tree.json …
 * "terraformShow": `terraform show -json` of a plan or of state, or a terraform.tfstate (version 4).
 */
export type FileKind = "design" | "awscli" | "terraform" | "terraformShow" | "cloudformation" | "cdk";

export interface SourceFile {
  name: string;
  text: string;
}

const DESIGN_NAME = /\.palisade\.json$/i;
const DESIGN_MARK = new RegExp(`"format"\\s*:\\s*"${FORMAT}"`);
const TERRAFORM_NAME = /\.tf(\.json)?$/i;
const YAML_NAME = /\.(ya?ml|template)$/i;
const JSON_NAME = /\.json$/i;
/** A top-level HCL block: `resource "aws_security_group" "web" {`, `variable "x" {`, `locals {`. */
const HCL_BLOCK = /^[ \t]*(resource|data|variable|provider|terraform|module|locals|output)(\s+"[^"\n]*")*\s*\{/m;
/** A template's top-level keys in YAML (or JSON, quoted). */
const TEMPLATE_KEY = /^["']?(AWSTemplateFormatVersion|Resources)["']?\s*:/m;

/** Whether a file is Terraform by its name (.tf, or .tf.json in Terraform's JSON syntax): a module's folder holds these. */
export function isTerraformFileName(name: string): boolean {
  return TERRAFORM_NAME.test(name);
}

/** Whether a file is a Palisade design, by its name or by its `"format": "palisade"` near the start. */
export function isDesignFile(name: string, text: string): boolean {
  return DESIGN_NAME.test(name) || DESIGN_MARK.test(text.slice(0, 2000));
}

const UNKNOWN =
  "expected a Palisade design, Terraform (.tf, or HCL blocks such as resource), terraform show -json output of a plan or state (format_version and terraform_version), a terraform.tfstate, a CloudFormation template (YAML or JSON with Resources or AWSTemplateFormatVersion; AWS CDK's cdk.out too) or AWS CLI JSON (describe-security-groups, describe-instances, describe-network-interfaces)";

/**
 * The kind of a file, or why it cannot be told. `parse` reads JSON (the caller may keep what it
 * read for the importer); it throws InputError at line and column, which this passes on for a
 * file that must be JSON (named .json) and turns into "unknown" otherwise.
 */
export function detectKind(
  file: SourceFile,
  parse: (file: SourceFile) => unknown = (f) => parseJsonText(f.text, f.name),
): FileKind | { unknown: string } {
  if (isTerraformFileName(file.name)) return "terraform";
  if (YAML_NAME.test(file.name)) {
    if (TEMPLATE_KEY.test(file.text)) return "cloudformation";
    return { unknown: "a YAML file without AWSTemplateFormatVersion or Resources is not a CloudFormation template" };
  }
  const start = file.text.trimStart()[0];
  if (JSON_NAME.test(file.name) || start === "{" || start === "[") {
    let value: unknown;
    try {
      value = parse(file);
    } catch (e) {
      // A broken design file should get the design reader's own message, placed in the file.
      if (isDesignFile(file.name, file.text)) return "design";
      if (JSON_NAME.test(file.name)) throw e;
      return { unknown: `it starts like JSON but is not valid JSON; ${UNKNOWN}` };
    }
    return jsonKind(value) ?? (DESIGN_NAME.test(file.name) ? "design" : { unknown: UNKNOWN });
  }
  // No extension that says: HCL blocks, else a YAML template.
  if (HCL_BLOCK.test(file.text)) return "terraform";
  if (TEMPLATE_KEY.test(file.text)) return "cloudformation";
  return { unknown: UNKNOWN };
}

/** The kind of parsed JSON, by its shape. Terraform's JSON syntax is told by its name (.tf.json) only. */
export function jsonKind(value: unknown): FileKind | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (record.format === FORMAT) return "design";
  if ("AWSTemplateFormatVersion" in record || (typeof record.Resources === "object" && record.Resources !== null))
    return "cloudformation";
  if (isAwsCliOutput(value)) return "awscli";
  if (recordedShape(value)) return "terraformShow";
  if (isCdkAssemblyFile(value)) return "cdk";
  return undefined;
}
