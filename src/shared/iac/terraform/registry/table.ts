// The registry modules Palisade models rather than reads (their files are not in what is
// imported): only modules whose outputs are pure functions of their inputs, no resource, no data
// source, so that the model can be exact. Each is written from the module's published source for
// the versions it names; any other registry module stays unknown, with a warning.
//
// | source                  | versions | what it is                                                     |
// | ----------------------- | -------- | -------------------------------------------------------------- |
// | cloudposse/label/null   | 0.25.x   | Cloud Posse's naming and tagging (`module "this"` in context.tf) |
import type { RegistryModel } from "./model";
import { nullLabel } from "./null-label";

const MODELS: readonly RegistryModel[] = [nullLabel];

/** The model of a registry `source` (`cloudposse/label/null`, with or without its registry host). */
export function registryModel(source: string): RegistryModel | undefined {
  const address = source
    .trim()
    .toLowerCase()
    .replace(/^registry\.terraform\.io\//, "");
  return MODELS.find((m) => m.source === address);
}
