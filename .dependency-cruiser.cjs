// Import cycles in src/, checked by `npm run lint:cycles` (part of `npm run lint` and `npm test`).
//
// ESLint's import plugins skip `import type` when they look for cycles; this checker does not
// (tsPreCompilationDeps), because a type-only cycle still says two modules own each other's
// state. The layer boundaries themselves live in eslint.config.js.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A module reaches itself again through its imports (type-only imports count). Move the shared ' +
        'types into a leaf module both sides import, as spark/master-state.ts does for the Master.',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
