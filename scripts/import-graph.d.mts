// Types of import-graph.mjs for its test.
export interface Import {
  spec: string;
  typeOnly: boolean;
  values: string[];
}
export function importsOf(text: string): Import[];
export function resolveImport(from: string, spec: string): string | undefined;
export function sourceFiles(dir: string): Generator<string>;
export function importGraph(files: Iterable<string>): Map<string, string[]>;
export function findCycles(graph: Map<string, string[]>): { members: string[]; path: string[] }[];
