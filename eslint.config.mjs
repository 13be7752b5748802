import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The evaluator must stay usable from a CLI, a test or a browser on its own.
    files: ["lib/network/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["react", "react-dom", "react/*", "next", "next/*", "next-auth", "next-auth/*", "@prisma/*", "@/generated/*", "@/app/*", "@/components/*", "@/lib/*", "!@/lib/network/*"], message: "lib/network is standalone: import nothing from React, Next, Prisma or the rest of the app." }
        ],
      }],
    },
  },
  {
    files: ["**/*.cjs", "scripts/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", require: "readonly", module: "writable", __dirname: "readonly" } },
  },
);
