// The window title: the document's file name (or its name, unsaved) and an unsaved-changes mark.
import { basename } from "node:path";
import type { Request } from "../shared/api";

export type WindowState = Request<"window:state">;

export function documentName(state: WindowState): string {
  return state.path ? basename(state.path) : state.name || "Untitled";
}

export function windowTitle(state: WindowState | undefined): string {
  if (!state) return "Palisade";
  // A bullet marks unsaved changes, as most Linux and Windows editors do.
  return `${state.dirty ? "• " : ""}${documentName(state)} — Palisade`;
}
