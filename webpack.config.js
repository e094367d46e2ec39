/**
 * Builds the Excel task pane: src/taskpane/index.tsx → dist/taskpane.[contenthash].js,
 * dist/taskpane.html, and copies manifest.xml and assets/ beside them.
 *
 *   npx webpack --mode production                      published build: Office.js from Microsoft's CDN
 *   npx webpack --mode development                     local Office.js (no internet needed)
 *   npx webpack --mode production --env officejs=local a production bundle with the local Office.js (tests)
 *   npx webpack serve --mode development               https://localhost:3000 with office-addin-dev-certs
 *   --env out=DIR                                      build into DIR instead of dist/
 *
 * The reader of dropped files runs in a Web Worker (src/taskpane/worker/:
 * webpack builds `new Worker(new URL(…, import.meta.url))` as a chunk of its
 * own, xlsx-read); ExcelJS (writing pir-tables.xlsx) and the Office.js adapter
 * are loaded with import() and land in their own chunks, so the first
 * download is React, Fluent UI and the engine only.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_DIST = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");
const INITIAL_BUDGET_BYTES = 250 * 1024;

/** The Content-Security-Policy of the pane (see the comment in taskpane.html). */
function contentSecurityPolicy(localOffice) {
  const scripts = localOffice ? "'self'" : "'self' https://appsforoffice.microsoft.com";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * office.js and only what it loads in Excel (its per-host Excel scripts and
 * its English and Spanish strings), not the 86 MB folder. Already minified:
 * `minimized` keeps Terser off them.
 */
function localOfficeJsPatterns() {
  const info = { minimized: true };
  return [
    { from: "office.js", context: OFFICE_DIST, info },
    { from: "o15apptofilemappingtable.js", context: OFFICE_DIST, info },
    { from: "excel-*16.0*.js", context: OFFICE_DIST, info, globOptions: { ignore: ["**/*.debug.js"] } },
    { from: "en-us/office_strings.js", to: "en-us/office_strings.js", context: OFFICE_DIST, info },
    { from: "es-es/office_strings.js", to: "es-es/office_strings.js", context: OFFICE_DIST, info },
  ];
}

/**
 * ExcelJS ships minified (dist/exceljs.min.js); running the minimizer over
 * its 900 kB again takes a minute and gains nothing. Marks its chunk done.
 */
class PreminifiedChunkPlugin {
  constructor(chunkName) {
    this.chunkName = chunkName;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PreminifiedChunkPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "PreminifiedChunkPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          for (const chunk of compilation.chunks) {
            if (chunk.name !== this.chunkName) continue;
            for (const file of chunk.files) compilation.updateAsset(file, (source) => source, { minimized: true });
          }
        },
      );
    });
  }
}

/**
 * office-addin-dev-certs' localhost certificate, made without installing
 * anything where that takes root (scripts/dev-certs.js); quiet when npm start
 * has just seen to it. Failing that, webpack-dev-server's own self-signed one.
 */
async function httpsOptions() {
  const { ensureDevCertificates } = require("./scripts/dev-certs");
  const certificates = await ensureDevCertificates({ quiet: process.env.PIR_DEV_CERTS_CHECKED === "1" });
  return certificates ? { type: "https", options: certificates } : "https";
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const localOffice = dev || env.officejs === "local";
  const outDir = env.out ? path.resolve(env.out) : path.resolve(__dirname, "dist");

  return {
    mode,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: outDir,
      filename: "[name].[contenthash].js",
      chunkFilename: "[name].[contenthash].js",
      publicPath: "/",
      // dist/ also holds the CLI's tsc output (dist/cli, dist/core…): remove only the pane's own old files.
      clean: { keep: (asset) => /[\\/]/.test(asset) && !/^assets[\\/]/.test(asset) },
    },
    // No eval-based source maps: the pane's CSP allows no 'unsafe-eval'.
    devtool: dev ? "source-map" : false,
    resolve: { extensions: [".tsx", ".ts", ".mjs", ".js"] },
    optimization: {
      // The runtime apart: a change in a lazy chunk then leaves taskpane.*.js cached.
      runtimeChunk: "single",
      splitChunks: {
        // Lazy chunks share what they have in common (the reader's worker and its page fallback), except the
        // checking worker (engine-check): a chunk it shared with the reading worker would carry the engine's
        // code into every read, for the core modules the reader imports through src/core/index.ts.
        chunks: (chunk) => !chunk.canBeInitial() && chunk.name !== "engine-check",
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", enforce: true },
        },
      },
    },
    module: {
      // A browserify bundle with nothing for webpack to resolve inside.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.bare)?\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // ES modules for webpack: tree shaking, and import() as real split points.
              compilerOptions: { module: "es2020", sourceMap: dev },
            },
          },
        },
        {
          // The engine is pure (src/core/tsconfig.json: no DOM, no Node; nothing runs at import but constants): a
          // chunk that imports one helper through src/core/index.ts (the reader's columnName) leaves the rest out.
          test: /[\\/]src[\\/]core[\\/]/,
          sideEffects: false,
        },
      ],
    },
    plugins: [
      new PreminifiedChunkPlugin("exceljs"),
      new HtmlWebpackPlugin({
        template: "./src/taskpane/taskpane.html",
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        templateParameters: { officeJs: localOffice ? "/office.js" : OFFICE_CDN, csp: contentSecurityPolicy(localOffice) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "manifest.xml", to: "manifest.xml", noErrorOnMissing: true },
          { from: "assets", to: "assets", noErrorOnMissing: true },
          ...(localOffice ? localOfficeJsPatterns() : []),
        ],
      }),
    ],
    performance: {
      hints: "warning",
      maxEntrypointSize: INITIAL_BUDGET_BYTES,
      maxAssetSize: INITIAL_BUDGET_BYTES,
      // Only the pane's own first download counts; ExcelJS and Office.js arrive later or from elsewhere.
      assetFilter: (file) => /^taskpane\..*\.js$/.test(file),
    },
    devServer: {
      host: "localhost",
      port: 3000,
      server: env.WEBPACK_SERVE ? await httpsOptions() : "https",
      // No CORS headers: nothing on another origin needs to read the pane's files.
      headers: {},
      hot: true,
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
