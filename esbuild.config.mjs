/**
 * Bundles the CLI into one file, dist/cli/pir-check.js (package.json's `bin`),
 * so that Node does not resolve and compile some hundred modules at every
 * start: `npm run build:cli` runs tsc first (type check and dist/ for the
 * bench), then this, which replaces tsc's dist/cli/pir-check.js.
 *
 * - zod stays out: core builds its schemas `@__PURE__` and the CLI checks its
 *   settings in plain code (core's checkSettings), so nothing on the CLI's
 *   path uses a schema and esbuild drops them and zod with them. The build
 *   fails if zod comes back.
 * - ExcelJS stays out of the bundle and out of start-up: `import ExcelJS from
 *   "exceljs"` (src/xlsx/write.ts) gets a stand-in that requires the
 *   installed package the first time a member is read, i.e. only when
 *   `tables` writes a workbook.
 */
import { chmodSync } from "fs";
import { build } from "esbuild";

const lazyExcelJs = {
  name: "lazy-exceljs",
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, (args) =>
      args.namespace === "lazy-exceljs" ? { path: "exceljs", external: true } : { path: "exceljs", namespace: "lazy-exceljs" },
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-exceljs" }, () => ({
      contents:
        "let m; const load = () => (m ??= require('exceljs'));\n" +
        "module.exports = new Proxy({}, { get: (_, key) => (key === '__esModule' ? false : load()[key]), has: (_, key) => key in load() });\n",
      loader: "js",
    }));
  },
};

const OUT = "dist/cli/pir-check.js";

const result = await build({
  entryPoints: ["src/cli/pir-check.ts"],
  outfile: OUT,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  plugins: [lazyExcelJs],
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
});

// What made it into the bundle (metafile.inputs also lists what was parsed, then shaken off).
const bundled = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f));
const zod = bundled.filter((f) => /node_modules\/zod\//.test(f));
if (zod.length > 0) {
  console.error(`esbuild.config.mjs: zod is in the CLI bundle again (${zod[0]}…): something on the CLI's path uses a zod schema`);
  process.exit(1);
}

// Executable, as npm makes a bin on install: `./dist/cli/pir-check.js` runs through its first line.
chmodSync(OUT, 0o755);
