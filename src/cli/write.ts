// Output files: written atomically (a reader never sees half a design), and a failure to write
// is the user's problem to fix (a missing folder, no permission), said as such.
import { ioReason, writeFileAtomic } from "../server/files";
import { InputError } from "../shared/model";

export async function writeOutput(path: string, text: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (e) {
    throw new InputError([{ file: path, message: `cannot write the file: ${ioReason(e)}`, severity: "error" }]);
  }
}
