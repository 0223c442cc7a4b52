// Export and re-import speed of Terraform and CloudFormation, for `npm run bench`.
// Reported in milliseconds and as a ratio to `unit` (the run's JSON.parse of the design), since
// these shared machines are noisy and ratios travel better than times.
import { performance } from "node:perf_hooks";
import { parseHcl } from "../src/server/hcl";
import { importCloudFormation, toCloudFormation } from "../src/shared/iac/cloudformation";
import { importTerraform, toTerraform } from "../src/shared/iac/terraform";
import type { Design } from "../src/shared/model";

async function time<T>(f: () => T | Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = await f();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, value: value as T };
}

/** Measures each step on `design`, printing one line per step. */
export async function benchIac(design: Design, unit: number): Promise<void> {
  const report = (name: string, ms: number, size?: number) => {
    const extra = size === undefined ? "" : `, ${(size / 1e6).toFixed(1)} MB`;
    console.log(
      `${name.padEnd(34)} ${ms.toFixed(1).padStart(9)} ms  ${(ms / unit).toFixed(1).padStart(7)} x parse${extra}`,
    );
  };
  const tf = await time(() => toTerraform(design, { layout: "split" }));
  report(
    "terraform export",
    tf.ms,
    tf.value.reduce((n, f) => n + f.text.length, 0),
  );
  const hcl = await time(
    () => Promise.all(tf.value.map(async (f) => ({ ...f, hcl: await parseHcl(f.name, f.text) }))),
    1,
  );
  report("terraform parse (hcl2json, wasm)", hcl.ms);
  const tfImport = await time(() => importTerraform(hcl.value), 1);
  report("terraform import", tfImport.ms);
  for (const format of ["yaml", "json"] as const) {
    const cf = await time(() => toCloudFormation(design, format));
    report(`cloudformation export (${format})`, cf.ms, cf.value.text.length);
    const back = await time(() => importCloudFormation(cf.value), 1);
    report(`cloudformation import (${format})`, back.ms);
  }
}
