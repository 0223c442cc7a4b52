import { describe, expect, it } from "vitest";
import { groupNamed, matchGroups } from "./groupMatch";

const groups = [
  { id: "sg-web", name: "web" },
  { id: "sg-10", name: "svc-10" },
  { id: "sg-2", name: "svc-2" },
  { id: "sg-1", name: "svc-1" },
  { id: "sg-db", name: "database" },
  { id: "sg-webhooks", name: "hooks" },
];

describe("matchGroups", () => {
  it("puts an exact name first, then names that start with the text, then the rest, in natural order", () => {
    expect(matchGroups(groups, "svc-1").shown.map((g) => g.name)).toEqual(["svc-1", "svc-10"]);
    expect(matchGroups(groups, "SVC").shown.map((g) => g.name)).toEqual(["svc-1", "svc-2", "svc-10"]);
    expect(matchGroups(groups, "web").shown.map((g) => g.name)).toEqual(["web", "hooks"]);
  });

  it("finds a group by its id too, and says how many matched beyond those shown", () => {
    expect(matchGroups(groups, "sg-db").shown).toEqual([{ id: "sg-db", name: "database" }]);
    const many = Array.from({ length: 300 }, (_, i) => ({ id: `sg-${i}`, name: `svc-${i}` }));
    const { shown, total } = matchGroups(many, "svc", 50);
    expect(shown).toHaveLength(50);
    expect(total).toBe(300);
    expect(shown[0]?.name).toBe("svc-0");
  });

  it("matches nothing that does not contain the text", () => {
    expect(matchGroups(groups, "cache")).toEqual({ shown: [], total: 0 });
  });
});

describe("groupNamed", () => {
  it("names a group by its exact id or its one exact name, ignoring case and spaces around", () => {
    expect(groupNamed(groups, " SG-WEB ")?.id).toBe("sg-web");
    expect(groupNamed(groups, "Database")?.id).toBe("sg-db");
    expect(groupNamed(groups, "svc")).toBeUndefined();
  });

  it("names none where two groups share the name (groups of two VPCs may)", () => {
    expect(groupNamed([...groups, { id: "sg-web-2", name: "web" }], "web")).toBeUndefined();
  });
});
