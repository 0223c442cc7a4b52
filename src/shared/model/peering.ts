// A rule that names a group across a VPC peering connection outlives the connection: AWS keeps
// it as a stale rule (describe-stale-security-groups lists them) that matches nothing, until
// someone removes it. The design keeps such a reference with the peering's status, so that the
// engine matches nothing for it, the explanation says why, and lint points at it.
import type { Peer, VpcPeering } from "./schema";

/** Peering states in which the connection no longer carries traffic between the VPCs. */
const GONE = new Set(["deleted", "deleting", "rejected", "failed", "expired"]);

/** The peering that makes a group reference stale, or undefined when the reference is live. */
export function stalePeering(peer: Peer): VpcPeering | undefined {
  return peer.kind === "group" && peer.peering && GONE.has(peer.peering.status) ? peer.peering : undefined;
}

/** Why a stale reference matches nothing, in AWS's words. */
export function staleReason(groupName: string, peering: VpcPeering): string {
  const connection = peering.connectionId ? ` ${peering.connectionId}` : "";
  return `group ${groupName} is referenced across VPC peering connection${connection}, whose status is ${peering.status}: the rule is stale and matches nothing`;
}
