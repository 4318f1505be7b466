'use strict';
// The model-check worker when govflow runs from its TypeScript source (jest, ad-hoc scripts);
// built into dist/, the pool starts the compiled model-check-worker.js instead. Each .ts file
// the worker requires is compiled by swc (a devDependency, which jest runs on) with jest's
// settings; the ES-module packages load through Node's own require of ES modules.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const options = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' };
require.extensions['.ts'] = (module, filename) => {
  module._compile(transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
};

module.exports = require('./model-check-worker.ts');
