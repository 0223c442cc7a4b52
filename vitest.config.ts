import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Property tests and the real HCL parser's wasm are slow on a shared 2-core machine.
    testTimeout: 60_000,
    pool: "threads",
    // Stylesheets are read as text by tests that check them (the themes must not drift).
    css: { include: [/styles\.css/] },
  },
});
