#!/usr/bin/env node
// In a clone, `npm install && npm run build` then `npx callbridge` runs the freshly built CLI.
import '../../dist/callbridge/cli.js';
