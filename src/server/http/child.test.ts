import { describe, expect, it } from "vitest";
import { startHostProcess } from "./child";

describe("startHostProcess", () => {
  it("rejects with the host's own words when the host exits before serving", async () => {
    // serve.ts refuses a bad port (or a missing build) with exit 2 and a `palisade:` line on stderr.
    await expect(startHostProcess({ PALISADE_PORT: "not-a-port" })).rejects.toThrow(
      /the host stopped \(2\) before serving: palisade: /,
    );
  });
});
