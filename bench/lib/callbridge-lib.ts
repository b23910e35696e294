// What a program that uses callbridge as a client loads: the core client, the catalog, the undici transport, the runtime.
// Bundled like the published package (core inlined; undici and zod external) to measure cold require and install size.
export { CallbridgeClient } from '../../core/client.js';
export { catalog } from '../../core/registry.js';
export { UndiciTransport } from '../../mcp/undici-transport.js';
export { systemRuntime } from '../../mcp/runtime.js';
