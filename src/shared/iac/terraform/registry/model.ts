// What a modelled registry module is: its outputs as a pure function of its inputs, computed the
// way its published source computes them, so that the code that calls it (a count on
// module.this.enabled) is read without the module's files. A model is Palisade's reading of that
// source, not the source: every use says so at the module block.
import { EvaluationError, Unknown, type Value } from "../eval/values";

/** One registry module Palisade models. */
export interface RegistryModel {
  /** The registry address as a `source` names it: `cloudposse/label/null`. */
  source: string;
  /** The versions whose published source the model follows, as the warning names them. */
  versions: string;
  /** Whether a module block's `version` constraint (undefined: none) stays within those versions. */
  covers(version: string | undefined): boolean;
  /**
   * The outputs of one instance: `input(name)` is the value the block gives (undefined: not given,
   * the module's default applies); an output the module does not have is undefined.
   */
  outputs(input: (name: string) => Value | undefined): (output: string) => Value | undefined;
}

/** Thrown inside a model when a value it needs is unknown: the output is that unknown. */
export class Waiting extends Error {
  constructor(readonly unknown: Unknown) {
    super(unknown.describe());
  }
}

/** The value, or a Waiting for it when it is unknown. */
export function need<T extends Value>(value: T): Exclude<T, Unknown> {
  if (value instanceof Unknown) throw new Waiting(value);
  return value as Exclude<T, Unknown>;
}

/** An output computed by `compute`, once: an unknown it needs or a type error becomes an Unknown. */
export function lazily(compute: () => Value): () => Value {
  let done = false;
  let value: Value;
  return () => {
    if (!done) {
      try {
        value = compute();
      } catch (e) {
        if (e instanceof Waiting) value = e.unknown;
        else if (e instanceof EvaluationError) value = Unknown.failed(e.message);
        else throw e;
      }
      done = true;
    }
    return value;
  };
}
