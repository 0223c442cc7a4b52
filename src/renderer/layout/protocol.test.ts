import { describe, expect, it } from "vitest";
import threeTier from "../../../examples/three-tier.palisade.json";
import { permittedFlows } from "../../shared/engine";
import { validateDesign } from "../../shared/model";
import { answerLayout } from "./protocol";
import { layoutInput } from "./tiers";

describe("the layout worker's answer", () => {
  const design = validateDesign(threeTier);
  const input = layoutInput(design, permittedFlows(design), new Map());

  it("places every node it is sent, under the request's seq, in tiers left to right", () => {
    const reply = answerLayout({ seq: 7, ...input });
    if (!("positions" in reply)) throw new Error(reply.error);
    expect(reply.seq).toBe(7);
    expect(reply.positions.map((p) => p.id).sort()).toEqual(input.nodes.map((n) => n.id).sort());
    const x = (id: string) => reply.positions.find((p) => p.id === id)?.position.x ?? Number.NaN;
    expect(x("internet")).toBeLessThan(x("alb"));
    expect(x("alb")).toBeLessThan(x("db"));
  });

  it("survives the structured clone a worker message goes through (plain data both ways)", () => {
    const request = structuredClone({ seq: 1, ...input });
    const reply = answerLayout(request);
    expect(structuredClone(reply)).toEqual(reply);
    expect(reply).toEqual(answerLayout({ seq: 1, ...input }));
  });

  it("sends only the ends of each flow, not its rules", () => {
    expect(Object.keys(input.flows[0] ?? {}).sort()).toEqual(["from", "to"]);
  });

  it("answers a layout that throws with an error under its seq, rather than no answer", () => {
    // A node list that is not one (what a bad message would carry) makes the layout throw.
    const reply = answerLayout({ seq: 3, nodes: null as never, flows: [] });
    expect(reply).toMatchObject({ seq: 3, error: expect.any(String) });
  });
});
