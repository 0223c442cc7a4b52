import { describe, expect, it } from "vitest";
import type { Finding } from "../shared/engine/types";
import { toSarif } from "./sarif";

const finding: Finding = {
  code: "ssh-open-to-world",
  severity: "high",
  title: "SSH open to the Internet",
  message: "web inbound rule 1, tcp 22 from 0.0.0.0/0 opens SSH",
  groupId: "sg-web",
  direction: "ingress",
  ruleIndex: 0,
};

describe("toSarif", () => {
  it("maps severities to levels, places results and lists each rule once", () => {
    const low: Finding = { ...finding, code: "group-without-members", severity: "low", title: "unused", message: "m" };
    const sarif = toSarif(
      [finding, finding, low],
      () => ({ file: "infra/my stack.yaml", line: 3, column: 5 }),
      "1.2.3",
    );
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ["ssh-open-to-world", "error"],
      ["group-without-members", "note"],
    ]);
    expect(run.results[0]).toMatchObject({
      ruleId: "ssh-open-to-world",
      level: "error",
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "infra/my%20stack.yaml" },
            region: { startLine: 3, startColumn: 5 },
          },
          logicalLocations: [{ kind: "module", fullyQualifiedName: "sg-web/ingress[0]" }],
        },
      ],
    });
  });

  it("an absolute path becomes a file URI; an unknown place leaves only the logical location", () => {
    const [absolute] = toSarif([finding], () => ({ file: "/tmp/a b.json" }), "1").runs[0]!.results;
    expect(absolute?.locations[0]?.physicalLocation?.artifactLocation.uri).toBe("file:///tmp/a%20b.json");
    const [nowhere] = toSarif([finding], () => undefined, "1").runs[0]!.results;
    expect(nowhere?.locations[0]).not.toHaveProperty("physicalLocation");
  });
});
