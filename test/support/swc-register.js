/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- a CommonJS preload script, run by node before any TypeScript */
/* Lets a child `node` process run the TypeScript sources directly (as Jest does, with SWC), so a
 * test can start real worker processes without a build. Used as `node -r <this file> src/main.ts`. */
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
