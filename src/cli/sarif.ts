// Findings as SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure DevOps) read.
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, Severity } from "../shared/engine/types";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

/** Where a finding sits in a source file, when the loader knows. */
export interface FindingPlace {
  file: string;
  line?: number;
  column?: number;
}

export function toSarif(
  findings: readonly Finding[],
  place: (f: Finding) => FindingPlace | undefined,
  version: string,
) {
  const rules = [...new Map(findings.map((f) => [f.code, f])).values()].map((f) => ({
    id: f.code,
    name: f.code.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: f.title },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: {
      "security-severity": { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "1.0" }[f.severity],
    },
  }));
  const results = findings.map((f) => {
    const at = place(f);
    const logical = [
      f.groupId
        ? {
            kind: "module",
            fullyQualifiedName: `${f.groupId}${f.direction ? `/${f.direction}${f.ruleIndex !== undefined ? `[${f.ruleIndex}]` : ""}` : ""}`,
          }
        : undefined,
      f.nodeId ? { kind: "resource", fullyQualifiedName: f.nodeId } : undefined,
      f.intentId ? { kind: "object", fullyQualifiedName: `intent/${f.intentId}` } : undefined,
    ].filter((l) => l !== undefined);
    return {
      ruleId: f.code,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          ...(at
            ? {
                physicalLocation: {
                  artifactLocation: { uri: uriOf(at.file) },
                  ...(at.line !== undefined ? { region: { startLine: at.line, startColumn: at.column ?? 1 } } : {}),
                },
              }
            : {}),
          ...(logical.length ? { logicalLocations: logical } : {}),
        },
      ],
      properties: { severity: f.severity },
    };
  });
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "palisade", version, informationUri: "https://github.com/palisade", rules } },
        results,
      },
    ],
  };
}

/** SARIF locations are URIs: relative ones stay relative to the repository, encoded. */
function uriOf(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join("/");
}
