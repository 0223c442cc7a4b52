// A design read at the server (a file, an import, an example, a lesson, the start-up document, the
// recovery file) is held there at once as the document the request names, in the same request:
// the renderer adopts it with its revision and flows and never sends the design back (doc:open).
import { type Held, OPENING_CHANNELS, OpenAs, type OpeningChannel, type OpeningField, type Reply } from "../shared/api";
import type { Design } from "../shared/model";
import { problem } from "./channels";

type Dispatch = (channel: string, payload: unknown) => Promise<Reply<unknown>>;

export function isOpening(channel: string): channel is OpeningChannel {
  return Object.hasOwn(OPENING_CHANNELS, channel);
}

/** Whether the request names a document for any of the designs its channel reads. */
export function asksToHold(channel: OpeningChannel, payload: unknown): payload is Record<string, unknown> {
  if (typeof payload !== "object" || payload === null) return false;
  const fields: readonly OpeningField[] = OPENING_CHANNELS[channel];
  return fields.some((f) => (payload as Record<string, unknown>)[f.id] !== undefined);
}

/**
 * Reads as the channel does, then holds each design read as the document its id names (doc:open,
 * dispatched where documents are held: the engine worker when there is one), and answers the
 * read with `held` beside each design. A read that fails or finds nothing holds nothing.
 */
export async function readAndHold(
  dispatch: Dispatch,
  channel: OpeningChannel,
  payload: Record<string, unknown>,
): Promise<Reply<unknown>> {
  const request = { ...payload };
  const wanted: { field: OpeningField; id: string }[] = [];
  for (const field of OPENING_CHANNELS[channel] as readonly OpeningField[]) {
    const given = request[field.id];
    delete request[field.id];
    if (given === undefined) continue;
    const id = OpenAs.safeParse(given);
    if (!id.success)
      return { ok: false, problems: [problem(`${field.id}: ${id.error.issues[0]?.message ?? "is not valid"}`)] };
    if (wanted.some((w) => w.id === id.data))
      return { ok: false, problems: [problem(`${field.id}: names the same document as another field`)] };
    wanted.push({ field, id: id.data });
  }
  const read = await dispatch(channel, request);
  if (!read.ok || read.value === null) return read;
  let value = read.value as Record<string, unknown>;
  for (const { field, id } of wanted) {
    const part = (field.part === undefined ? value : value[field.part]) as Record<string, unknown> | null | undefined;
    if (part === null || part === undefined) continue;
    const held = await dispatch("doc:open", { doc: id, design: part[field.design] as Design });
    if (!held.ok) return held;
    const heldPart = { ...part, held: held.value as Held };
    value = field.part === undefined ? heldPart : { ...value, [field.part]: heldPart };
  }
  return { ok: true, value };
}
