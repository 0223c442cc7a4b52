// Every input of ../shared/corpus drawn at both levels, as `palisade draw` draws it (with the
// values its expectations give, as the corpus harness reads it): no line through a box it does
// not connect, no label over a box or another label.
import { describe, expect, it } from "vitest";
import { diagramMetrics, diagramOf } from "../../shared/diagram";
import { corpusCases, loadCorpus } from "../testing/corpus";

const cases = corpusCases();

describe.skipIf(cases.length === 0)("the corpus, drawn", () => {
  for (const { sources, expectation } of cases)
    it(`draws ${sources.join(" + ")} with no line through a box and no label over another`, async () => {
      const loaded = await loadCorpus(sources, expectation);
      // What the readers refuse is theirs to report (the corpus expectations): nothing to draw.
      if ("refused" in loaded) return;
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

it.runIf(cases.length === 0)("skips the corpus: ../shared/corpus is not here", () => {
  expect(cases).toEqual([]);
});
