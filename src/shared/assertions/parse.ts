// An assertions file: the flows that must be permitted (allow) and those that must not (deny).
//
//   - deny: {from: Internet, to: db, port: 5432}
//   - allow: {from: app, to: db, protocol: tcp, port: 5432}
//     description: the app reads the database
import { load, YAMLException } from "js-yaml";
import { z } from "zod";
import type { FlowQuery } from "../model/flow-query";
import { checkExpandedSize } from "../model/limits";
import { formatPath, InputError, lineColumn, type Problem } from "../model/problems";
import { normalizeProtocol } from "../model/protocol";
import { offsetAt, yamlOffsets } from "./positions";

/** A flow query with the answer it must get. */
export interface Assertion extends FlowQuery {
  expect: "allow" | "deny";
  description?: string;
  /** Where the assertion is written, for messages. */
  file?: string;
  line?: number;
  column?: number;
}

const endpoint = z.union([z.string().min(1, "must not be empty"), z.number()]).transform(String);
const Flow = z.strictObject({
  from: endpoint,
  to: endpoint,
  protocol: z
    .union([z.string(), z.number()])
    .optional()
    .superRefine((p, ctx) => {
      if (p !== undefined && normalizeProtocol(p) === undefined)
        ctx.addIssue({
          code: "custom",
          message: `${JSON.stringify(p)} is not a protocol: expected tcp, udp, icmp, icmpv6 or a number 0-255`,
        });
    }),
  port: z.number().int("must be a whole number").min(0, "must be 0-65535").max(65535, "must be 0-65535").optional(),
  icmpType: z.number().int().min(0).max(255).optional(),
  icmpCode: z.number().int().min(0).max(255).optional(),
  description: z.string().optional(),
});
const FLOW_KEYS = Object.keys(Flow.shape).join(", ");

export function parseAssertions(text: string, file?: string): Assertion[] {
  if (text.split("\n").every((line) => /^\s*(#.*)?$/.test(line)))
    throw new InputError([
      {
        file,
        message:
          "the assertions file is empty: expected a list of entries such as `- deny: {from: Internet, to: db, port: 5432}`",
        severity: "error",
      },
    ]);
  let value: unknown;
  try {
    value = load(text, { filename: file ?? "" });
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    throw new InputError([
      {
        file,
        ...(e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : {}),
        message: `not valid YAML: ${e.reason}`,
        severity: "error",
      },
    ]);
  }
  checkExpandedSize(value, text, file);
  const offsets = yamlOffsets(text);
  const problems: Problem[] = [];
  const problem = (path: (string | number)[], message: string) => {
    const offset = offsetAt(offsets, path);
    problems.push({
      file,
      ...(offset !== undefined ? lineColumn(text, offset) : {}),
      ...(path.length ? { path: formatPath(path) } : {}),
      message,
      severity: "error",
    });
  };
  if (!Array.isArray(value)) {
    problem([], "an assertions file is a YAML list of entries such as `- deny: {from: Internet, to: db, port: 5432}`");
    throw new InputError(problems);
  }
  const assertions: Assertion[] = [];
  value.forEach((entry: unknown, i) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      problem([i], "each entry is `allow: {...}` or `deny: {...}`");
      return;
    }
    const record = entry as Record<string, unknown>;
    const kinds = (["allow", "deny"] as const).filter((k) => k in record);
    const extra = Object.keys(record).filter((k) => k !== "allow" && k !== "deny" && k !== "description");
    if (kinds.length !== 1 || extra.length > 0) {
      problem(
        extra.length ? [i, extra[0] as string] : [i],
        extra.length
          ? `unknown key "${extra[0]}": an entry holds allow or deny (and optionally description)`
          : kinds.length === 0
            ? "each entry is `allow: {...}` or `deny: {...}`"
            : "an entry holds allow or deny, not both",
      );
      return;
    }
    const expect = kinds[0] as "allow" | "deny";
    const result = Flow.safeParse(record[expect]);
    if (!result.success) {
      const given = record[expect] as Record<string, unknown> | undefined;
      for (const issue of result.error.issues) {
        const key = issue.path[0];
        const path = [i, expect, ...issue.path.filter((k): k is string | number => typeof k !== "symbol")];
        if (issue.code === "unrecognized_keys")
          problem([...path, issue.keys[0] ?? ""], `unknown key "${issue.keys[0]}": expected ${FLOW_KEYS}`);
        else if (key === undefined) problem(path, "expected a mapping such as {from: app, to: db, port: 5432}");
        else if ((key === "from" || key === "to") && given?.[key] === undefined)
          problem(path, "is required: a node's id or name, or an address");
        else if ((key === "from" || key === "to") && issue.code === "invalid_union")
          problem(path, "expected a node's id or name, or an address");
        else if (issue.code === "invalid_type") problem(path, `expected ${issue.expected}`);
        else problem(path, issue.message);
      }
      return;
    }
    const flow = result.data;
    const protocol = normalizeProtocol(flow.protocol ?? "tcp") as string;
    if (protocol === "-1") {
      problem(
        [i, expect, "protocol"],
        "a flow has one protocol: name tcp, udp, icmp, icmpv6 or a number, not all traffic",
      );
      return;
    }
    if ((protocol === "tcp" || protocol === "udp") && flow.port === undefined) {
      problem([i, expect], `${protocol} needs a port`);
      return;
    }
    const offset = offsetAt(offsets, [i]);
    const description = flow.description ?? (typeof record.description === "string" ? record.description : undefined);
    assertions.push({
      expect,
      from: flow.from,
      to: flow.to,
      protocol,
      ...(flow.port !== undefined ? { port: flow.port } : {}),
      ...(flow.icmpType !== undefined ? { icmpType: flow.icmpType } : {}),
      ...(flow.icmpCode !== undefined ? { icmpCode: flow.icmpCode } : {}),
      ...(description ? { description } : {}),
      file,
      ...(offset !== undefined ? lineColumn(text, offset) : {}),
    });
  });
  if (problems.length > 0) throw new InputError(problems);
  return assertions;
}
