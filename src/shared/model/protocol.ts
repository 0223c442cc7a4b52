// Protocol names and numbers are the same thing to AWS: "6" is tcp, "17" udp, "1" icmp, "58" icmpv6.

export const PROTOCOL_NUMBERS: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58 };
const NAMES: Record<number, string> = { 6: "tcp", 17: "udp", 1: "icmp", 58: "icmpv6" };

/**
 * The canonical spelling of a protocol: tcp, udp, icmp, icmpv6, -1, or a decimal number.
 * Accepts any case, numbers, "all" and "any" (as consoles and CLIs write them). Returns
 * undefined for anything else.
 */
export function normalizeProtocol(input: string | number): string | undefined {
  // The common case, already canonical, without allocating.
  if (input === "tcp" || input === "udp" || input === "-1" || input === "icmp" || input === "icmpv6") return input;
  const text = String(input).trim().toLowerCase();
  if (text === "-1" || text === "all" || text === "any") return "-1";
  if (text in PROTOCOL_NUMBERS) return text;
  if (/^\d{1,3}$/.test(text)) {
    const n = Number(text);
    if (n > 255) return undefined;
    return NAMES[n] ?? String(n);
  }
  return undefined;
}

export function protocolNumber(protocol: string): number {
  return protocol === "-1" ? -1 : (PROTOCOL_NUMBERS[protocol] ?? Number(protocol));
}

/** Whether the protocol has ports (tcp, udp) or ICMP type/code (icmp, icmpv6) in its rules. */
export function hasPorts(protocol: string): boolean {
  return protocol === "tcp" || protocol === "udp";
}
export function isIcmp(protocol: string): boolean {
  return protocol === "icmp" || protocol === "icmpv6";
}
