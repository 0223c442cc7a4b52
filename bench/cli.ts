// `npm run bench`, the CLI as a user runs it: whole processes (start-up, reading, the engine,
// writing), timed and their peak memory (RSS) taken by /usr/bin/time, against a process doing
// nothing (`node -e 0`) and one that only parses the same files (JSON.parse). Ratios from one run.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serializeDesign } from "../src/shared/model";
import { generateRegion, REGION } from "./generate";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin/palisade.mjs");
const dir = mkdtempSync(join(tmpdir(), "palisade-bench-cli-"));
const timeFile = join(dir, "time");

interface Measure {
  /** Wall time. */
  ms: number;
  /** CPU time (user and system): steadier than wall time on a machine shared with other work. */
  cpu: number;
  mb: number;
}

/** One whole process: wall time and peak RSS, its stdout to `pipeTo` (a shell command) or nowhere. */
function once(argv: string[], pipeTo = "cat > /dev/null"): Measure {
  const quoted = argv.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const r = spawnSync("bash", ["-c", `/usr/bin/time -f '%e %U %S %M' -o '${timeFile}' ${quoted} | ${pipeTo}`], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(" ")} failed (${r.status})`);
  const [wall = 0, user = 0, system = 0, kb = 0] =
    readFileSync(timeFile, "utf8").trim().split("\n").pop()?.split(" ").map(Number) ?? [];
  return { ms: wall * 1000, cpu: (user + system) * 1000, mb: kb / 1024 };
}

/** The median time of `runs` processes (after a warm-up of the file cache, unless `warm`), and the highest RSS. */
function measure(argv: string[], runs: number, pipeTo?: string, warm = false): Measure {
  if (!warm) once(argv, pipeTo);
  const all = Array.from({ length: runs }, () => once(argv, pipeTo));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return {
    ms: median(all.map((m) => m.ms)),
    cpu: median(all.map((m) => m.cpu)),
    mb: Math.max(...all.map((m) => m.mb)),
  };
}

/** "2.1 x (CPU 1.9 x)": wall time, then CPU time, of a against b. */
const ratio = (a: Measure, b: Measure) =>
  `${(a.ms / b.ms).toFixed(2)} x (CPU ${(a.cpu / Math.max(b.cpu, 10)).toFixed(2)} x)`;
const node = process.execPath;

try {
  // The bundle, as `npm run build` and `npm pack` make it: the start-up measured is the user's.
  execFileSync(node, [join(root, "scripts/build-cli.mjs")], { stdio: "ignore" });
  const example = join(root, "examples/three-tier.palisade.json");
  const idle = measure([node, "-e", "0"], 5);
  const check = measure([node, bin, "check", example, "--from", "internet", "--to", "db", "--port", "5432"], 5);
  console.log(
    `CLI start-up: check on three-tier.palisade.json takes ${ratio(check, idle)} node -e 0 (target <= 3): ${check.ms.toFixed(0)} ms against ${idle.ms.toFixed(0)} ms`,
  );

  const region = join(dir, "region.palisade.json");
  writeFileSync(region, serializeDesign(generateRegion(REGION)));
  const parse = measure(
    [node, "-e", `JSON.parse(require("node:fs").readFileSync(${JSON.stringify(region)}, "utf8"))`],
    3,
  );
  console.log(
    `Region file: ${(statSync(region).size / 1e6).toFixed(1)} MB (${REGION.instances} instances, ${REGION.groups} groups, ${REGION.rules} rules); a process that only reads and parses it: ${parse.ms.toFixed(0)} ms, ${parse.mb.toFixed(0)} MB peak (the unit below)`,
  );
  const regionCheck = measure(
    [node, bin, "check", region, "--from", "internet", "--to", "i-000000", "--port", "443"],
    3,
  );
  console.log(
    `Region check, whole process: ${ratio(regionCheck, parse)} JSON.parse's process (target <= 1.5), ${(regionCheck.mb / parse.mb).toFixed(1)} x its peak memory (${regionCheck.mb.toFixed(0)} MB)`,
  );
  const groups = measure([node, bin, "flows", region, "--level", "group"], 1, undefined, true);
  console.log(
    `Region flows --level group, whole process: ${ratio(groups, parse)} JSON.parse's process (target <= 2), ${groups.mb.toFixed(0)} MB peak`,
  );
  // Node pairs are tens of millions here: the first two million rows show whether memory grows
  // with the output (the reader then closes the pipe, as `| head` does).
  const rows = 2_000_000;
  const streamed = measure([node, bin, "flows", region, "--json"], 1, `head -n ${rows} > /dev/null`, true);
  console.log(
    `Region flows --json, first ${rows.toLocaleString("en")} rows streamed: peak RSS ${streamed.mb.toFixed(0)} MB = ${(streamed.mb / regionCheck.mb).toFixed(2)} x check's on the same file (target <= 1.5), ${(streamed.ms / 1000).toFixed(1)} s`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
