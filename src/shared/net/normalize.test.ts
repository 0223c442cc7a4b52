import { describe, expect, it } from "vitest";
import { normalizeCidr } from "./normalize";

describe("normalizeCidr: a CIDR as AWS stores it", () => {
  it.each([
    ["192.168.1.0/0", "0.0.0.0/0", "192.168.1.0/0 has host bits set; AWS stores it as 0.0.0.0/0: open to the world"],
    ["10.0.0.5/16", "10.0.0.0/16", "10.0.0.5/16 has host bits set; AWS stores it as 10.0.0.0/16"],
    ["2.2.2.2/28", "2.2.2.0/28", "2.2.2.2/28 has host bits set; AWS stores it as 2.2.2.0/28"],
    ["2001:db8::1/32", "2001:db8::/32", "2001:db8::1/32 has host bits set; AWS stores it as 2001:db8::/32"],
    ["2001:db8::1/0", "::/0", "2001:db8::1/0 has host bits set; AWS stores it as ::/0: open to the world"],
  ])("%s becomes %s, with a note", (written, cidr, note) => {
    expect(normalizeCidr(written)).toEqual({ cidr, note });
  });

  it("a CIDR without host bits is kept as written, without a note", () => {
    expect(normalizeCidr("10.0.0.0/16", 4)).toEqual({ cidr: "10.0.0.0/16" });
  });

  it.each([
    ["10.0.0.300/24", 4, /not an IPv4 or IPv6 address/],
    ["10.0.0.0/33", 4, /bad prefix length/],
    ["10.0.0.1", 4, /no prefix length/],
    ["2001:db8::1/64", 4, /IPv6 CIDR where an IPv4 CIDR is expected/],
  ] as const)("%s stays a problem: only host bits are forgiven", (text, family, problem) => {
    const result = normalizeCidr(text, family);
    expect("problem" in result && result.problem).toMatch(problem);
  });
});
