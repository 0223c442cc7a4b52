// The child of atomic.failure.test.ts: one save through the real atomic write, in a folder the
// test has made hostile (read-only, a full or read-only file system), then a report on stdout as
// one JSON line: the error, what the target holds afterwards, and what the folder holds.
// Usage: save-once TARGET BYTES [STALE-BYTES] — with STALE-BYTES, first leaves a temporary of that
// size as a killed save of TARGET would have (named for a writer that has exited).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { FileWriteError, temporaryFor, writeFileAtomic } from "../atomic";

const [target, bytes, staleBytes] = process.argv.slice(2);
if (!target || !bytes) {
  console.error("usage: save-once TARGET BYTES [STALE-BYTES]");
  process.exit(2);
}
if (staleBytes) {
  const gone = spawnSync(process.execPath, ["-e", ""]).pid;
  writeFileSync(temporaryFor(target, gone), "x".repeat(Number(staleBytes)));
}
let error: { name: string; message: string; code: string | undefined; reason: string } | null = null;
try {
  await writeFileAtomic(target, "n".repeat(Number(bytes)));
} catch (e) {
  const failure = e as FileWriteError;
  error = { name: failure.name, message: failure.message, code: failure.code, reason: failure.reason };
  if (!(e instanceof FileWriteError)) error.name = `not a FileWriteError: ${String(e)}`;
}
const text = readFileSync(target, "utf8");
const after = text.length <= 100 ? text : `${text.length} bytes of ${JSON.stringify(text[0])}`;
console.log(JSON.stringify({ error, after, names: readdirSync(dirname(target)).sort() }));
