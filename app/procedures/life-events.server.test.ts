import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languageCodes } from "../i18n/languages.server";
import { shippedDefinition } from "../test/fixtures";
import { checkDefinition } from "../form-engine/definition";
import { definitionCatalog } from "./definitions.server";
import { isLifeEvent, lifeEventChoices, lifeEvents, readLifeEvents } from "./life-events.server";

const write = (content: unknown) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "life-events-")), "life-events.json");
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
};

describe("the life events catalogue (forms/catalogues/life-events.json)", () => {
  it("names every life event in every language of the site", () => {
    expect(lifeEvents().length).toBeGreaterThan(0);
    for (const event of lifeEvents())
      for (const lng of languageCodes()) expect(lifeEventChoices(lng).find((e) => e.id === event.id)?.name.lang, `${event.id} in ${lng}`).toBe(lng);
  });

  it("is refused with a broken id or an id twice", () => {
    expect(() => readLifeEvents(write({ lifeEvents: [{ id: "Tennyu!", name: "転入" }] }))).toThrow(/life event's id/);
    expect(() =>
      readLifeEvents(
        write({
          lifeEvents: [
            { id: "a", name: "あ" },
            { id: "a", name: "い" },
          ],
        }),
      ),
    ).toThrow(/once/);
    expect(readLifeEvents(write({ lifeEvents: [{ id: "a", name: "あ" }] }))).toEqual([{ id: "a", name: "あ" }]);
  });

  it("is what a definition's proposeWhen rules may name", () => {
    const definition = shippedDefinition("kokuho-kanyu");
    const [first] = lifeEvents();
    expect(isLifeEvent(first!.id)).toBe(true);
    expect(isLifeEvent("no-such-event")).toBe(false);
    expect(checkDefinition(definition, definitionCatalog).ok).toBe(true);
    const unknown = { ...definition, proposeWhen: [{ ...definition.proposeWhen![0]!, events: ["no-such-event"] }] };
    expect(checkDefinition(unknown, definitionCatalog)).toMatchObject({
      ok: false,
      problems: [{ path: ["proposeWhen", 0, "events", 0], message: 'no life event "no-such-event"' }],
    });
  });
});
