/**
 * Node's zlib as the reader's inflater (the CLI; see zip.ts RawInflater):
 * native and several times faster than fflate, and it runs on libuv's thread
 * pool while the sheet XML already inflated is scanned here. Output comes in
 * pieces of at most OUT_CHUNK bytes, each counted against the unpacked-size
 * limit as it arrives, so a zip bomb is stopped at the limit whatever its
 * directory claims, never inflated whole first.
 */
import { createInflateRaw } from "zlib";
import { ZipEntryError, type RawInflater } from "./zip";

/** The most one step of inflating produces before it is counted. */
const OUT_CHUNK = 256 * 1024;
/** Compressed bytes written at a time (progress and Cancel are checked between). */
const IN_STEP = 256 * 1024;

export const nodeInflateRaw: RawInflater = (compressed, take, onStep, name) =>
  new Promise<void>((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: OUT_CHUNK });
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      z.destroy();
      reject(err);
    };
    z.on("data", (piece: Buffer) => {
      if (settled) return;
      try {
        take(piece);
      } catch (err) {
        fail(err); // the limit, or the XML behind it
      }
    });
    z.on("error", (err: NodeJS.ErrnoException) => {
      fail(new ZipEntryError("damaged", err.code === "Z_BUF_ERROR" ? `${name} is cut off` : `${name} could not be inflated (${err.message})`));
    });
    z.on("end", () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    const feed = async () => {
      for (let p = 0; p < compressed.length && !settled; p += IN_STEP) {
        const stop = Math.min(compressed.length, p + IN_STEP);
        const more = z.write(compressed.subarray(p, stop));
        const pause = onStep(stop - p);
        if (pause) await pause;
        if (!more && !settled) {
          await new Promise<void>((go) => {
            const done = () => {
              z.off("drain", done).off("close", done);
              go();
            };
            z.on("drain", done).on("close", done);
          });
        }
      }
      if (!settled) z.end();
    };
    feed().catch(fail);
  });
