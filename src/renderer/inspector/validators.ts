// Field checks with the model's own messages, so the inspector and a loaded file agree.
import { Resource } from "../../shared/model";
import { cidrProblem } from "../../shared/net/address";

const optional = (check: (t: string) => string | undefined) => (text: string) =>
  text.trim() === "" ? undefined : check(text.trim());

function fieldOf(key: "privateIpv4" | "ipv6" | "publicIpv4" | "name") {
  const schema = Resource.shape[key];
  return (text: string) => {
    const r = schema.safeParse(text);
    return r.success ? undefined : `"${text}" ${r.error.issues[0]?.message ?? "is not valid"}`;
  };
}

export const validateIpv4 = optional(fieldOf("privateIpv4"));
export const validateIpv6 = optional(fieldOf("ipv6"));
export const validatePublicIpv4 = optional(fieldOf("publicIpv4"));
export const validateName = (text: string) =>
  text.trim() === "" ? "a name is needed" : text.length > 255 ? "is longer than 255 characters" : undefined;
export const validateDescription = (text: string) =>
  text.length > 255 ? "is longer than 255 characters (AWS's limit)" : awsTextProblem(text);

/**
 * AWS takes only these characters in a group's name and description and in a rule's description
 * (CreateSecurityGroup, AuthorizeSecurityGroupIngress): anything else fails at deploy time.
 */
const AWS_TEXT = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;

export function awsTextProblem(text: string): string | undefined {
  if (AWS_TEXT.test(text)) return undefined;
  const bad = [...text].find((c) => !AWS_TEXT.test(c));
  return `"${bad}" is not allowed here: AWS takes letters a-z and A-Z, digits, spaces and ._-:/()#,@[]+=&;{}!$*`;
}

/** One CIDR per line or comma; every one must be valid. */
export function validateCidrList(text: string): string | undefined {
  const items = splitList(text);
  if (items.length === 0) return "at least one CIDR is needed";
  for (const c of items) {
    const problem = cidrProblem(c);
    if (problem) return problem;
  }
  return undefined;
}

export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
