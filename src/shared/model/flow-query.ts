// One question about traffic: can `from` reach `to` with this protocol and port? The editor's
// question panel, the simulation, `palisade check` and an assertions file all ask it; the API
// checks it with this schema at the boundary, and the engine answers it (engine/evaluate.ts).
import { z } from "zod";

export const FlowQuery = z.object({
  /** A node's id or name, or a literal IPv4/IPv6 address. */
  from: z.string().min(1).max(256),
  to: z.string().min(1).max(256),
  /** tcp, udp, icmp, icmpv6 or a protocol number (names and numbers are the same: "6" is tcp). */
  protocol: z.string().min(1).max(16),
  /** Destination port for tcp and udp. */
  port: z.number().int().min(0).max(65535).optional(),
  /** ICMP type and code for icmp/icmpv6; absent = an echo request (type 8, or 128 for icmpv6), code 0. */
  icmpType: z.number().int().min(-1).max(255).optional(),
  icmpCode: z.number().int().min(-1).max(255).optional(),
});
export type FlowQuery = z.infer<typeof FlowQuery>;
