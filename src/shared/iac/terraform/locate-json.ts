// Placing problems in Terraform's JSON syntax (.tf.json): the same questions as for HCL, answered
// from the JSON's own structure ("resource" > type > name > attribute).
import { lineIndex } from "../../model/problems";
import type { Where } from "../draft";
import { jsonOffsets, pathKey } from "../json-offsets";
import type { Inside, SourceLocator } from "./locate";

export class JsonLocator implements SourceLocator {
  private offsets: Map<string, number> | undefined;
  private place: ((offset: number) => { line: number; column: number }) | undefined;
  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  private find(path: (string | number)[]): number | undefined {
    this.offsets ??= jsonOffsets(this.text);
    return this.offsets.get(pathKey(path));
  }

  /**
   * The deepest written path along `steps`. A block may be written as an object or as a list of
   * objects ("web": [{...}]), so a missing step is also tried one list item down.
   */
  private walk(steps: (string | number)[]): { path: (string | number)[]; offset: number | undefined } {
    let path: (string | number)[] = [];
    let offset = this.find(path);
    for (const step of steps) {
      const direct = this.find([...path, step]);
      const listed = direct === undefined ? this.find([...path, 0, step]) : undefined;
      if (direct !== undefined) path = [...path, step];
      else if (listed !== undefined) path = [...path, 0, step];
      else break;
      offset = direct ?? listed;
    }
    return { path, offset };
  }

  private at(offset: number | undefined): Where {
    if (offset === undefined) return { file: this.file };
    this.place ??= lineIndex(this.text);
    return { file: this.file, ...this.place(offset) };
  }

  offset(key: string): number {
    return this.find(key.split(".")) ?? Number.MAX_SAFE_INTEGER;
  }

  block(key: string): Where {
    return this.at(this.walk(key.split(".")).offset);
  }

  inside(key: string, path: Inside): Where {
    const steps: (string | number)[] = key.split(".");
    if (path.nested) steps.push(path.nested, path.n ?? 0);
    if (path.attribute) steps.push(path.attribute);
    return this.at(this.walk(steps).offset);
  }
}
