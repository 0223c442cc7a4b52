import { describe, expect, it } from "vitest";
import {
  awsTextProblem,
  cidrListNote,
  readCidrList,
  splitList,
  validateCidrList,
  validateDescription,
  validateIpv4,
  validateIpv6,
  validateName,
} from "./validators";

describe("inspector validators", () => {
  it.each([
    [validateIpv4, "10.0.1.5", undefined],
    [validateIpv4, "", undefined],
    [validateIpv4, "10.0.1", /not an IPv4 address/],
    [validateIpv4, "10.0.0.0/8", /not an IPv4 address/],
    [validateIpv6, "2001:db8::5", undefined],
    [validateIpv6, "10.0.0.1", /not an IPv6 address/],
    [validateName, "  ", /name is needed/],
    [validateCidrList, "10.0.0.0/8, ::/0", undefined],
    // Host bits are what AWS stores as the network address: a note, not a fault (issue 11).
    [validateCidrList, "10.0.0.1/8", undefined],
    [validateCidrList, "10.0.0.0/33", /./],
    [validateCidrList, "", /at least one/],
    [validateDescription, "HTTPS from the office (10.0.0.0/8) #1", undefined],
    [validateDescription, "Caf\u00e9 admins", /"\u00e9" is not allowed here/],
    [validateDescription, "admin's <box>", /"'" is not allowed here/],
    [awsTextProblem, "web-1: [a+b]=c; {x}!$*@&", undefined],
  ] as const)("%o(%j)", (check, text, expected) => {
    const message = check(text);
    if (expected === undefined) expect(message).toBeUndefined();
    else expect(message).toMatch(expected);
  });
  it("splits CIDR lists on commas and whitespace", () => {
    expect(splitList(" 10.0.0.0/8,\n::/0  1.2.3.0/24 ")).toEqual(["10.0.0.0/8", "::/0", "1.2.3.0/24"]);
  });
});

describe("an external party's CIDRs as AWS stores them", () => {
  it("keeps the network address of a CIDR with host bits and says what it became", () => {
    expect(readCidrList("203.0.113.7/24, 10.0.0.0/8")).toEqual({
      cidrs: ["203.0.113.0/24", "10.0.0.0/8"],
      notes: [expect.stringContaining("203.0.113.0/24")],
    });
    expect(cidrListNote("192.168.1.0/0")).toMatch(/0\.0\.0\.0\/0.*open to the world/);
    expect(cidrListNote("10.0.0.0/8")).toBeUndefined();
    expect(readCidrList("10.0.0.0/33")).toHaveProperty("problem");
  });
});
