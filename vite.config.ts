import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The web app: index.html at the project root, built into dist/web, which the server serves. */
export default defineConfig({
  root: ".",
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/api": { target: process.env.API_TARGET ?? "http://localhost:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group takes only the modules its test matches (not their dependencies: antd must
          // not pull react-dom into its chunk).
          includeDependenciesRecursively: false,
          groups: [
            // antd apart from app code, long-cached, in ONE chunk. Splitting its heavy components
            // into chunks of their own made chunk cycles (core ↔ table/steps/select) whose
            // evaluation order broke at run time ("w is not a function") once more pages used them.
            {
              name: "antd",
              debugName: "antd",
              test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+)[\\/]/,
              priority: 20,
            },
            {
              name: "react",
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 15,
            },
            // ECharts and its renderer only on the pages that draw a chart (imported lazily there);
            // left to "vendor" it would ride along on every page.
            { name: "echarts", test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 12 },
            { name: "vendor", test: /[\\/]node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
