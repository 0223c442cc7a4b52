// Every input of ../shared/corpus drawn at both levels, as `palisade draw` draws it: no line
// through a box it does not connect, no label over a box or another label.
import { describe, expect, it } from "vitest";
import { loadPaths } from "../../server/load";
import { diagramMetrics, diagramOf } from "../../shared/diagram";
import { InputError } from "../../shared/model";
import { corpusInputs } from "../testing/corpus";

const inputs = corpusInputs();

describe.skipIf(inputs.length === 0)("the corpus, drawn", () => {
  for (const input of inputs)
    it(`draws ${input.name} with no line through a box and no label over another`, async () => {
      let loaded: Awaited<ReturnType<typeof loadPaths>>;
      try {
        loaded = await loadPaths(input.paths);
      } catch (e) {
        // What the readers refuse is theirs to report (the corpus expectations): nothing to draw.
        if (e instanceof InputError) return;
        throw e;
      }
      for (const level of ["node", "group"] as const) {
        const m = diagramMetrics(diagramOf(loaded.design, { level }));
        expect({ level, through: m.edgesThroughBoxes, labels: m.overlappingLabels }).toEqual({
          level,
          through: 0,
          labels: 0,
        });
      }
    });
});

it.runIf(inputs.length === 0)("skips the corpus: ../shared/corpus is not here", () => {
  expect(inputs).toEqual([]);
});
