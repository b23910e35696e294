// The `callbridge` command's entry. It turns on Node's module compile cache first (V8's compiled code
// kept on disk, in the OS temp directory, checked against each file's content), so that every start
// after the first skips parsing the bundle: most of an MCP server's cold start otherwise. The CLI
// itself is imported after that, so its modules are the ones cached. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./run-cli.js');
