import { describe, expect, it } from "vitest";
import css from "./styles.css?raw";

/** The custom properties declared in the first block that follows `selector`. */
function variables(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  expect(start, `${selector} is in styles.css`).toBeGreaterThanOrEqual(0);
  const open = css.indexOf("{", start);
  const body = css.slice(open + 1, css.indexOf("}", open));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], (m[2] ?? "").trim()]));
}

describe("themes", () => {
  it("the system's dark theme and the chosen dark theme declare the same palette", () => {
    const system = variables(':root:not([data-theme="light"])');
    const chosen = variables(':root[data-theme="dark"]');
    expect(Object.keys(system).length).toBeGreaterThan(10);
    expect(chosen).toEqual(system);
  });
});
