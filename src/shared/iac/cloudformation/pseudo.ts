// CloudFormation's pseudo parameters (AWS::Region, AWS::AccountId, ...) are known only where a
// stack is deployed, so an import takes a chosen region and account: given like parameters
// (`--param AWS::Region=eu-west-1`), else the defaults below, which a warning states wherever the
// template uses one.

/** The region and account an import assumes when none is given: AWS's documentation account. */
export const PSEUDO_DEFAULTS: Readonly<Record<string, string>> = {
  "AWS::Region": "us-east-1",
  "AWS::AccountId": "123456789012",
  "AWS::StackName": "stack",
};

/** AWS::NoValue: removes the property or list item it stands in. */
export const NO_VALUE: unique symbol = Symbol("AWS::NoValue");

export type PseudoValue = { value: unknown } | { unresolved: string };

/** Pseudo parameters as a template reads them, remembering which defaults were used (for the warning). */
export class PseudoParameters {
  /** The defaults an import took (AWS::Region, AWS::AccountId...), by name. */
  readonly defaultsUsed = new Set<string>();
  constructor(private readonly given: Readonly<Record<string, string>> = {}) {}

  private chosen(name: string): string {
    const given = this.given[name];
    if (given !== undefined) return given;
    this.defaultsUsed.add(name);
    return PSEUDO_DEFAULTS[name] as string;
  }

  get region(): string {
    return this.chosen("AWS::Region");
  }

  /** The value of `name` (an AWS:: name), or undefined when it is no pseudo parameter. */
  value(name: string): PseudoValue | undefined {
    switch (name) {
      case "AWS::Region":
      case "AWS::AccountId":
      case "AWS::StackName":
        return { value: this.chosen(name) };
      case "AWS::Partition": {
        const region = this.region;
        return { value: region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws" };
      }
      case "AWS::URLSuffix":
        return { value: this.region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com" };
      case "AWS::NoValue":
        return { value: NO_VALUE };
      case "AWS::NotificationARNs":
        return { value: this.given[name]?.split(",") ?? [] };
      case "AWS::StackId":
        return this.given[name] !== undefined
          ? { value: this.given[name] }
          : { unresolved: "AWS::StackId is only known when the stack is created" };
      default:
        return undefined;
    }
  }

  /** Availability zones of a region for Fn::GetAZs: AWS's names vary by account, so a, b and c are assumed. */
  zones(region: string): string[] {
    this.defaultsUsed.add("Fn::GetAZs");
    return ["a", "b", "c"].map((z) => `${region}${z}`);
  }
}
