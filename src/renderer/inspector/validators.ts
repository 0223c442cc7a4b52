// Field checks with the model's own messages, so the inspector and a loaded file agree.
import { Resource } from "../../shared/model";
import { normalizeCidr } from "../../shared/net/normalize";

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

/**
 * One CIDR per line or comma, each as AWS takes it: with host bits set (10.0.0.5/16) it is its
 * network address (10.0.0.0/16), as import and the rule form store it, with a note that says so.
 */
export function readCidrList(text: string): { cidrs: string[]; notes: string[] } | { problem: string } {
  const items = splitList(text);
  if (items.length === 0) return { problem: "at least one CIDR is needed" };
  const cidrs: string[] = [];
  const notes: string[] = [];
  for (const c of items) {
    const read = normalizeCidr(c);
    if ("problem" in read) return { problem: read.problem };
    cidrs.push(read.cidr);
    if (read.note) notes.push(read.note);
  }
  return { cidrs, notes };
}

/** Why a CIDR list cannot be taken, or undefined when it can (host bits are a note, not a fault). */
export function validateCidrList(text: string): string | undefined {
  const read = readCidrList(text);
  return "problem" in read ? read.problem : undefined;
}

/** What a CIDR list becomes where AWS would store it differently from what was typed. */
export function cidrListNote(text: string): string | undefined {
  const read = readCidrList(text);
  return "problem" in read || read.notes.length === 0 ? undefined : read.notes.join("; ");
}

export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
