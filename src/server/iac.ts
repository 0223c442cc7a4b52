// Import and export of infrastructure code for the API: the same readers and writers the CLI uses.
import { toCloudFormation } from "../shared/iac/cloudformation";
import { exportWarnings } from "../shared/iac/deployable";
import { toTerraform } from "../shared/iac/terraform/export";
import { InputError } from "../shared/model";
import { importFiles, loadPaths } from "./load";
import type { IacService } from "./options";

export const iacService: IacService = {
  importFiles: (files, values) => importFiles(files, values),
  async importFolder(path, values) {
    const { design, warnings, inputs } = await loadPaths([path], values);
    return { design, warnings, inputs };
  },
  exportDesign(design, to, format, options = {}) {
    if (to === "terraform") {
      if (format !== undefined && format !== "hcl")
        throw new InputError([
          { message: `Terraform is written as HCL, not ${format}: leave format out or say "hcl"`, severity: "error" },
        ]);
      return { files: toTerraform(design, options), warnings: exportWarnings(design, options) };
    }
    if (format === "hcl")
      throw new InputError([
        { message: 'CloudFormation is written as "yaml" (the default) or "json", not HCL', severity: "error" },
      ]);
    return { files: [toCloudFormation(design, format ?? "yaml", options)], warnings: exportWarnings(design, options) };
  },
};
