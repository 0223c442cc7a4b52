import { describe, expect, it } from "vitest";
import { PROGRESS_KEY, readProgress, recordProgress } from "./progress";

function memory(initial?: string) {
  const data = new Map<string, string>(initial === undefined ? [] : [[PROGRESS_KEY, initial]]);
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe("lesson progress", () => {
  it("remembers the steps done and keeps a completed lesson completed", () => {
    const s = memory();
    recordProgress(s, "http-server", ["http", "https", "ssh"], true);
    recordProgress(s, "http-server", ["http"], false);
    expect(readProgress(s)["http-server"]).toEqual({ steps: ["http"], completed: true });
  });
  it.each(["not json", "[1,2]", '{"a": 5}', '{"a": {"steps": "x", "completed": true}}'])(
    "forgets damaged storage (%s) instead of failing",
    (raw) => {
      expect(readProgress(memory(raw))).toEqual({});
    },
  );
});
