/**
 * What the fake's proxies share: loading with the mock's "not loaded" answer,
 * RichApi-like errors, and sizes in bytes.
 */
import type { FakeExcel } from "./fake-excel";
import { type FakeSheet, type Rect, rectA1 } from "./fake-model";

export const NOT_LOADED = "Error, property was not loaded";

export function json(v: unknown): number {
  return JSON.stringify(v)?.length ?? 0;
}

export function richError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: "RichApi.Error", code });
}

/** Where a proxy points, worked out when the queue runs; null for a null object. */
export type Target = () => { sheet: FakeSheet; rect: Rect } | null;

/** Loaded properties, readable after the sync. */
export class Loadable {
  protected loaded = new Map<string, unknown>();
  private nullObject = false;

  /** What a response carries for this object: its loaded properties. */
  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }

  get isNullObject(): boolean {
    return this.nullObject;
  }

  protected prop(name: string): any {
    return this.loaded.has(name) ? this.loaded.get(name) : NOT_LOADED;
  }

  protected queueLoad(x: FakeExcel, names: string[], snapshot: () => Record<string, unknown> | null): void {
    x.enqueue(json(names), () => {
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

