import { describe, expect, it } from "vitest";
import example from "../../../examples/three-tier.palisade.json";
import { reachabilityMatrix } from "../../shared/engine/reachability";
import { validateDesign } from "../../shared/model";
import { matrixTable } from "./matrix";

const threeTier = validateDesign(example);

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
