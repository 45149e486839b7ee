import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useRef, useState, type FormEvent } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import type { FieldDef } from "./definition";
import { compileStepSchema, errorTarget, normalizeStep, type Answers, type FieldError } from "./engine";
import { translateErrors } from "./errors";
import { readForm } from "./read-form";

function flatten(errors: FieldErrors, prefix = ""): { path: string; message: string }[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (!value || typeof value !== "object") return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const own = typeof (value as { message?: unknown }).message === "string" ? [{ path, message: (value as { message: string }).message }] : [];
    const nested = Object.entries(value).filter(([k]) => !["message", "type", "ref", "types", "root"].includes(k));
    return [...own, ...flatten(Object.fromEntries(nested) as FieldErrors, path)];
  });
}

/**
 * With JavaScript on, a step is checked in the browser before it is sent: react-hook-form with zodResolver over the
 * very schema the server compiles from the definition. The server still validates everything; this only saves a
 * round trip. "Add another" / "remove" buttons go straight to the server.
 */
export function useStepValidation({ fields, answers, t, lng }: { fields: FieldDef[]; answers: Answers; t: TFunction; lng: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldError[] | null>(null);
  const submit = useSubmit();
  const { handleSubmit } = useForm({
    resolver: async (_values, context, options) => {
      const values = normalizeStep({ fields }, readForm(formRef.current!));
      lastValues.current = values;
      return zodResolver(compileStepSchema({ fields }, answers, values))(values, context, options);
    },
  });
  const lastValues = useRef<Answers>({});
  const order = (path: string) => fields.findIndex((f) => f.name === path.split(".")[0]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter?.getAttribute("name") === "_action") return;
    event.preventDefault();
    const form = event.currentTarget;
    void handleSubmit(
      () => {
        setClientErrors(null);
        submit(form, { method: "post" });
      },
      (errors) => {
        const found = flatten(errors)
          .sort((a, b) => order(a.path) - order(b.path))
          .map((e) => ({ ...e, target: errorTarget(fields, e.path, lastValues.current) }));
        setClientErrors(translateErrors({ fields }, found, t, lng, lastValues.current));
      },
    )(event);
  };
  return { formRef, onSubmit, clientErrors, clearClientErrors: () => setClientErrors(null) };
}
