import type { TFunction } from "i18next";
import type { FieldDef } from "./definition";
import { fieldId, type Answers } from "./engine";
import { getFieldType } from "./registry";

export type StepView = { fields: FieldDef[]; values: Answers; errors: Record<string, string> };

/** Renders one field from the registry; groups render their items' fields through the same function. */
function FieldView({ def, path, htmlName, value, errors, lng, t }: { def: FieldDef; path: string; htmlName: string; value: unknown; errors: Record<string, string>; lng: string; t: TFunction }) {
  const type = getFieldType(def.type);
  const id = fieldId(path);
  const props = { def, id, name: htmlName, value, error: errors[path], required: def.required, lng, t };
  if (def.type === "group") {
    const items = Array.isArray(value) ? (value as Answers[]) : [];
    return (
      <type.Render
        {...props}
        renderItemField={(child: FieldDef, i: number) => (
          <FieldView
            key={`${i}-${child.name}`}
            def={child}
            path={`${path}.${i}.${child.name}`}
            htmlName={`${htmlName}[${i}][${child.name}]`}
            value={items[i]?.[child.name]}
            errors={errors}
            lng={lng}
            t={t}
          />
        )}
      />
    );
  }
  return <type.Render {...props} />;
}

export function StepFields({ view, lng, t }: { view: StepView; lng: string; t: TFunction }) {
  return (
    <>
      {view.fields.map((f) => (
        <FieldView key={f.name} def={f} path={f.name} htmlName={f.name} value={view.values[f.name]} errors={view.errors} lng={lng} t={t} />
      ))}
    </>
  );
}
