/**
 * What the fake's proxies share: loading, the real runtime's PropertyNotLoaded
 * error, object paths and actions sized as Office.js serializes them, and
 * sizes in bytes.
 *
 * How the real runtime (office-js, excel-web-16.00.js, ClientRequestContext)
 * builds a request, and what this fake copies: every proxy stands for an
 * object path (`{"Id":7,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":5,
 * "ArgumentInfo":{"Arguments":["C5"]}}`: 1 the workbook, 3 a method, 4 a
 * property such as `format`, 5 an indexer such as `getItem` or a loaded item).
 * A request carries each path its actions reach, with all its parents, once,
 * plus an "instantiate" action for each (`{"Id":8,"ActionType":1,"Name":"",
 * "ObjectPathId":7}`), then the actions themselves (2 query, 3 method, 4 set
 * property). Paths used in an earlier request are sent again. test/excel/
 * runtime.test.ts checks these sizes against the real serializer.
 */
import type { FakeExcel } from "./fake-excel";
import { type FakeSheet, type Rect, rectA1 } from "./fake-model";

/** office-addin-mock's answer for a property that was not loaded (it does not throw). */
export const NOT_LOADED = "Error, property was not loaded";

export function json(v: unknown): number {
  return JSON.stringify(v)?.length ?? 0;
}

export function richError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: "RichApi.Error", code });
}

/** The error the real runtime throws when a property is read before it was loaded and synced. */
export function propertyNotLoaded(name: string): Error {
  return richError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const PATH_GLOBAL = 1;
export const PATH_METHOD = 3;
export const PATH_PROPERTY = 4;
export const PATH_INDEXER = 5;

export interface FakePath {
  id: number;
  type: number;
  name: string;
  parent: FakePath | null;
  args?: unknown[];
}

/** Only the instantiation of its path: what a method returning an object (worksheets.add) sends. */
export const ACTION_INSTANTIATE = 1;
export const ACTION_QUERY = 2;
export const ACTION_METHOD = 3;
export const ACTION_SET = 4;

export interface FakeAction {
  on: FakePath;
  type: number;
  name: string;
  args?: unknown[];
  select?: string[];
}

/** "fill" → "Fill", as the serializer names properties and methods. */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Where a proxy points, worked out when the queue runs; null for a null object. */
export type Target = () => { sheet: FakeSheet; rect: Rect } | null;

/** A proxy with an object path; loaded properties become readable after the sync. */
export class Loadable {
  protected loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;

  constructor(
    protected readonly x: FakeExcel,
    readonly path: FakePath,
  ) {}

  /** What a response carries for this object: its loaded properties. */
  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }

  /** Like the real runtime: known only once a load of this object has been synced. */
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw propertyNotLoaded("isNullObject");
    return this.nullObject;
  }

  /** For items that arrive loaded with their collection. */
  markLoaded(values: Record<string, unknown>): void {
    this.nullObject = false;
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }

  protected prop(name: string): any {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name);
  }

  /** A child object reached by a property (`range.format`): one path, kept as the real runtime keeps it. */
  protected child<T>(name: string, make: (path: FakePath) => T): T {
    const key = `child:${name}`;
    if (!this.children.has(key)) this.children.set(key, make(this.x.newPath(this.path, PATH_PROPERTY, pascal(name))));
    return this.children.get(key) as T;
  }
  private children = new Map<string, unknown>();

  protected queueLoad(names: string[], snapshot: () => Record<string, unknown> | null): void {
    this.x.enqueue({ on: this.path, type: ACTION_QUERY, name: "", select: names }, () => {
      const snap = snapshot();
      if (snap) for (const n of names) if (!(n in snap)) throw new Error(`fake Excel: loading "${n}" is not modelled`);
      return {
        responseBytes: json(snap ? names.map((n) => snap[n]) : null),
        commit: () => {
          this.nullObject = snap === null;
          if (snap) for (const n of names) this.loaded.set(n, snap[n]);
        },
      };
    });
  }
}

export function names(props: string | string[]): string[] {
  return (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim()).filter(Boolean);
}

export function eachCell(rect: Rect, fn: (row: number, col: number) => void): void {
  if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 2_000_000) throw new Error(`fake Excel: ${rectA1(rect)} is too large to touch cell by cell`);
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
}

export function matrixOf<T>(rect: Rect, fn: (row: number, col: number) => T): T[][] {
  if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 5_000_000) throw richError("RangeExceedsLimit", `${rectA1(rect)} is too large`);
  return Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => Array.from({ length: rect.right - rect.left + 1 }, (_, j) => fn(rect.top + i, rect.left + j)));
}

/**
 * The request body Office.js would send for these actions: every path they
 * reach (parents first) with its instantiate action, then the action; the
 * last action lists the paths it keeps ("L").
 */
export function requestBody(actions: FakeAction[], nextId: () => number): { Actions: unknown[]; ObjectPaths: Record<string, unknown> } {
  const out: unknown[] = [];
  const paths: Record<string, unknown> = {};
  const sent = new Set<number>();
  const instantiate = (p: FakePath) => {
    if (sent.has(p.id)) return;
    if (p.parent) instantiate(p.parent);
    sent.add(p.id);
    const info: Record<string, unknown> = { Id: p.id, ObjectPathType: p.type, Name: p.name };
    if (p.parent) info.ParentObjectPathId = p.parent.id;
    if (p.args) info.ArgumentInfo = { Arguments: p.args };
    paths[String(p.id)] = info;
    out.push({ Id: nextId(), ActionType: 1, Name: "", ObjectPathId: p.id });
  };
  actions.forEach((a, i) => {
    instantiate(a.on);
    if (a.type === ACTION_INSTANTIATE) return;
    const action: Record<string, unknown> = { Id: nextId(), ActionType: a.type, Name: a.name, ObjectPathId: a.on.id };
    if (a.args) action.ArgumentInfo = { Arguments: a.args };
    if (a.select) action.QueryInfo = { Select: a.select };
    if (i === actions.length - 1) action.L = [...sent];
    out.push(action);
  });
  return { Actions: out, ObjectPaths: paths };
}
