// One user action = one named object (excalidraw's actions): menu, shortcut, palette and tests
// all call the same `perform`, and undo/redo records its result under its label.
import type { Design } from "../../shared/model";

export interface Action<Args> {
  /** Stable identifier, used by menus and tests. */
  name: string;
  /** What a person reads in the Help overlay and in the undo history. */
  label: string;
  /** A pure function: the document after the action. Throws ActionRefused when AWS would refuse it. */
  perform(design: Design, args: Args): Design;
}

/** An action that cannot be done as asked; the message is shown to the user and nothing changes. */
export class ActionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ActionRefused";
  }
}

export function defineAction<Args>(action: Action<Args>): Action<Args> {
  return action;
}
