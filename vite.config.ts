import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./scripts/vite-precompress.mjs";

/** The web app: index.html at the project root, built into dist/web, which the server serves. */
export default defineConfig({
  root: ".",
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: { "/api": { target: process.env.API_TARGET ?? "http://localhost:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // dist/web/.vite/manifest.json: which chunks each page loads (scripts/bundle-report.mjs).
    manifest: true,
    rolldownOptions: {
      // antd's @rc-component/* packages declare no "sideEffects", so a module of theirs that only
      // a barrel re-exports stayed in the bundle (the whole of rc-form behind ConfigProvider, for
      // one context). They run nothing on import; unused ones can go.
      treeshake: {
        moduleSideEffects: (id) => (/[\\/]node_modules[\\/]@rc-component[\\/]/.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: {
          // Everything but React is split by Rolldown's own rule: a module goes to the chunk of the
          // pages that use it, so the portal loads only the antd components it renders. That rule
          // cannot make a cycle (a chunk only imports chunks used by at least the same pages);
          // `npm run bundle:report` checks it. Grouping antd by hand did make cycles
          // (core <-> table/steps/select) that broke pages at run time.
          includeDependenciesRecursively: false,
          groups: [
            // React, its DOM renderer and the router: used by every page, changed rarely, so one
            // long-cached chunk. A group takes only the modules its test matches.
            {
              name: "react",
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 15,
            },
            // ECharts and its renderer: imported only by the lazy chart of the figures' homes, so
            // a chunk of their own that no other page fetches.
            { name: "echarts", test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 12 },
          ],
        },
      },
    },
  },
});
