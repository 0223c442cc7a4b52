// `npm run audit:electron`: Doyensec's electronegativity over the Electron code (main, preload and
// the renderer's HTML). Fails (exit 1) on any high or medium finding that scripts/electronegativity.json
// does not justify, so a new risky setting cannot slip in unreviewed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const require = createRequire(import.meta.url);
const electronVersion = require("electron/package.json").version;
const { justified } = JSON.parse(readFileSync(join(root, "scripts/electronegativity.json"), "utf8"));

const out = mkdtempSync(join(tmpdir(), "palisade-electronegativity-"));
const csv = join(out, "findings.csv");
// The tool looks up Electron's release list online; the version is given so that it need not.
const run = spawnSync(
  process.execPath,
  [
    require.resolve("@doyensec/electronegativity/dist/index.js"),
    "-i",
    join(root, "src"),
    "-r",
    "-v",
    "false",
    "-e",
    electronVersion,
    "-o",
    csv,
  ],
  { encoding: "utf8", cwd: root },
);
let text;
try {
  text = readFileSync(csv, "utf8");
} catch {
  console.error(`electronegativity did not run:\n${run.stdout}\n${run.stderr}`);
  process.exit(2);
} finally {
  rmSync(out, { recursive: true, force: true, maxRetries: 2 });
}

/** One CSV row into fields (quoted fields may hold commas and doubled quotes). */
function fields(line) {
  const out = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(field.trim());
      field = "";
    } else field += c;
  }
  out.push(field.trim());
  return out;
}

const findings = text
  .split("\n")
  .slice(1)
  .filter((l) => l.trim())
  .map((l) => {
    const [check, severity, confidence, file, location, , description] = fields(l);
    return { check, severity, confidence, file, location, description };
  });
const serious = findings.filter((f) => f.severity === "HIGH" || f.severity === "MEDIUM");
const open = serious.filter((f) => !justified.some((j) => j.check === f.check && j.file === f.file));
for (const f of findings) {
  const why = justified.find((j) => j.check === f.check && j.file === f.file);
  console.log(`${f.severity.padEnd(13)} ${f.check} src/${f.file}:${f.location} ${why ? "(justified)" : f.description}`);
}
if (open.length > 0) {
  console.error(
    `\n${open.length} high or medium finding(s) neither fixed nor justified in scripts/electronegativity.json`,
  );
  process.exit(1);
}
console.log(
  `\nelectronegativity: no open high or medium finding (${findings.length} finding(s), ${serious.length - open.length} justified)`,
);
