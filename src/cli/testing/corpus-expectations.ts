// The expectations file of a corpus input (HELPERS.md: one format for issues 11 and 12):
// corpus-expectations/<path under shared/corpus>.yaml, written by reading the source.
import { load } from "js-yaml";
import { z } from "zod";

const Flow = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  protocol: z.string().default("tcp"),
  port: z.number().int().min(0).max(65535).optional(),
  icmpType: z.number().int().optional(),
  icmpCode: z.number().int().optional(),
  /**
   * "group": an end names a security group that no resource carries, standing for a member that
   * carries only that group (as `check` takes it): the flows of a module's groups and rules, with
   * nothing in the files to put them on. The harness checks that an end is such a group.
   */
  level: z.literal("group").optional(),
  /**
   * Only one side's rules are asked: the source's outbound ("egress") or the target's inbound
   * ("ingress"). For a group whose other side the files do not hold (a placeholder for a group given
   * as a variable, a group whose egress the author left to another file); the whole flow, where
   * it is known, is listed beside it without `side`.
   */
  side: z.enum(["egress", "ingress"]).optional(),
});
export type ExpectedFlow = z.infer<typeof Flow>;

export const CorpusExpectation = z.strictObject({
  /** A file or folder under shared/corpus, or several read together (one account's describe-* outputs). */
  source: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** Terraform values (as --var) and CloudFormation parameters (as --param). */
  vars: z.record(z.string(), z.string()).optional(),
  params: z.record(z.string(), z.string()).optional(),
  /** "pending: why" while a reader cannot do it yet; the harness reports it instead of checking. */
  status: z
    .string()
    .regex(/^pending: \S/, 'status is "pending: <why>"')
    .optional(),
  /** The input is one AWS refuses too: the import must refuse it with this message, for this reason. */
  refused: z.strictObject({ message: z.string().min(1), why: z.string().min(1) }).optional(),
  permitted: z.array(Flow).default([]),
  denied: z.array(Flow).default([]),
});
export type CorpusExpectation = z.infer<typeof CorpusExpectation>;

/** Reads one expectations file; a broken one is an error naming the file and the field. */
export function readExpectation(file: string, text: string): CorpusExpectation {
  const result = CorpusExpectation.safeParse(load(text));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`${file}: ${issue?.path.join(".") || "(top level)"}: ${issue?.message}`);
}
