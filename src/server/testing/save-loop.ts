// The child of files.crash.test.ts: writes two texts over one file, alternately, as fast as it
// can, through the real atomic save (saveDesign is writeFileAtomic of the serialized design),
// until it is killed. Prints "saving" once the loop has begun.
import { readFileSync } from "node:fs";
import { writeFileAtomic } from "../atomic";

const [target, ...sources] = process.argv.slice(2);
if (!target || sources.length === 0) {
  console.error("usage: save-loop TARGET TEXT-FILE...");
  process.exit(2);
}
const texts = sources.map((file) => readFileSync(file, "utf8"));
process.stdout.write("saving\n");
for (let i = 0; ; i++) await writeFileAtomic(target, texts[i % texts.length] as string);
