/**
 * A Vite plugin: after the build is written, a brotli (.br) and a gzip (.gz) copy next to every
 * text file worth compressing (scripts, styles, index.html). The server sends the copy the browser
 * accepts (@fastify/static `preCompressed`), so nothing is compressed per request and the smallest
 * form (brotli at its highest quality, too slow to do per request) is what phones download.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;
/** Below about one packet compression saves nothing worth a second file. */
const MIN_BYTES = 1024;

/** @returns {import("vite").Plugin} */
export function precompress() {
  let outDir = "dist";
  return {
    name: "hatchery-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name) && !name.startsWith("."));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(outDir, name);
          const raw = await readFile(file);
          if (raw.length < MIN_BYTES) return;
          const [br, gzipped] = await Promise.all([
            brotli(raw, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
            gz(raw, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
        }),
      );
    },
  };
}
