// The operation catalog alone (every operation's zod schemas), bundled like the package, to time its import.
export { catalog } from '../../core/registry.js';
