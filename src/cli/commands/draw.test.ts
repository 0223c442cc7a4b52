// `palisade draw` as a user runs it (spawned), on the examples and on Terraform read in place.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, spawnPalisade } from "../testing/spawn";

let dir = "";
const palisade = (...args: string[]) => spawnPalisade(dir, args);
const example = (name: string) => join(root, "examples", name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "palisade-draw-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("palisade draw", () => {
  it("writes an SVG with a data-node group per node and a data-edge path per drawn flow", async () => {
    const run = await palisade("draw", example("three-tier.palisade.json"), "-o", "three-tier.svg");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const svg = readFileSync(join(dir, "three-tier.svg"), "utf8");
    const nodes = [...svg.matchAll(/<g data-node="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(nodes).toEqual(["alb", "app-1", "app-2", "db", "internet", "office"]);
    expect(svg).toContain('data-edge="alb-&gt;app-1" data-from="alb" data-to="app-1"');
    // Default egress is a marker on the node, not lines to the Internet; --outbound draws them.
    expect(svg).not.toContain('data-to="internet"');
    expect(svg).toContain('data-outbound="app-1"');
    await palisade("draw", example("three-tier.palisade.json"), "-o", "all.svg", "--outbound");
    expect(readFileSync(join(dir, "all.svg"), "utf8")).toContain('data-from="app-1" data-to="internet"');
  });

  it("writes a PNG without a browser, and the group level with --level group", async () => {
    const run = await palisade("draw", example("three-tier.palisade.json"), "-o", "groups.png", "--level", "group");
    expect(run.code).toBe(0);
    const png = readFileSync(join(dir, "groups.png"));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Width and height from the IHDR chunk: a real picture, not an empty one.
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000);
    expect(png.readUInt32BE(20)).toBeGreaterThan(200);
  });

  it("draws any importable file (Terraform), laid out by tier", async () => {
    const tf = join(root, "src/shared/iac/terraform/golden/three-tier");
    const run = await palisade("draw", tf, "-o", "tf.svg");
    expect(run.code).toBe(0);
    const svg = readFileSync(join(dir, "tf.svg"), "utf8");
    expect(svg.match(/<g data-node=/g)?.length).toBeGreaterThan(3);
    expect(svg).toContain("Reached from the Internet");
  });

  it("refuses an output that is neither .svg nor .png, and a missing -o, with exit 2", async () => {
    const wrong = await palisade("draw", example("http-server.palisade.json"), "-o", "diagram.pdf");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("must end in .svg or .png");
    const missing = await palisade("draw", example("http-server.palisade.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--output is required");
  });
});
