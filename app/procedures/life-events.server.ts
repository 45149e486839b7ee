/**
 * The life events (ライフイベント) a counter visit starts from: data in forms/catalogues/life-events.json, like the
 * procedures that name them in their `proposeWhen` rules, so that engine code names none of them. Read once.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { lifeEventId } from "../form-engine/life-events";
import { localizedText } from "../form-engine/localized-schema";
import { localize } from "../form-engine/localized";

export const LIFE_EVENTS_FILE = path.resolve(process.cwd(), "forms/catalogues/life-events.json");

const catalogue = z
  .object({
    $comment: z.string().optional(),
    lifeEvents: z
      .array(z.object({ id: lifeEventId, name: localizedText }).strict())
      .min(1)
      .refine((events) => new Set(events.map((e) => e.id)).size === events.length, "each life event's id once"),
  })
  .strict();

export type LifeEventEntry = z.infer<typeof catalogue>["lifeEvents"][number];

/** The catalogue in a file, checked; throws with the file's problems (the server does not start on a broken one). */
export function readLifeEvents(file = LIFE_EVENTS_FILE): LifeEventEntry[] {
  const parsed = catalogue.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.lifeEvents;
}

let loaded: LifeEventEntry[] | undefined;
/** The catalogue, in its order (the order the clerk is offered the events in). */
export const lifeEvents = (): LifeEventEntry[] => (loaded ??= readLifeEvents());

export const isLifeEvent = (id: unknown): id is string => typeof id === "string" && lifeEvents().some((e) => e.id === id);

/** The events as a page offers them: id and name in the reader's language (ふりがな marked, as definition texts). */
export const lifeEventChoices = (lng: string) => lifeEvents().map((e) => ({ id: e.id, name: localize(e.name, lng) }));
