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
            // antd apart from app code, long-cached: its core (theme, CSS-in-JS, locale, layout)
            // in one chunk, and the big components in their own, so the login page does not
            // download the table, date pickers or upload that only later pages use.
            {
              name: antdChunk,
              debugName: "antd",
              test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+)[\\/]/,
              priority: 20,
            },
            {
              name: "react",
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 15,
            },
            { name: "vendor", test: /[\\/]node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});

/** Heavy antd components (with their rc-component engines) get their own chunk; the rest is "antd". */
const HEAVY: Record<string, string> = {
  table: "antd-table",
  pagination: "antd-table",
  "@rc-component/table": "antd-table",
  "@rc-component/pagination": "antd-table",
  "date-picker": "antd-picker",
  "time-picker": "antd-picker",
  calendar: "antd-picker",
  "@rc-component/picker": "antd-picker",
  upload: "antd-upload",
  "@rc-component/upload": "antd-upload",
  steps: "antd-steps",
  "@rc-component/steps": "antd-steps",
  descriptions: "antd-descriptions",
  result: "antd-result",
  tree: "antd-table",
  "@rc-component/tree": "antd-table",
  select: "antd-select",
  "auto-complete": "antd-select",
  "@rc-component/select": "antd-select",
  "@rc-component/virtual-list": "antd-select",
};

function antdChunk(id: string): string {
  // antd's locale files import each component's locale strings: those stay in the core chunk,
  // or the core would statically require every heavy chunk.
  // Likewise Tooltip reads a context that lives in table/.
  if (/[\\/]locale[\\/]|TableMeasureRowContext/.test(id)) return "antd";
  const component = /[\\/]node_modules[\\/]antd[\\/]es[\\/]([\w-]+)[\\/]/.exec(id)?.[1];
  const rc = /[\\/]node_modules[\\/](@rc-component[\\/][\w-]+)[\\/]/.exec(id)?.[1]?.replace("\\", "/");
  return (component && HEAVY[component]) || (rc && HEAVY[rc]) || "antd";
}
