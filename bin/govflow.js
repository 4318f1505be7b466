#!/usr/bin/env node
// The govflow CLI; runs the compiled TypeScript (npm run build).
require('../dist/cli/main.js');
