// An assertions file's text (assert --rules, export --verify --rules), or why it cannot be read.
import { readFile } from "node:fs/promises";
import { InputError } from "../shared/model";

export async function readRules(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new InputError([{ file, message: `cannot read the file: ${reason}`, severity: "error" }]);
  }
}
