import { describe, expect, it } from "vitest";
import { has, label, type Probe, serviceOfRule } from "../services";
import { subtract } from "./subtract";

const set = (protocol: string, fromPort?: number, toPort?: number) => serviceOfRule({ protocol, fromPort, toPort });

describe("subtract", () => {
  it.each<[string, ReturnType<typeof set>, ReturnType<typeof set>, string]>([
    ["a port range loses its middle", set("tcp", 80, 90), set("tcp", 85, 85), "tcp 80-84, 86-90"],
    ["a range minus a wider one is nothing", set("tcp", 80, 90), set("tcp", 0, 65535), ""],
    ["another protocol is untouched", set("udp", 53, 53), set("tcp", 53, 53), "udp 53"],
    ["all traffic minus anything is nothing", set("tcp", 22, 22), set("-1"), ""],
  ])("%s", (_, a, b, expected) => {
    expect(label(subtract(a, b).set)).toBe(expected);
  });

  it.each<[string, Probe, boolean]>([
    ["echo code 0 was already there", { protocol: "icmp", icmpType: 8, icmpCode: 0 }, false],
    ["echo code 1 is new", { protocol: "icmp", icmpType: 8, icmpCode: 1 }, true],
    ["another type is new", { protocol: "icmp", icmpType: 3, icmpCode: 0 }, true],
  ])("every ICMP type minus echo code 0: %s", (_, probe, expected) => {
    expect(has(subtract(set("icmp", -1, -1), set("icmp", 8, 0)).set, probe)).toBe(expected);
  });

  it("all traffic minus tcp 443 keeps every other protocol and port, and says so", () => {
    const d = subtract(set("-1"), set("tcp", 443, 443));
    expect(label(d.except ?? set("tcp", 0, 0))).toBe("tcp 443");
    for (const [probe, expected] of [
      [{ protocol: "tcp", port: 443 }, false],
      [{ protocol: "tcp", port: 444 }, true],
      [{ protocol: "udp", port: 443 }, true],
      [{ protocol: "50" }, true],
      [{ protocol: "icmpv6", icmpType: 128, icmpCode: 0 }, true],
    ] as const)
      expect(has(d.set, probe), JSON.stringify(probe)).toBe(expected);
  });
});
