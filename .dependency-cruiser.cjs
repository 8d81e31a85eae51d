/**
 * The layer rules of ../shared/DESIGN.md, checked on every `npm run check`:
 * domain and schemas are pure; db never reaches up; server never imports the web app; the web
 * app never imports the server or the database.
 */
const forbid = (name, from, to, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    forbid(
      "domain-is-pure",
      "^src/domain",
      "^src/(schemas|db|server|web)",
      "src/domain holds rules only: no I/O, no framework",
    ),
    forbid(
      "schemas-are-contracts",
      "^src/schemas",
      "^src/(db|server|web)",
      "contracts are shared by server and web",
    ),
    forbid("db-below-server", "^src/db", "^src/(server|web)", "the data layer does not know HTTP or the UI"),
    forbid("server-not-web", "^src/server", "^src/web", "the server does not import the web app"),
    forbid(
      "web-not-server",
      "^src/web",
      "^src/(server|db)",
      "the web app talks to the server only over HTTP",
    ),
    {
      name: "domain-no-node-io",
      comment: "domain rules do no I/O",
      severity: "error",
      from: { path: "^src/domain" },
      to: {
        dependencyTypes: ["core"],
        path: "^(fs|net|http|https|child_process|node:fs|node:net|node:http|node:https|node:child_process)$",
      },
    },
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
