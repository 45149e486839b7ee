import js from "@eslint/js";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/*
 * Rooms and who may enter them (issue 9). Paths are from this directory. Tests (`*.test.ts(x)`, `app/test/`) wire rooms
 * together on purpose and are held only to no-cycle.
 *   form-engine/  a leaf: definitions, field types, conditions, validation. Imports no other room, no database.
 *                 It knows no field type by name: what a type needs is a hook of the field-type interface.
 *   prefill/      what the city already knows (sources, one module each); procedures/ the versioned definitions.
 *   journey/      the route through a form for a draft and an actor (resident, clerk, preview): used by the resident
 *                 routes and, later, by the counter and the administrator's preview; never uses backoffice/.
 *   cases/        the case workflow (statuses, 補正依頼 and resubmission, history) used by submissions/ and backoffice/;
 *                 imports neither of them.
 *   submissions/  drafts and submitting; may use cases/, never backoffice/.
 *   notify/       e-mail notices (outbox, SMTP); used by submissions/ and cases/, uses none of the case rooms.
 *   routes/       thin: parse the request, call one domain function, map its result. No SQL (drizzle, getDb, db/) in a
 *                 route; no module imports a route.
 *   admin/        the administrator's pages (catalogue, lifecycle, files, diff, builder, preview): use the rooms above;
 *                 none of them uses it.
 *   admin/builder/ edits an administrator's working copy through procedures/; never applications or the back office.
 *   counter/      the counter (書かない窓口): the clerk's registry search and visits (来庁受付); uses the rooms above,
 *                 no other domain room uses it.
 *   db/seed*, db/demo-submissions*  the demo city: never imported by production code. scripts/: never imported by app/.
 */
const zone = (target, from, message) => ({ target, from, message });
const roomZones = [
  zone(
    "app/form-engine",
    [
      "app/addresses",
      "app/submissions",
      "app/auth",
      "app/backoffice",
      "app/cases",
      "app/journey",
      "app/procedures",
      "app/prefill",
      "app/residents",
      "app/routes",
      "app/db.server.ts",
      "db",
    ],
    "form-engine/ is a leaf room: it knows definitions and answers, not submissions, people, sign-in or the database.",
  ),
  zone("app", ["db/seed*", "db/seed*/**", "db/demo-submissions*"], "The demo city is seeding and test data, not production code."),
  zone("app/cases", ["app/submissions", "app/backoffice", "app/routes"], "cases/ is used by submissions/ and backoffice/, never the other way round."),
  zone("app/submissions", ["app/backoffice", "app/journey", "app/routes"], "submissions/ reaches the case workflow through cases/, not backoffice/."),
  zone(
    ["app/journey", "app/prefill", "app/procedures"],
    ["app/backoffice", "app/routes"],
    "The journey, prefill and the definitions know nothing of the back office.",
  ),
  zone(
    "app/procedures",
    ["app/journey", "app/submissions", "app/cases"],
    "procedures/ holds definitions; drafts and cases build on it, not the other way round.",
  ),
  zone(
    "app/notify",
    ["app/submissions", "app/cases", "app/backoffice", "app/journey", "app/residents", "app/routes"],
    "notify/ sends what it is given (e-mail notices); the rooms that decide what happens use it, not the other way round.",
  ),
  zone(
    ["app/form-engine", "app/procedures", "app/prefill", "app/journey", "app/submissions", "app/cases", "app/residents", "app/notify", "app/backoffice"],
    "app/admin",
    "admin/ (the administrator's pages' domain code) builds on the rooms below it; none of them uses it.",
  ),
  zone(
    "app/admin/builder",
    ["app/submissions", "app/cases", "app/backoffice", "app/residents", "app/journey"],
    "The builder edits definitions through procedures/; it never touches residents' applications.",
  ),
  zone(
    [
      "app/form-engine",
      "app/procedures",
      "app/prefill",
      "app/journey",
      "app/submissions",
      "app/cases",
      "app/residents",
      "app/notify",
      "app/backoffice",
      "app/admin",
      "app/addresses",
      "app/auth",
      "app/audit",
      "app/security",
      "app/i18n",
      "app/ui",
    ],
    "app/counter",
    "counter/ (the clerk's search and visits) builds on the domain rooms; none of them uses it.",
  ),
  zone(["app/!(routes)/**", "app/*.{ts,tsx}"], "app/routes", "Routes are entry points; share code through a domain module."),
  zone("app", "scripts", "scripts/ are command-line entry points, not modules of the app."),
];

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      "scripts/bench-trivial/build/",
      "scripts/bench-trivial/public/build/",
      "scripts/bench-trivial/.cache/",
      ".cache/",
      "node_modules/",
      "test-results/",
      "playwright-report/",
      "e2e/.results/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["**/*.{ts,tsx,js}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}", "app/test/**"],
    rules: { "import-x/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: roomZones }] },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // Field types own their behaviour: outside its own module no code asks whether a field is of a given type.
    // A raw better-sqlite3 transaction is begun IMMEDIATE, as drizzle's are (ADR 0048): called as it is, it begins
    // DEFERRED and fails at once on another program's write.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/form-engine/fields/**", "app/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.type='CallExpression'][callee.callee.property.name='transaction']",
          message: "Begin a raw transaction with .immediate() (ADR 0048): a DEFERRED one that reads first fails at once on another program's write.",
        },
        {
          selector:
            "BinaryExpression[operator=/^[!=]==?$/]:has(MemberExpression[property.name='type']):has(Literal[value=/^(group|file|date|address|personName|text|select|radio|checkboxes|yesNo|number|phone|email|katakana|textarea|guidance|declaration)$/])",
          message: "Compare no field type by name: give the field-type interface a hook and implement it in the type's module.",
        },
      ],
    },
  },
  {
    // What the browser loads of the form engine (ADR 0039): a field type's view, the views' registry and the step's
    // rendering import no schema (zod, a type's rules, the meta-schemas), types excepted; esbuild puts a whole module
    // in a page's chunk, so one value import would bring zod back to every step page.
    files: [
      "app/form-engine/fields/*.tsx",
      "app/form-engine/field-view.ts",
      "app/form-engine/field-views.ts",
      "app/form-engine/render.tsx",
      "app/form-engine/step-values.ts",
      "app/form-engine/conditions.ts",
      "app/form-engine/read-form.ts",
      "app/form-engine/{messages,normalize,localized,item-keys}.ts",
      "app/i18n/{dates,wareki,ruby,text-language,config,title}.ts",
      "app/ui/**/*.tsx",
    ],
    ignores: ["app/**/*.test.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["zod", "zod/*", "qs"], message: "The browser loads no schema and no server parser: put this in the type's rules (x.rules.ts)." },
            {
              group: ["**/*.rules", "**/field-type", "**/field-types", "**/engine", "**/definition", "**/*-schema"],
              allowTypeImports: true,
              message: "A view imports types only from the rules side (ADR 0039): a value import brings zod into the step page.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["drizzle-orm", "drizzle-orm/*"], message: "A route holds no SQL: call a domain module." },
            { group: ["**/db.server"], importNames: ["getDb"], message: "A route holds no SQL: call a domain module." },
            { group: ["**/db/*"], message: "A route holds no SQL: call a domain module." },
          ],
        },
      ],
    },
  },
  {
    // One way to read a post (issue 13): readFormBody applies the limits and maps a bad body to 400 / 413 / 415.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}", "app/test/**", "app/security/form-body.server.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["formData", "json", "text", "arrayBuffer", "blob", "body"].map((property) => ({
          object: "request",
          property,
          message: "Read a post with readFormBody (app/security/form-body.server.ts): limits, and 400 / 413 / 415 instead of a 500.",
        })),
      ],
    },
  },
  {
    // Playwright fixtures without dependencies are written `async ({}, use) => …` by design.
    files: ["e2e/**/*.ts"],
    rules: { "no-empty-pattern": "off" },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.strict.rules,
      "react/prop-types": "off",
      // The error summary takes focus on load on purpose (GOV.UK pattern), with and without JavaScript.
      "jsx-a11y/no-autofocus": "off",
      // A scrollable table region must be reachable by keyboard (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"] }],
    },
  },
);
