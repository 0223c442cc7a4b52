import { describe, expect, it } from "vitest";
import { designFileName } from "./download";

describe("designFileName", () => {
  it.each([
    ["Three tiers", "three-tiers.palisade.json"],
    ["  ", "design.palisade.json"],
    ["Prod / EU (v2)", "prod-eu-v2.palisade.json"],
  ])("%j -> %j", (name, file) => expect(designFileName(name)).toBe(file));
});
