// Places in a plan or state file: the resource instance's object, and inside it the value that a
// problem is about, by JSON path, with the path itself in the problem.
import { formatPath, lineIndex } from "../../../model/problems";
import type { Where } from "../../draft";
import { jsonOffsets, pathKey } from "../../json-offsets";
import type { Inside, SourceLocator } from "../locate";

export class RecordedLocator implements SourceLocator {
  private offsets: Map<string, number> | undefined;
  private place: ((offset: number) => { line: number; column: number }) | undefined;
  /** Declaration key -> the instance's JSON path and its values' key. */
  private readonly instances = new Map<string, { path: (string | number)[]; valuesKey: string }>();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  add(key: string, path: (string | number)[], valuesKey: string): void {
    this.instances.set(key, { path, valuesKey });
  }

  /** The deepest path along `steps` that the file holds, and where. */
  private at(steps: (string | number)[]): Where {
    this.offsets ??= jsonOffsets(this.text);
    let found = steps.length;
    while (found > 0 && !this.offsets.has(pathKey(steps.slice(0, found)))) found--;
    const path = steps.slice(0, found);
    const offset = this.offsets.get(pathKey(path));
    if (offset === undefined) return { file: this.file };
    this.place ??= lineIndex(this.text);
    // The JSON path travels with the place (Problem.path), so a message says where in the file.
    return { file: this.file, ...this.place(offset), path: formatPath(path) } as Where;
  }

  offset(key: string): number {
    const i = this.instances.get(key);
    return i ? (this.offsets?.get(pathKey(i.path)) ?? 0) : Number.MAX_SAFE_INTEGER;
  }

  block(key: string): Where {
    const i = this.instances.get(key);
    return i ? this.at(i.path) : { file: this.file };
  }

  inside(key: string, path: Inside): Where {
    const i = this.instances.get(key);
    if (!i) return { file: this.file };
    const steps: (string | number)[] = [...i.path, i.valuesKey];
    if (path.nested) steps.push(path.nested, path.n ?? 0);
    if (path.attribute) steps.push(path.attribute);
    return this.at(steps);
  }
}
