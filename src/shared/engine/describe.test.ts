import { describe, expect, it } from "vitest";
import { describeFlowService, describeService } from "./describe";

describe("describeFlowService", () => {
  it("says a flow's service as describeService says a rule's", () => {
    expect(describeFlowService({ protocol: "tcp", fromPort: 22, toPort: 22 })).toBe("tcp 22");
    expect(describeFlowService({ protocol: "udp", fromPort: 8000, toPort: 8080 })).toBe("udp 8000-8080");
    expect(describeFlowService({ protocol: "-1" })).toBe(describeService({ protocol: "-1" }));
  });

  it("reads ICMP's type and code from the flow's own fields, not its ports", () => {
    expect(describeFlowService({ protocol: "icmp", icmpType: 8, icmpCode: -1 })).toBe("icmp type 8");
    expect(describeFlowService({ protocol: "icmpv6", icmpType: 128, icmpCode: 0 })).toBe("icmpv6 type 128 code 0");
    expect(describeFlowService({ protocol: "icmp", icmpType: -1 })).toBe("icmp all");
  });
});
