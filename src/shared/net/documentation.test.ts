import { describe, expect, it } from "vitest";
import { isPlaceholderCidr } from "./documentation";

describe("isPlaceholderCidr", () => {
  it.each([
    ["203.0.113.10/32", true],
    ["198.51.100.0/24", true],
    ["192.0.2.7/32", true],
    ["2001:db8::1/128", true],
    ["3fff:1::/48", true],
  ])("%s is a documentation address", (cidr, expected) => expect(isPlaceholderCidr(cidr)).toBe(expected));

  it.each([
    ["0.0.0.0/0"],
    ["81.2.69.160/32"],
    ["203.0.112.0/23"], // wider than the reserved /24: real addresses too
    ["10.0.0.0/8"],
    ["2001:db9::/32"],
    ["not a cidr"],
  ])("%s is not a placeholder", (cidr) => expect(isPlaceholderCidr(cidr)).toBe(false));
});
