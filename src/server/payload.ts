// Checking a request against its channel's schema, shared by the handlers and the engine worker.
import type { ZodError } from "zod";
import { type Channel, requests } from "../shared/api";
import { formatPath, type Problem } from "../shared/model";

const problem = (message: string, extra: Partial<Problem> = {}): Problem => ({ message, severity: "error", ...extra });

/** Zod's complaints about a payload, as problems naming the channel and the field (the first five). */
export function payloadProblems(channel: string, error: ZodError): Problem[] {
  const issues = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
    return problem(`bad ${channel} request: ${formatPath(path)}: ${issue.message}`, { path: formatPath(path) });
  });
  const more = error.issues.length - issues.length;
  if (more > 0) issues.push(problem(`bad ${channel} request: and ${more} more problem${more > 1 ? "s" : ""}`));
  return issues;
}

export function isChannel(channel: string): channel is Channel {
  return Object.hasOwn(requests, channel);
}

export function validatePayload(
  channel: Channel,
  payload: unknown,
): { ok: true; request: unknown } | { ok: false; problems: Problem[] } {
  const parsed = requests[channel].safeParse(payload);
  return parsed.success
    ? { ok: true, request: parsed.data }
    : { ok: false, problems: payloadProblems(channel, parsed.error) };
}
