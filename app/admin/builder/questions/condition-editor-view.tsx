/**
 * Conditions from menus: question, operator, value — never a typed expression. Works without JavaScript: every
 * button posts the page, which comes back with the condition as edited (「値の候補を表示」 fills the value menu for
 * the question chosen). Usable for a question's showIf, a step's and an afterSubmit item's condition alike.
 */
import type React from "react";
import { useTranslation } from "react-i18next";
import type { Condition } from "../../../form-engine/conditions";
import { inputId } from "./input-id";
import { ITEM_OPERATORS, MENU_OPERATORS, takesList, takesNoValue, type ConditionQuestion } from "./condition-editor";

type NodeProps = { prefix: string; node: Condition; questions: ConditionQuestion[]; negated?: boolean; inList?: boolean };

function Buttons({ prefix, list, inList }: { prefix: string; list?: boolean; inList?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      {inList ? null : (
        <button type="submit" name="_action" value={`cond:add:${prefix}`} className="button button--secondary button--small">
          {t(list ? "admin.questions.condition.addToList" : "admin.questions.condition.addAnother")}
        </button>
      )}
      <button type="submit" name="_action" value={`cond:remove:${prefix}`} className="button button--secondary button--small">
        {t("admin.questions.condition.remove")}
      </button>
    </div>
  );
}

function Negate({ prefix, negated }: { prefix: string; negated?: boolean }) {
  const { t } = useTranslation();
  const id = inputId(`${prefix}.negate`);
  return (
    <div className="choice">
      <input type="checkbox" className="choice__input" id={id} name={`${prefix}.negate`} value="yes" defaultChecked={negated} />
      <label htmlFor={id} className="choice__label">
        {t("admin.questions.condition.negate")}
      </label>
    </div>
  );
}

function ListNode({ prefix, node, questions, negated }: NodeProps & { node: { all: Condition[] } | { any: Condition[] } }) {
  const { t } = useTranslation();
  const list = "all" in node ? node.all : node.any;
  const joinId = inputId(`${prefix}.join`);
  return (
    <fieldset className="fieldset box condition">
      <legend className="field__label">{t("admin.questions.condition.list")}</legend>
      <input type="hidden" name={`${prefix}.kind`} value="list" />
      <div className="field">
        <label htmlFor={joinId} className="field__label">
          {t("admin.questions.condition.join")}
        </label>
        <select id={joinId} name={`${prefix}.join`} className="input select" defaultValue={"all" in node ? "all" : "any"}>
          <option value="all">{t("admin.questions.condition.all")}</option>
          <option value="any">{t("admin.questions.condition.any")}</option>
        </select>
      </div>
      {list.map((child, i) => (
        <ConditionNode key={i} prefix={`${prefix}.${i}`} node={child} questions={questions} inList />
      ))}
      <Negate prefix={prefix} negated={negated} />
      <Buttons prefix={prefix} list />
    </fieldset>
  );
}

function CompareNode({ prefix, node, questions, negated, inList }: NodeProps) {
  const { t } = useTranslation();
  const items = "someItem" in node ? node.someItem : "everyItem" in node ? node.everyItem : undefined;
  const field = items ? items.group : "field" in node ? node.field : "";
  const op = "someItem" in node ? "someItem" : "everyItem" in node ? "everyItem" : "op" in node ? node.op : "eq";
  const value = "value" in node ? node.value : undefined;
  const chosen = questions.find((q) => q.name === field);
  const ops = chosen?.items ? [...ITEM_OPERATORS, "notEmpty", "isEmpty"] : [...MENU_OPERATORS];
  const known = questions.some((q) => q.name === field);
  const ids = { field: inputId(`${prefix}.field`), op: inputId(`${prefix}.op`), value: inputId(`${prefix}.value`) };
  return (
    <fieldset className="fieldset box condition">
      <legend className="field__label">{t("admin.questions.condition.one")}</legend>
      <input type="hidden" name={`${prefix}.kind`} value="compare" />
      <div className="field">
        <label htmlFor={ids.field} className="field__label">
          {t("admin.questions.condition.question")}
        </label>
        <select id={ids.field} name={`${prefix}.field`} className="input select" defaultValue={field}>
          <option value="">{t("admin.questions.condition.chooseQuestion")}</option>
          {known || !field ? null : <option value={field}>{t("admin.questions.condition.unknownQuestion", { name: field })}</option>}
          {questions.map((q) => (
            <option key={q.name} value={q.name}>
              {q.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.op} className="field__label">
          {t("admin.questions.condition.operator")}
        </label>
        <select id={ids.op} name={`${prefix}.op`} className="input select" defaultValue={op}>
          {(ops.includes(op) ? ops : [op, ...ops]).map((o) => (
            <option key={o} value={o}>
              {t(`admin.questions.condition.op.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" name="_action" value="refresh" className="button button--secondary button--small">
          {t("admin.questions.condition.showValues")}
        </button>
      </div>
      {items ? (
        <ConditionNode prefix={`${prefix}.where`} node={items.where} questions={[...(chosen?.items ?? []), ...questions]} />
      ) : takesNoValue(op) ? null : takesList(op) && chosen?.choices ? (
        <fieldset className="fieldset">
          <legend className="field__label">{t("admin.questions.condition.values")}</legend>
          <div className="choices">
            {chosen.choices.map((c, i) => (
              <div className="choice" key={c.value}>
                <input
                  type="checkbox"
                  className="choice__input"
                  id={`${ids.value}-${i}`}
                  name={`${prefix}.values`}
                  value={c.value}
                  defaultChecked={Array.isArray(value) && value.includes(c.value)}
                />
                <label htmlFor={`${ids.value}-${i}`} className="choice__label">
                  {c.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : chosen?.choices && !takesList(op) ? (
        <div className="field">
          <label htmlFor={ids.value} className="field__label">
            {t("admin.questions.condition.value")}
          </label>
          <select id={ids.value} name={`${prefix}.value`} className="input select" defaultValue={String(value ?? "")}>
            <option value="">{t("admin.questions.condition.chooseValue")}</option>
            {chosen.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={ids.value} className="field__label">
            {t(takesList(op) ? "admin.questions.condition.valueList" : "admin.questions.condition.value")}
          </label>
          <input id={ids.value} name={`${prefix}.value`} className="input" defaultValue={Array.isArray(value) ? value.join(", ") : String(value ?? "")} />
          {typeof value === "number" || typeof value === "boolean" ? <input type="hidden" name={`${prefix}.valueType`} value={typeof value} /> : null}
        </div>
      )}
      <Negate prefix={prefix} negated={negated} />
      <Buttons prefix={prefix} inList={inList} />
    </fieldset>
  );
}

function ConditionNode({ prefix, node, questions, negated, inList }: NodeProps) {
  if ("not" in node) return <ConditionNode prefix={prefix} node={node.not} questions={questions} negated inList={inList} />;
  if ("all" in node || "any" in node) return <ListNode prefix={prefix} node={node} questions={questions} negated={negated} />;
  return <CompareNode prefix={prefix} node={node} questions={questions} negated={negated} inList={inList} />;
}

/** One condition editor: `prefix` names its inputs (see condition-editor.ts); `questions` are those it may read. */
export function ConditionEditor({
  prefix,
  condition,
  questions,
  title,
  none,
  level = 2,
  children,
}: {
  prefix: string;
  condition?: Condition;
  questions: ConditionQuestion[];
  title: string;
  none: string;
  /** The heading's level where the editor sits inside another section. */
  level?: 2 | 3;
  /** Shown under the heading (e.g. the form's default save button, first so that Enter saves). */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const Heading = level === 3 ? "h3" : "h2";
  return (
    <section className="condition-editor" aria-labelledby={inputId(`${prefix}-title`)}>
      <Heading id={inputId(`${prefix}-title`)} tabIndex={-1}>
        {title}
      </Heading>
      {children}
      {condition ? (
        <ConditionNode prefix={prefix} node={condition} questions={questions} />
      ) : (
        <>
          <p>{none}</p>
          <button type="submit" name="_action" value={`cond:add:${prefix}`} className="button button--secondary button--small">
            {t("admin.questions.condition.add")}
          </button>
        </>
      )}
    </section>
  );
}
