// The verification paths of an export as CloudFormation: an AWS::EC2::NetworkInsightsPath per
// intent and assertion and an AWS::EC2::NetworkInsightsAnalysis of each, whose NetworkPathFound
// the outputs set beside what the design expects.
import { BILLING_NOTE, INTERNET_SOURCE_IP, type PathEnd, type VerifyPlan } from "../verify";
import { getAtt, type Intrinsic, type LogicalIds, type Props, ref } from "./build";

const IGW = "InternetGatewayId";
const INTERNET_IP = "InternetSourceIp";

export interface VerifyParts {
  parameters: Props;
  resources: Props;
  outputs: Props;
  /** Template Metadata: the billing note and the checks not verifiable this way, with why. */
  metadata: Props;
}

/** `logicalIdOf` gives a design resource's logical id in the template. */
export function verifyParts(
  plan: VerifyPlan,
  ids: LogicalIds,
  logicalIdOf: (resourceId: string) => string,
): VerifyParts {
  const parameters: Props = {};
  if (plan.needsInternetGateway) {
    ids.take(IGW, "");
    ids.take(INTERNET_IP, "");
    parameters[IGW] = {
      Type: "String",
      Description: "Internet gateway of the VPC: where paths from or to the Internet start or end",
    };
    parameters[INTERNET_IP] = {
      Type: "String",
      Description: "An address on the Internet, standing for anyone there (any public address takes the same route)",
      Default: INTERNET_SOURCE_IP,
    };
  }
  const resources: Props = {};
  const outputs: Props = {};
  const end = (e: PathEnd): Intrinsic => ("resource" in e ? ref(logicalIdOf(e.resource.id)) : ref(IGW));
  const ip = (e: PathEnd) =>
    "internetGateway" in e ? (e.ip === INTERNET_SOURCE_IP ? ref(INTERNET_IP) : e.ip) : undefined;
  for (const path of plan.paths) {
    const pathId = ids.take(`Verify ${path.name}`, "Path");
    const analysisId = `${pathId.replace(/Path$/, "")}Analysis`;
    ids.take(analysisId, "");
    resources[pathId] = {
      Type: "AWS::EC2::NetworkInsightsPath",
      Properties: {
        Source: end(path.source),
        SourceIp: ip(path.source),
        Destination: end(path.destination),
        DestinationIp: ip(path.destination),
        Protocol: path.protocol,
        DestinationPort: path.port,
        Tags: [
          { Key: "Name", Value: path.name },
          { Key: "palisade:expect", Value: path.expect },
        ],
      },
    };
    resources[analysisId] = {
      Type: "AWS::EC2::NetworkInsightsAnalysis",
      Properties: { NetworkInsightsPathId: ref(pathId) },
    };
    outputs[`${analysisId}PathFound`] = {
      Description: `${path.name}: expected ${path.expect === "allow" ? "true (a path)" : "false (no path)"}`,
      Value: getAtt(analysisId, "NetworkPathFound"),
    };
  }
  // Metadata rather than the Description, which CloudFormation limits to 1,024 characters.
  const metadata: Props = {
    PalisadeVerify: {
      Billing: BILLING_NOTE,
      Paths: plan.paths.length,
      ...(plan.unverifiable.length
        ? { NotVerifiable: plan.unverifiable.map((u) => ({ Check: u.name, Reason: u.reason })) }
        : {}),
    },
  };
  return { parameters, resources, outputs, metadata };
}
