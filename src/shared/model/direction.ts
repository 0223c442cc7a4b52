// Which way a rule filters: ingress rules filter traffic arriving at a member, egress rules
// traffic leaving it (AWS's own words, and the names of a group's two rule lists).
export const DIRECTIONS = ["ingress", "egress"] as const;
export type Direction = (typeof DIRECTIONS)[number];
