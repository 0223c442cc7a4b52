// A problem found in a file, placed where a person can find it: `file:line:column: message`.

export interface Problem {
  /** The file, as the user named it; absent for in-memory text. */
  file?: string;
  /** 1-based line and column, where known. */
  line?: number;
  column?: number;
  /** The JSON path of the offending value, where the input is structured (`groups[2].ingress[0].toPort`). */
  path?: string;
  message: string;
  severity: "error" | "warning";
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || "(top level)";
}

export function formatProblem(p: Problem): string {
  const place = [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(":");
  const at = p.path && p.path !== "(top level)" ? `${p.path}: ` : "";
  const kind = p.severity === "warning" ? "warning: " : "";
  return `${place ? `${place}: ` : ""}${kind}${at}${p.message}`;
}

/** 1-based line and column of a character offset in text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Line and column of any offset in `text`, in O(log n) after one pass: importers place thousands
 * of values, and scanning from the start for each would make a large file quadratic.
 */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  };
}

/** Thrown by readers; carries every problem found so callers can show them all. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "InputError";
  }
}
