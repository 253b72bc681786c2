// A jest transform for dependencies that ship only ES modules (jest's runtime is CommonJS):
// esbuild rewrites their import/export syntax, nothing else. Node itself loads them natively.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      format: 'cjs',
      loader: 'js',
      target: 'node20',
      sourcemap: true,
      sourcefile: filename,
    });
    return { code, map };
  },
};
