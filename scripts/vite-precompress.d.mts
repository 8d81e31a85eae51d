import type { Plugin } from "vite";

/** See vite-precompress.mjs: .br and .gz copies of the built text files. */
export function precompress(): Plugin;
