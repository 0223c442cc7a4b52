// Reading JSON text the way every reader here must: bounded nesting, and the first syntax error
// placed at its line and column in words a person understands.
import {
  findNodeAtLocation,
  type Node as JsonNode,
  type ParseError,
  parse,
  parseTree,
  printParseErrorCode,
} from "jsonc-parser";
import { checkNesting } from "./limits";
import { InputError, lineColumn, lineIndex } from "./problems";

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "malformed number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected a colon after the property name",
  CommaExpected: "expected a comma between items",
  CloseBraceExpected: "expected } to close the object",
  CloseBracketExpected: "expected ] to close the list",
  EndOfFileExpected: "unexpected text after the end of the document",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "a comment is not closed",
  UnexpectedEndOfString: "a string is not closed",
  UnexpectedEndOfNumber: "a number is cut short",
  InvalidUnicode: "bad unicode escape",
  InvalidEscapeCharacter: "bad escape character",
  InvalidCharacter: "control character in a string",
};

/**
 * Parses JSON text; throws InputError at the first syntax error (the ones after it are usually
 * its echo). `comments` allows // and /* comments, which some tools write into .tf.json files.
 */
export function parseJsonText(text: string, file?: string, options: { comments?: boolean } = {}): unknown {
  checkNesting(text, file);
  // The engine's own parser is many times faster; the tolerant one runs only to place an error
  // (or to read comments where they are allowed).
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // fall through
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: !options.comments });
  const first = errors[0];
  if (first) {
    const code = printParseErrorCode(first.error);
    throw new InputError([
      {
        file,
        ...lineColumn(text, first.offset),
        message: `not valid JSON: ${JSON_ERRORS[code] ?? code}`,
        severity: "error",
      },
    ]);
  }
  return value;
}

/**
 * Positions of JSON paths in one text, with the syntax tree and the line starts computed once, on
 * the first question: a clean file never pays, and an account's output of megabytes stays linear.
 * A path that does not exist is placed at its deepest existing ancestor.
 */
export function jsonPositioner(
  text: string,
): (path: readonly (string | number)[]) => { line?: number; column?: number } {
  let tree: JsonNode | undefined | null = null;
  let at: ((offset: number) => { line: number; column: number }) | undefined;
  return (path) => {
    if (tree === null) tree = parseTree(text);
    if (!tree) return {};
    at ??= lineIndex(text);
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[]);
      if (node) return at(node.parent?.type === "property" ? node.parent.offset : node.offset);
    }
    return {};
  };
}
