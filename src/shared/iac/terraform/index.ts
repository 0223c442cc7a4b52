export { type TerraformFile, type TerraformOptions, toTerraform } from "./export";
export { importTerraform, type TerraformSource } from "./import";
