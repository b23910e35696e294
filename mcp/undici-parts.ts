// The parts of undici the transport uses, imported lazily through this module: undici is CommonJS, and
// a bundle split into chunks gives a dynamic import() of a CommonJS package only its default export.
export { Agent, ProxyAgent, request } from 'undici';
