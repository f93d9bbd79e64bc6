import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", "app/generated/", "node_modules/", "playwright-report/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["scripts/**", "e2e/**", "prisma/**"],
    rules: { "no-console": "off" },
  },
  // Layers (see the README's Architecture section). Routes call models and render components; models
  // own writes and never reach up into a route or a component; components render what they are given
  // and never read or write the database themselves. `import type` is allowed where noted: a type is
  // erased at build time, so a component that names the shape a model returns gains no dependency on
  // the model's code (nothing of it reaches the browser bundle); what the rule stops is a call.
  {
    files: ["app/models/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(~/|(\\.\\./)+)routes(/|$)",
              message: "A model must not import a route: routes call models, not the other way round.",
            },
            {
              regex: "^(~/|(\\.\\./)+)components(/|$)",
              message: "A model must not import a component: put shared code in app/utils/ or app/schemas/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(~/|(\\.\\./)+)models(/|$)",
              allowTypeImports: true,
              message:
                "A component must not call a model: the route loads the data and passes it in (`import type` is fine).",
            },
            {
              regex: "\\.server(\\.tsx?)?$",
              allowTypeImports: true,
              message:
                "A component must not import a *.server module: it also runs in the browser (`import type` is fine).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["search/**"],
    // Its tests may borrow the app's test stand-ins and fixtures: they are not part of the library.
    ignores: ["search/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(~/|(\\.\\./)+app/)",
              message: "search/ is the engine library: it must not depend on the app (app/ adapts it instead).",
            },
          ],
        },
      ],
    },
  },
);
