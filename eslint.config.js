// ESLint (flat config): TypeScript rules for every source file, React hooks
// rules for the task pane, and the house rule that src/core stays free of
// Node and Office APIs so that it runs in the task pane too.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const reactHooks = require("eslint-plugin-react-hooks");
const globals = require("globals");

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/fixtures/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The typed fake of Excel answers Office.js's dynamically shaped objects.
    files: ["test/excel/helpers/fake-*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "path", "os", "child_process", "node:*", "exceljs", "../xlsx/*", "../excel/*", "../cli/*", "**/taskpane/*"] },
      ],
      "no-restricted-globals": ["error", "process", "Buffer", "Office", "Excel", "require", "__dirname"],
    },
  },
  {
    // Outside the engine, the core is one module: its entry point src/core/index.ts.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/core/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/core/*"], message: "Import the engine through src/core (its index.ts)." }] }],
    },
  },
);
