/**
 * Reads a workbook from disk (Node only). Everything that can go wrong with a
 * path — missing, a folder, empty, unreadable — becomes a WorkbookReadError
 * naming the path as the user typed it; the bytes are then checked and
 * converted by read.ts.
 */
import { promises as fs } from "fs";
import { basename } from "path";
import { nodeInflateRaw } from "./node-inflate";
import { MAX_UNPACKED_BYTES, WorkbookReadError, readWorkbookBuffer, type ReadOptions } from "./read";
import type { WorkbookGrid } from "../core";

export interface ReadFileOptions extends Pick<ReadOptions, "maxCells" | "onProgress" | "signal"> {
  /**
   * Called once when reading takes longer than `slowAfterMs`, so a CLI can
   * show progress. The reader gives the event loop a turn every 50 ms, so this
   * fires during a long read, not after it.
   */
  onSlow?: (message: string) => void;
  /** Default 1,000 ms. */
  slowAfterMs?: number;
  /** Default 500 MB; see read.ts. */
  maxUnpackedBytes?: number;
}

export async function readWorkbookFile(path: string, options: ReadFileOptions = {}): Promise<WorkbookGrid> {
  const maxUnpackedBytes = options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
  const size = await fileSize(path);
  // A zip never unpacks to less than its stored entries, so a file this big
  // cannot pass the unpacked-size guard: refuse it before loading it into memory.
  if (size > maxUnpackedBytes) {
    throw new WorkbookReadError(
      path,
      "too-large",
      `the file is ${Math.round(size / 1024 / 1024)} MB, above the limit of ${Math.round(maxUnpackedBytes / 1024 / 1024)} MB`,
    );
  }
  const onSlow = options.onSlow;
  const slowAfterMs = options.slowAfterMs ?? 1000;
  const started = Date.now();
  let told = !onSlow;
  const tell = () => {
    if (told) return;
    told = true;
    onSlow?.(`Reading ${basename(path)} (${(size / 1024 / 1024).toFixed(1)} MB)…`);
  };
  const timer = onSlow ? setTimeout(tell, slowAfterMs) : undefined;
  const onProgress: ReadOptions["onProgress"] = (progress) => {
    if (Date.now() - started >= slowAfterMs) tell();
    options.onProgress?.(progress);
  };
  try {
    let data: Buffer;
    try {
      data = await fs.readFile(path);
    } catch (err) {
      throw fileError(path, err);
    }
    return await readWorkbookBuffer(data, path, { maxUnpackedBytes, maxCells: options.maxCells, signal: options.signal, onProgress, inflateRaw: nodeInflateRaw });
  } finally {
    if (timer) clearTimeout(timer);
  }
}

async function fileSize(path: string): Promise<number> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (err) {
    throw fileError(path, err);
  }
  if (stat.isDirectory()) throw new WorkbookReadError(path, "directory", "this is a folder, not a workbook file");
  if (!stat.isFile()) throw new WorkbookReadError(path, "unreadable", "this is not a regular file");
  if (stat.size === 0) throw new WorkbookReadError(path, "empty", "the file is empty");
  return stat.size;
}

function fileError(path: string, err: unknown): WorkbookReadError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return new WorkbookReadError(path, "not-found", "file not found");
    case "EISDIR":
      return new WorkbookReadError(path, "directory", "this is a folder, not a workbook file");
    case "EACCES":
    case "EPERM":
      return new WorkbookReadError(path, "unreadable", "permission denied");
    case "EBUSY":
      return new WorkbookReadError(path, "unreadable", "the file is locked by another program; close it and try again");
    default:
      return new WorkbookReadError(path, "unreadable", `the file could not be read (${code ?? String(err)})`);
  }
}
