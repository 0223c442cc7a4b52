// Module folders as Terraform names them (`source = "../../"`), joined and normalised the same way
// in the pure reader and at the Node edge that reads the folders, so that both find one key.

/** `a/b` + `../c` = `a/c`; "." for the folder itself; `/` separators whatever the platform. */
export function joinModulePath(dir: string, source: string): string {
  const absolute = dir.startsWith("/");
  const parts: string[] = [];
  for (const part of `${dir}/${source}`.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  const joined = parts.join("/");
  return absolute ? `/${joined}` : joined || ".";
}

/** The folder of a file name: `a/b/main.tf` -> `a/b`. */
export function folderOf(file: string): string {
  const normal = file.replace(/\\/g, "/");
  const slash = normal.lastIndexOf("/");
  return slash < 0 ? "." : slash === 0 ? "/" : normal.slice(0, slash);
}

/** A module source this reader follows: a path on disk (`./x`, `../x`), not the registry or git. */
export const isLocalSource = (source: string): boolean => /^\.\.?([\\/]|$)/.test(source);
