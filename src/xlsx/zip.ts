/**
 * The zip container of an .xlsx package: its central directory read by hand
 * (no inflating), and each entry inflated in small steps with fflate so that
 * the bytes are counted as they come out. What the directory claims is never
 * trusted: an entry that under-declares its size is stopped at the limit all
 * the same.
 */
import { Inflate } from "fflate";

export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  /** Bit 0 of the general-purpose flags: the entry is encrypted. */
  encrypted: boolean;
  compressedSize: number;
  /** What the directory claims; only used for the early check and progress. */
  declaredSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  names: string[];
  /** Sum of the uncompressed sizes the central directory declares. */
  unpackedBytes: number;
  entries: ZipEntryInfo[];
}

/**
 * Lists a zip's entries from its central directory, without inflating
 * anything; null when the directory is missing or cut off (a truncated file).
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return null;
  let entries = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: a locator 20 bytes before the classic record points to the real one.
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) return null;
    const record = readUint64(view, locator + 8);
    if (record + 56 > view.byteLength || view.getUint32(record, true) !== 0x06064b50) return null;
    entries = readUint64(view, record + 32);
    cdSize = readUint64(view, record + 40);
    cdOffset = readUint64(view, record + 48);
  }
  if (cdOffset + cdSize > view.byteLength) return null;
  const decoder = new TextDecoder("utf-8");
  const names: string[] = [];
  const list: ZipEntryInfo[] = [];
  let unpackedBytes = 0;
  let p = cdOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > view.byteLength || view.getUint32(p, true) !== 0x02014b50) return null;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > view.byteLength) return null;
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const z = zip64Fields(view, p + 46 + nameLength, extraLength, {
        size: size === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: localHeaderOffset === 0xffffffff,
      });
      if (size === 0xffffffff) size = z.size ?? Infinity;
      if (compressedSize === 0xffffffff) compressedSize = z.compressed ?? Infinity;
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = z.offset ?? Infinity;
    }
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    names.push(name);
    list.push({ name, method, encrypted: (flags & 1) !== 0, compressedSize, declaredSize: size, localHeaderOffset });
    unpackedBytes += size;
    p = next;
  }
  return { names, unpackedBytes, entries: list };
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) === 0x06054b50) return p;
  }
  return -1;
}

/** The ZIP64 extra field (id 1): the 64-bit values, in this order, of those whose classic field is 0xFFFFFFFF. */
function zip64Fields(
  view: DataView,
  start: number,
  length: number,
  which: { size: boolean; compressed: boolean; offset: boolean },
): { size?: number; compressed?: number; offset?: number } {
  for (let p = start; p + 4 <= start + length; ) {
    const id = view.getUint16(p, true);
    const fieldSize = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      const out: { size?: number; compressed?: number; offset?: number } = {};
      let q = p + 4;
      const end = p + 4 + fieldSize;
      if (which.size && q + 8 <= end) {
        out.size = readUint64(view, q);
        q += 8;
      }
      if (which.compressed && q + 8 <= end) {
        out.compressed = readUint64(view, q);
        q += 8;
      }
      if (which.offset && q + 8 <= end) out.offset = readUint64(view, q);
      return out;
    }
    p += 4 + fieldSize;
  }
  return {};
}

function readUint64(view: DataView, p: number): number {
  return view.getUint32(p, true) + view.getUint32(p + 4, true) * 0x1_0000_0000;
}

/** Why an entry could not be inflated. */
export class ZipEntryError extends Error {
  constructor(
    readonly kind: "damaged" | "too-large" | "unsupported",
    message: string,
  ) {
    super(message);
  }
}

/** Shared across every entry of one package: how many more bytes may come out of it. */
export interface InflateBudget {
  remaining: number;
  /** The limit, for messages. */
  limit: number;
}

/**
 * Compressed bytes handed to the inflater at a time: deflate expands at most
 * about 1,032 : 1, so one step never produces more than ~32 MB, and the
 * budget is checked after every step.
 */
const STEP = 128 * 1024;

/**
 * Inflates raw deflate data piece by piece: each piece goes to `take` as it
 * comes out (which counts it and may throw to stop), and after each step of
 * input `onStep` gets the compressed bytes consumed (it may return a promise
 * to pause on, or throw to stop). The default is fflate's, which runs
 * anywhere; the CLI passes Node's zlib (node-inflate.ts), several times faster.
 * Throws ZipEntryError "damaged" when the data is not deflate or is cut off.
 */
export type RawInflater = (
  compressed: Uint8Array,
  take: (piece: Uint8Array) => void,
  onStep: (compressedBytes: number) => Promise<void> | void,
  name: string,
) => Promise<void>;

/** fflate's inflater, STEP compressed bytes at a time. */
export const fflateInflateRaw: RawInflater = async (compressed, take, onStep, name) => {
  let finished = false;
  const inflater = new Inflate((piece, final) => {
    take(piece);
    if (final) finished = true;
  });
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      inflater.push(chunk, final);
    } catch (err) {
      // fflate's own errors carry a numeric code; anything else came from take and goes up as it is.
      if (typeof (err as { code?: unknown } | null)?.code !== "number") throw err;
      throw new ZipEntryError("damaged", `${name} could not be inflated (${err instanceof Error ? err.message : String(err)})`);
    }
  };
  const end = compressed.length;
  for (let p = 0; p < end; p += STEP) {
    const stop = Math.min(end, p + STEP);
    push(compressed.subarray(p, stop), stop === end);
    const pause = onStep(stop - p);
    if (pause) await pause;
  }
  if (end === 0) push(new Uint8Array(0), true);
  if (!finished) throw new ZipEntryError("damaged", `${name} is cut off`);
};

/**
 * Inflates one entry, calling `onData` with each piece as it comes out and
 * charging it to `budget`; throws ZipEntryError when the entry is damaged or
 * the budget runs out. Returns the number of bytes produced.
 */
export async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntryInfo,
  budget: InflateBudget,
  onData: (piece: Uint8Array) => void,
  /** Called after each step with the compressed bytes it consumed; may return a promise to pause on (progress, yielding). */
  onStep?: (compressedBytes: number) => Promise<void> | void,
  inflateRaw: RawInflater = fflateInflateRaw,
): Promise<number> {
  if (entry.encrypted) throw new ZipEntryError("unsupported", `${entry.name} is encrypted`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (!(local + 30 <= bytes.length) || view.getUint32(local, true) !== 0x04034b50) {
    throw new ZipEntryError("damaged", `${entry.name}: no local header where the directory says`);
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (!(end <= bytes.length)) throw new ZipEntryError("damaged", `${entry.name} runs past the end of the file`);
  let produced = 0;
  const take = (piece: Uint8Array) => {
    if (piece.length === 0) return;
    produced += piece.length;
    budget.remaining -= piece.length;
    if (budget.remaining < 0) throw new ZipEntryError("too-large", `unpacks to more than the limit`);
    onData(piece);
  };
  if (entry.method === 0) {
    for (let p = start; p < end; p += STEP) {
      const stop = Math.min(end, p + STEP);
      take(bytes.subarray(p, stop));
      const pause = onStep?.(stop - p);
      if (pause) await pause;
    }
    return produced;
  }
  if (entry.method !== 8) throw new ZipEntryError("unsupported", `${entry.name} is compressed with method ${entry.method}`);
  await inflateRaw(bytes.subarray(start, end), take, (n) => onStep?.(n), entry.name);
  return produced;
}
