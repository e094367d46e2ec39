/**
 * The recognisers, asked in this order: the first that accepts a header and
 * finds a table under it reads it. A new layout is one file beside this
 * one, added here.
 */
import { componentsAsColumns } from "./components-as-columns";
import { ledger } from "./ledger";
import { lineItems } from "./line-items";
import { plainLines } from "./plain-lines";
import { rowsByComponent } from "./rows-by-component";
import type { Recognizer } from "./types";

export const recognizers: readonly Recognizer[] = [ledger, componentsAsColumns, lineItems, rowsByComponent, plainLines];

export type { Recognizer, RecognizeContext, TableDraft } from "./types";
