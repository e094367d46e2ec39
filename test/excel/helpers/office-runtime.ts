/**
 * The real Office.js runtime (node_modules/@microsoft/office-js, the Excel on
 * the web script) loaded in a jsdom window, with a request executor of ours in
 * place of Excel: it records each request body exactly as the runtime
 * serializes it and answers it. It answers two loads, in the runtime's own
 * response format: the worksheets collection (the sheets given) and any
 * conditional-format collection (empty); everything else is "done, nothing
 * to return". Used to run the adapter's writes and highlights through the
 * real serializer and measure every request, and to check the fake's
 * behaviour (PropertyNotLoaded, isNullObject) against the real thing.
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
  const { JSDOM } = require("jsdom") as { JSDOM: new (html: string, options: object) => { window: Window } };
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { runScripts: "outside-only", url: "https://localhost/" });
  dom.window.eval(fs.readFileSync(SCRIPT, "utf8"));
  loaded = dom.window;
  return loaded;
}

type Body = RealRequest["body"];

/** Results for the queries the runtime sent: `_Items` is how it expects a collection. */
function answer(body: Body, sheets: string[]): unknown[] {
  const results: unknown[] = [];
  let added = 0;
  for (const action of body.Actions) {
    const path = body.ObjectPaths[String(action.ObjectPathId)];
    if (action.ActionType === 1 && path?.ObjectPathType === 3 && path.Name === "Add" && body.ObjectPaths[String(path.ParentObjectPathId)]?.Name === "Worksheets") {
      // Excel answers a new sheet with its id: the runtime then reaches it as worksheets.getItem(id) in later requests.
      results.push({ ActionId: action.Id, Value: { _Id: `{00000000-0002-0000-0000-${String(++added).padStart(12, "0")}}` } });
      continue;
    }
    if (action.ActionType !== 2) continue;
    if (path?.Name === "Worksheets") {
      const items = sheets.map((name, i) => ({ Name: name, Visibility: "Visible", _Id: `{00000000-0001-0000-0000-${String(i).padStart(12, "0")}}` }));
      results.push({ ActionId: action.Id, Value: { _Items: items } });
    } else if (path?.Name === "ConditionalFormats") {
      results.push({ ActionId: action.Id, Value: { _Items: [] } });
    } else {
      throw new Error(`office-runtime: no answer for a query on ${JSON.stringify(path)}`);
    }
  }
  return results;
}

/** A fresh RequestContext of the real runtime whose requests are recorded; `sheets` are the workbook's sheet names. */
export function realExcel(sheets: string[] = ["Work plan"]): RealRuntime {
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
          return Promise.resolve({ ErrorCode: "", HttpStatusCode: 200, Headers: {}, Body: { Results: answer(message.Body, sheets) } });
        },
      };
    }
  }
  const context = new w.Excel.RequestContext(new RecordingSession() as unknown as Excel.Session);
  return { context, requests };
}
