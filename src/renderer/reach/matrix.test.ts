import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reachabilityMatrix } from "../../shared/engine/reachability";
import { parseDesign } from "../../shared/model";
import { matrixTable } from "./matrix";

const threeTier = parseDesign(readFileSync("examples/three-tier.palisade.json", "utf8"));

describe("matrixTable", () => {
  it("has a row per sender and a column per receiver, with each pair's label", () => {
    const t = matrixTable(reachabilityMatrix(threeTier, { protocol: "tcp", port: 5432 }));
    expect(t.columns.map((n) => n.id)).toContain("db");
    expect(t.rows.map((n) => n.id)).not.toContain("internet");
    expect(t.cell("app-1", "db")?.label).toBe("tcp 5432");
    expect(t.cell("internet", "db")).toBeUndefined();
    expect(t.hidden).toBe(0);
  });
});
