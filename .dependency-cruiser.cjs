// Layers of src/, lowest first. A module may import from its own layer and the layers below it,
// never from a layer above (CONTRIBUTING.md, "Layers"). Checked in `npm test`.
const layers = [
  { name: "base", path: "^src/(_[^/]+|errors|i18n/.+)\\.ts$" },
  { name: "formulas", path: "^src/formulas/" },
  { name: "levels", path: "^src/levels/" },
  { name: "catalog", path: "^src/catalog/" },
  { name: "io", path: "^src/io/" },
  { name: "engine", path: "^src/engine/" },
  { name: "lineage", path: "^src/lineage/" },
  { name: "analysis", path: "^src/analysis/" },
  { name: "cli", path: "^src/(cli/|cli\\.ts$)" },
];

const upward = layers.flatMap((layer, i) =>
  layers.slice(i + 1).map((above) => ({
    name: `${layer.name}-not-to-${above.name}`,
    comment: `${layer.name} sits below ${above.name}: it must not import it`,
    severity: "error",
    from: { path: layer.path },
    to: { path: above.path },
  })),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "modules import one way", from: {}, to: { circular: true } },
    ...upward,
    {
      name: "kinds-stand-alone",
      severity: "error",
      comment:
        "a formula kind's folder imports only the shared formula modules (src/formulas/_*.ts) and the base layer, never another kind",
      from: { path: "^src/formulas/([^_/][^/]*)/" },
      to: { path: "^src/formulas/[^_/][^/]*/", pathNot: "^src/formulas/$1/" },
    },
    {
      name: "library-not-to-cli",
      severity: "error",
      comment: "the public API does not pull in the command line",
      from: { path: "^src/index\\.ts$" },
      to: { path: "^src/cli" },
    },
    { name: "not-to-tests", severity: "error", from: { path: "^src/", pathNot: "\\.test\\.ts$" }, to: { path: "^test/|\\.test\\.ts$" } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.generated\\.ts$" },
  },
};
