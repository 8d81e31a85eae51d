/**
 * Where uploaded bytes live: content-addressed by SHA-256, so the same file uploaded twice is
 * stored once and a stored file can never change under its name. An upload is first staged in a
 * temporary file (hashed while it streams in), checked, then renamed under its hash: a crash
 * never leaves half a file where a whole one is expected.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Bytes received and hashed, not yet stored; `path` may be read (e.g. to sniff the type). */
export interface StagedFile {
  path: string;
  sha256: string;
  size: number;
}

export interface FileStorage {
  /** Streams `source` into a temporary file, hashing it. */
  stage(source: Readable): Promise<StagedFile>;
  /** Keeps a staged file under its hash (a no-op beyond cleanup when it is already stored). */
  put(staged: StagedFile): Promise<void>;
  /** Drops a staged file that was refused. */
  discard(staged: StagedFile): Promise<void>;
  stream(sha256: string): Readable;
  has(sha256: string): Promise<boolean>;
  /** Keeps bytes made by the platform itself (the demo documents); returns their SHA-256. */
  putBytes(bytes: Uint8Array): Promise<string>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Files under `${dataDir}/files/<sha[0..2]>/<sha>`, staging in `${dataDir}/files/tmp`. */
export function localFileStorage(dataDir: string): FileStorage {
  const root = path.join(dataDir, "files");
  const tmp = path.join(root, "tmp");
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error("storage: not a SHA-256");
    return path.join(root, sha256.slice(0, 2), sha256);
  };

  return {
    async stage(source) {
      await mkdir(tmp, { recursive: true });
      const staged = path.join(tmp, `${randomUUID()}.part`);
      const hash = createHash("sha256");
      let size = 0;
      source.on("data", (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
      });
      try {
        await pipeline(source, createWriteStream(staged, { mode: 0o600 }));
      } catch (error) {
        await rm(staged, { force: true });
        throw error;
      }
      return { path: staged, sha256: hash.digest("hex"), size };
    },
    async put(staged) {
      const target = pathOf(staged.sha256);
      if (await exists(target)) {
        await rm(staged.path, { force: true });
        return;
      }
      await mkdir(path.dirname(target), { recursive: true });
      // rename within one file system is atomic: the hash name appears only with all its bytes.
      await rename(staged.path, target);
    },
    async discard(staged) {
      await rm(staged.path, { force: true });
    },
    stream(sha256) {
      return createReadStream(pathOf(sha256));
    },
    has(sha256) {
      return exists(pathOf(sha256));
    },
    async putBytes(bytes) {
      const staged = await this.stage(Readable.from([Buffer.from(bytes)]));
      await this.put(staged);
      return staged.sha256;
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
