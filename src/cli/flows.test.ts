// palisade flows at every level, with filters, run in-process on real files; and a region-sized
// answer written in chunks as it is expanded, each waiting for the reader.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRegion } from "../../bench/generate";
import { serializeDesign } from "../shared/model";
import { main } from "./main";
import { CORPUS } from "./testing/corpus";
import { root } from "./testing/spawn";

const example = join(root, "examples/three-tier.palisade.json");
const completeModule = join(CORPUS, "terraform/terraform-aws-security-group/examples/complete");
let dir = "";

async function flows(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let drains = 0;
  const code = await main(["flows", ...args], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    drain: async () => {
      drains++;
    },
  });
  const text = out.join("\n");
  return { code, text, rows: text === "" ? [] : text.split("\n"), writes: out.length, drains, err: err.join("\n") };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "palisade-flows-"));
  writeFileSync(
    join(dir, "region.palisade.json"),
    serializeDesign(generateRegion({ instances: 600, groups: 60, rules: 600 })),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("palisade flows", () => {
  it("--level group: one row per pair of groups, with member and node pair counts", async () => {
    const r = await flows(example, "--level", "group");
    expect(r.code).toBe(0);
    expect(r.rows).toContain("sg-app (app) [2 members] -> sg-db (db) [1 member]: tcp 5432 (2 node pairs)");
    expect(r.rows).toContain("Internet (internet) -> sg-alb (alb) [1 member]: tcp 80, 443 (1 node pair)");
    expect(r.rows.some((row) => row.startsWith("app-1"))).toBe(false);
  });

  // terraform-aws-security-group's examples/complete is a module of rules only: its groups have no
  // member, and each shows what its own rules open. Read from main.tf: complete_sg admits
  // ingress_cidr_blocks (10.10.0.0/16) on https-443 and ssh (computed_ingress_rules), and
  // postgresql from 0.0.0.0/0, which covers that range too; from the Internet only postgresql.
  it.runIf(existsSync(completeModule))(
    "--level group: a module of rules only lists what its groups' rules open, said rules only",
    async () => {
      const r = await flows(completeModule, "--level", "group");
      expect(r.code).toBe(0);
      expect(r.rows).toContain(
        "ingress_cidr_blocks -> sg-module.complete_sg.this_name_prefix-0 (complete-sg-) [0 members]: tcp 22, 443, 5432 (rules only: no member carries the group yet)",
      );
      expect(r.rows).toContain(
        "Internet (internet) -> sg-module.complete_sg.this_name_prefix-0 (complete-sg-) [0 members]: tcp 5432 (rules only: no member carries the group yet)",
      );
      const json = (await flows(completeModule, "--level", "group", "--json")).rows.map((row) => JSON.parse(row));
      expect(json).toContainEqual(
        expect.objectContaining({
          from: "ingress_cidr_blocks",
          to: "sg-module.complete_sg.this_name_prefix-0",
          label: "tcp 22, 443, 5432",
          pairs: 0,
          rulesOnly: true,
        }),
      );
      // Every row is the rules' own: no group has a member.
      expect(json.every((f) => f.rulesOnly === true)).toBe(true);
      // --from and --to keep them as they keep members' flows: the group by name, a party by name.
      const from = await flows(completeModule, "--level", "group", "--from", "Internet", "--to", "complete-sg-");
      expect(from.rows).toEqual([
        "Internet (internet) -> sg-module.complete_sg.this_name_prefix-0 (complete-sg-) [0 members]: tcp 5432 (rules only: no member carries the group yet)",
      ]);
      // Node level is untouched: no member, no node pair.
      expect((await flows(completeModule)).rows).toEqual(["No permitted flows."]);
    },
  );

  it("--level class: nodes no rule tells apart are one row, with their count", async () => {
    const r = await flows(example, "--level", "class", "--json");
    const rows = r.rows.map((row) => JSON.parse(row));
    expect(rows).toContainEqual({
      from: expect.objectContaining({ members: 2, first: "app-1" }),
      to: expect.objectContaining({ members: 1, first: "db" }),
      label: "tcp 5432",
      pairs: 2,
    });
    const text = await flows(example, "--level", "class");
    expect(text.rows).toContain("app-1 and 1 like it -> db: tcp 5432 (2 node pairs)");
  });

  it("--from and --to take names and ids as check does, and a group's name at group level", async () => {
    const r = await flows(example, "--from", "APP-1", "--to", "db");
    expect(r.rows).toEqual(["app-1 -> db: tcp 5432 (IPv4 only)"]);
    const group = await flows(example, "--level", "group", "--from", "alb");
    expect(group.rows).toEqual(["sg-alb (alb) [1 member] -> sg-app (app) [2 members]: tcp 8080 (2 node pairs)"]);
  });

  it("--from an address keeps the nodes whose addresses hold it", async () => {
    const r = await flows(example, "--from", "198.51.100.7", "--to", "app-2");
    expect(r.rows).toEqual(["Office (office) -> app-2: tcp 22 (IPv4 only)"]);
  });

  it("--from a name that is no node is bad input naming it", async () => {
    const r = await flows(example, "--from", "nosuch");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no node is named "nosuch"/);
  });

  it("a selection with no flow says so", async () => {
    const r = await flows(example, "--from", "db", "--to", "internet");
    expect(r.rows).toEqual(["No permitted flows."]);
  });

  it("a large answer goes out in chunks as it is expanded, each waiting for the reader", async () => {
    const r = await flows(join(dir, "region.palisade.json"), "--json");
    expect(r.rows.length).toBeGreaterThan(50_000);
    expect(r.writes).toBeGreaterThan(10);
    expect(r.drains).toBe(r.writes);
    const first = JSON.parse(r.rows[0] as string);
    expect(first).toEqual(expect.objectContaining({ from: expect.any(String), to: expect.any(String) }));
    // Every row once: no pair is written twice when the held rows are let go.
    expect(new Set(r.rows.map((row) => JSON.parse(row).id)).size).toBe(r.rows.length);
  });
});
