/** The rules of the repeating group: its meta-schema, the count of items, and the "add" and "remove" commands. */
import { z } from "zod";
import { baseField, defineFieldType, type AnyFieldType } from "../field-type";
import { localizedText } from "../localized-schema";
import { offeredIndex } from "../item-keys";
import { createGroupFieldView, included, items, rows, type GroupDef } from "./group";

type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The group's rules: its meta-schema names the leaf types' own, so a group holds any type but another group. */
export function createGroupFieldType(leafTypes: AnyFieldType[]) {
  const view = createGroupFieldView(leafTypes);
  const onePerPage = (def: GroupDef) => view.items!.onePerPage!(def);
  const child = z.discriminatedUnion("type", leafTypes.map((ft) => ft.definition) as unknown as [z.ZodObject, ...z.ZodObject[]]);
  const definition = z
    .object({
      ...baseField,
      type: z.literal("group"),
      itemLabel: localizedText,
      minItems: z.number().int().min(0).default(1),
      maxItems: z.number().int().min(1).max(50).default(10),
      fields: z.array(child).min(1),
    })
    .strict();
  // GroupDef is written out in group.tsx (a view imports no zod): the compiler holds it to what this schema makes.
  const sameAsTheSchema: SameType<Omit<z.infer<typeof definition>, "fields">, Omit<GroupDef, "fields">> = true;
  void sameAsTheSchema;
  return defineFieldType(view, {
    definition: definition as unknown as z.ZodType<GroupDef>,
    // The first leaf type (a text) as the group's one question: the administrator adds and changes the rest.
    example: (ctx) => ({
      itemLabel: ctx.text("admin.builder.example.itemLabel"),
      fields: [
        {
          type: leafTypes[0]!.type,
          name: "answer1",
          label: ctx.text("admin.builder.example.label", { n: 1 }),
          required: true,
          ...leafTypes[0]!.example?.(ctx),
        },
      ],
    }),
    // Item fields are validated one by one by the engine (they have their own conditions); this checks the count.
    schema: (def) =>
      z.array(z.record(z.string(), z.unknown())).superRefine((list, ctx) => {
        const n = included(list).length;
        if (n < def.minItems) ctx.addIssue({ code: "custom", message: `validation.minItems|${JSON.stringify({ min: def.minItems })}` });
        if (n > def.maxItems) ctx.addIssue({ code: "custom", message: `validation.maxItems|${JSON.stringify({ max: def.maxItems })}` });
      }),
    // Every item on the page stays, blank ones too: "add" next to an empty first item makes a second. A person
    // offered from the city's records is unticked, never removed.
    command: (def, value, verb, arg) => {
      const list = [...items(value)];
      if (onePerPage(def)) {
        // One person per page: "add" opens a blank person's page (nothing blank is kept in the list), 「変更」 opens theirs.
        if (verb === "add") {
          const kept = rows(list).map(({ item }) => item);
          return kept.length < def.maxItems ? { value: kept, focus: "-field", open: kept.length } : undefined;
        }
        if (verb === "edit") {
          const index = Number(arg);
          return Number.isInteger(index) && index >= 0 && index < list.length ? { value: list, focus: `-${index}`, open: index } : undefined;
        }
      }
      // What a command keeps is never longer than the field allows, whatever was posted (the finding: 151 items over
      // maxItems were kept through "add another").
      if (verb === "add") {
        if (list.length >= def.maxItems) return { value: list.slice(0, def.maxItems), focus: "-field" };
        list.push({});
        return { value: list, focus: `-${list.length - 1}` };
      }
      if (verb === "remove") {
        const index = Number(arg);
        if (Number.isInteger(index) && offeredIndex(list[index]) === undefined) list.splice(index, 1);
        return { value: list.slice(0, def.maxItems), focus: "-field" };
      }
      return undefined;
    },
  });
}
