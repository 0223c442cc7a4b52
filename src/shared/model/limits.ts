// Bounds on what a reader accepts, so that a hostile file costs bounded time and memory: nesting
// deeper than any real file (recursive parsers and validators would overflow the stack), YAML
// aliases that repeat aliases (a "billion laughs": tiny text, an exponential value), and size.
import { InputError, lineColumn } from "./problems";

/** Far deeper than any design, template or AWS CLI output (they nest about ten levels). */
export const MAX_NESTING = 256;
/** Values a loaded YAML document may stand for once its aliases are followed. */
export const MAX_EXPANDED_VALUES = 1_000_000;
/** The largest file any reader takes, as api.ts caps what the page may send. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Refuses JSON (or YAML flow) text that nests deeper than MAX_NESTING, at the bracket that goes too
 * deep. One pass over the text, skipping strings, before any recursive parser sees it.
 */
export function checkNesting(text: string, file?: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_NESTING)
        throw new InputError([
          {
            file,
            ...lineColumn(text, i),
            message: `nested more than ${MAX_NESTING} levels deep: no real file nests this far, so it is not read`,
            severity: "error",
          },
        ]);
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
}

/**
 * Refuses a loaded YAML value that stands for more than MAX_EXPANDED_VALUES values once shared
 * (aliased) parts are counted each time they appear, as every later walk would count them. The
 * count stops at the limit, so the check itself is bounded.
 */
export function checkExpandedSize(value: unknown, text: string, file?: string): void {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++count > MAX_EXPANDED_VALUES) {
      const alias = text.search(/\*[^\s,\]}]+/);
      throw new InputError([
        {
          file,
          ...(alias >= 0 ? lineColumn(text, alias) : {}),
          message: `the YAML's aliases (*name) repeat each other into more than ${MAX_EXPANDED_VALUES.toLocaleString("en")} values (a "billion laughs"): it is not read`,
          severity: "error",
        },
      ]);
    }
    if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (typeof v === "object" && v !== null) for (const item of Object.values(v)) stack.push(item);
  }
}
