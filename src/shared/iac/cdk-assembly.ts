// A `cdk.out` folder is an AWS CDK cloud assembly: manifest.json lists the stacks and the template
// of each; beside them CDK writes files of its own (tree.json, *.assets.json, *.metadata.json) that
// hold no security group. The detector tells them apart by content, so that a folder imports its
// templates and nothing else, without a warning for each of CDK's own files.

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A stack of a cloud assembly: its name and its template, relative to the manifest's folder. */
export interface AssemblyStack {
  name: string;
  templateFile: string;
}

/** What a manifest lists: its stacks, and nested assemblies (CDK stages) in folders of their own. */
export interface AssemblyManifest {
  stacks: AssemblyStack[];
  nested: string[];
}

/** The stacks a cloud assembly's manifest.json lists, or undefined when the value is not one. */
export function assemblyManifest(value: unknown): AssemblyManifest | undefined {
  if (!isRecord(value) || typeof value.version !== "string" || !isRecord(value.artifacts)) return undefined;
  const stacks: AssemblyStack[] = [];
  const nested: string[] = [];
  for (const [name, artifact] of Object.entries(value.artifacts)) {
    if (!isRecord(artifact) || !isRecord(artifact.properties)) continue;
    const { templateFile, directoryName } = artifact.properties;
    if (artifact.type === "aws:cloudformation:stack" && typeof templateFile === "string")
      stacks.push({ name: typeof artifact.displayName === "string" ? artifact.displayName : name, templateFile });
    else if (artifact.type === "cdk:cloud-assembly" && typeof directoryName === "string") nested.push(directoryName);
  }
  return { stacks, nested };
}

/** Whether parsed JSON is one of the files CDK writes into a cloud assembly besides the templates. */
export function isCdkAssemblyFile(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (assemblyManifest(value)) return true;
  // tree.json: the construct tree.
  if (typeof value.version === "string" && value.version.startsWith("tree-") && isRecord(value.tree)) return true;
  // X.assets.json: the files and images to publish.
  if (typeof value.version === "string" && (isRecord(value.files) || isRecord(value.dockerImages))) return true;
  // X.metadata.json: construct path -> [{ type: "aws:cdk:…", data }].
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(
      ([k, v]) =>
        k.startsWith("/") &&
        Array.isArray(v) &&
        v.every((m) => isRecord(m) && typeof m.type === "string" && m.type.startsWith("aws:cdk:")),
    )
  );
}
