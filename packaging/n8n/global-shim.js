// Injected into the bundled n8n package in place of `globalThis` (community nodes may not touch it).
// zod keeps its global config and schema registry there; inside the bundle a module-local object serves.
// jitless: zod validates without generating code (no `new Function` at run time).
const bundleGlobal = { __zod_globalConfig: { jitless: true } };
export { bundleGlobal as globalThis };
