// Problems placed in the source file: where a value came from, and how a message shows it.

import type { Problem } from "../../model/problems";

/** Where a value came from, for `file:line:column` in a problem. */
export interface Where {
  file?: string;
  line?: number;
  column?: number;
}

/** A value as a message shows it: text as is, references by their own toString, anything else as JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (
    typeof value === "object" &&
    value !== null &&
    Object.hasOwn(Object.getPrototypeOf(value) ?? {}, "toString") &&
    !Array.isArray(value)
  ) {
    try {
      return String(value);
    } catch {
      // fall through to JSON
    }
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return "a value that cannot be shown";
  }
}

export function warning(where: Where, message: string): Problem {
  return { ...where, message, severity: "warning" };
}
export function error(where: Where, message: string): Problem {
  return { ...where, message, severity: "error" };
}
