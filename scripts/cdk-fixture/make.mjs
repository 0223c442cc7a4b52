// Makes the CDK fixture: installs aws-cdk-lib in a temporary folder, runs app.mjs there (app.synth()
// works offline: no AWS account, no lookups) and copies the cloud assembly it writes to
// src/shared/iac/cloudformation/fixtures/cdk.out. aws-cdk-lib is not a dependency of Palisade:
// only its output is. Run: node scripts/cdk-fixture/make.mjs
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Pinned, so that making the fixture again gives the same template.
const CDK = ["aws-cdk-lib@2.278.0", "constructs@10.8.1"];
const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "../../src/shared/iac/cloudformation/fixtures/cdk.out");

const work = mkdtempSync(join(tmpdir(), "palisade-cdk-"));
try {
  execFileSync("npm", ["init", "-y"], { cwd: work, stdio: "ignore" });
  execFileSync("npm", ["install", "--no-audit", "--no-fund", ...CDK], { cwd: work, stdio: "inherit" });
  copyFileSync(join(here, "app.mjs"), join(work, "app.mjs"));
  execFileSync("node", ["app.mjs", join(work, "cdk.out")], { cwd: work, stdio: "inherit" });
  rmSync(target, { recursive: true, force: true });
  execFileSync("mkdir", ["-p", target]);
  // validation-report.json is the synth-time linter's report, with this machine's paths in it.
  for (const name of readdirSync(join(work, "cdk.out")))
    if (name !== "validation-report.json") copyFileSync(join(work, "cdk.out", name), join(target, name));
  console.log(`wrote ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
