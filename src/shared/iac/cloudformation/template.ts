// Reading a template's text (YAML or JSON) into a value, with a way back from any path in it to
// the line and column where it was written.

import { load } from "js-yaml";
import { parseJsonText } from "../../model/json";
import { checkExpandedSize } from "../../model/limits";
import { InputError, lineIndex } from "../../model/problems";
import type { Where } from "../draft";
import { jsonOffsets } from "../json-offsets";
import { CLOUDFORMATION_SCHEMA, pathKey, yamlOffsets } from "./yaml";

export type Path = (string | number)[];

export interface LoadedTemplate {
  value: unknown;
  /** The closest written place to `path`: the path itself, or the nearest enclosing part of it. */
  at: (path: Path) => Where;
}

const looksLikeJson = (text: string) => text.trimStart().startsWith("{");

function loadJson(name: string, text: string, parsed?: { value: unknown }): LoadedTemplate {
  const value = parsed ? parsed.value : parseJsonText(text, name);
  // Built on the first problem only: a clean import never pays for positions. One walk records
  // every key and item, so each later problem is placed in time proportional to its depth.
  let offsets: Map<string, number> | undefined;
  let place: ((offset: number) => { line: number; column: number }) | undefined;
  return {
    value,
    at: (path) => {
      offsets ??= jsonOffsets(text);
      place ??= lineIndex(text);
      for (let n = path.length; n >= 0; n--) {
        const offset = offsets.get(pathKey(path.slice(0, n)));
        if (offset !== undefined) return { file: name, ...place(offset) };
      }
      return { file: name };
    },
  };
}

function loadYaml(name: string, text: string): LoadedTemplate {
  let value: unknown;
  try {
    value = load(text, { schema: CLOUDFORMATION_SCHEMA, filename: name });
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number } }).mark;
    const reason = (e as { reason?: string }).reason ?? (e instanceof Error ? e.message : String(e));
    throw new InputError([
      {
        file: name,
        ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
        message: `not valid YAML: ${reason}`,
        severity: "error",
      },
    ]);
  }
  // Only aliases (*name) make a value bigger than its text: without one there is nothing to count,
  // and a region's template holds a million values.
  if (text.includes("*")) checkExpandedSize(value, text, name);
  let offsets: Map<string, number> | undefined;
  let place: ((offset: number) => { line: number; column: number }) | undefined;
  return {
    value,
    at: (path) => {
      offsets ??= yamlOffsets(text);
      place ??= lineIndex(text);
      for (let n = path.length; n >= 0; n--) {
        const offset = offsets.get(pathKey(path.slice(0, n)));
        if (offset !== undefined) return { file: name, ...place(offset) };
      }
      return { file: name };
    },
  };
}

/**
 * JSON templates are read as JSON (exact positions, JSON's own error messages), all others as
 * YAML. `parsed` is the text already read as JSON, by a caller that looked inside to tell what
 * the file is: a region's template is not parsed twice.
 */
export function loadTemplate(name: string, text: string, parsed?: { value: unknown }): LoadedTemplate {
  return looksLikeJson(text) ? loadJson(name, text, parsed) : loadYaml(name, text);
}
