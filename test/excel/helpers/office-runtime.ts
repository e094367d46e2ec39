/**
 * The real Office.js runtime (node_modules/@microsoft/office-js, the Excel on
 * the web script) loaded in a jsdom window, with a request executor of ours in
 * place of Excel: it records each request body exactly as the runtime
 * serializes it and answers "done, nothing to return". Used to measure what
 * the adapter's operations really cost in a request and to check the fake's
 * behaviour (PropertyNotLoaded, isNullObject) against the real thing. It
 * cannot answer loads: reads are tested on the fake.
 */
import * as fs from "fs";
import * as path from "path";

const SCRIPT = path.join(__dirname, "..", "..", "..", "node_modules", "@microsoft", "office-js", "dist", "excel-web-16.00.debug.js");

export interface RealRequest {
  bytes: number;
  body: { Actions: Array<Record<string, unknown>>; ObjectPaths: Record<string, Record<string, unknown>> };
}

export interface RealRuntime {
  context: Excel.RequestContext;
  requests: RealRequest[];
}

type Window = { eval(src: string): unknown; Excel: typeof Excel; OfficeExtension: typeof OfficeExtension & { SessionBase: new () => object } };
let loaded: Window | null = null;

function runtimeWindow(): Window {
  if (loaded) return loaded;
  // jsdom comes with jest-environment-jsdom.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require("jsdom") as { JSDOM: new (html: string, options: object) => { window: Window } };
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { runScripts: "outside-only", url: "https://localhost/" });
  dom.window.eval(fs.readFileSync(SCRIPT, "utf8"));
  loaded = dom.window;
  return loaded;
}

/** A fresh RequestContext of the real runtime whose requests are recorded. */
export function realExcel(): RealRuntime {
  const w = runtimeWindow();
  const requests: RealRequest[] = [];
  const Base = w.OfficeExtension.SessionBase;
  class RecordingSession extends Base {
    _resolveRequestUrlAndHeaderInfo() {
      return Promise.resolve({ url: "https://localhost/", headers: {} });
    }
    _createRequestExecutorOrNull() {
      return {
        executeAsync: (_customData: unknown, _flags: unknown, message: { Body: RealRequest["body"] }) => {
          requests.push({ bytes: JSON.stringify(message.Body).length, body: message.Body });
          return Promise.resolve({ ErrorCode: "", HttpStatusCode: 200, Headers: {}, Body: { Results: [] } });
        },
      };
    }
  }
  const context = new w.Excel.RequestContext(new RecordingSession() as unknown as Excel.Session);
  return { context, requests };
}
