// One bundle set for both browsers; scripts/build.mjs copies it into dist/chrome and dist/firefox with
// each browser's manifest. MV3 forbids eval, so no eval-based devtool; one file per entry, no runtime
// chunk, no public path guessing (content scripts would resolve it against the page).
const path = require('node:path');

/** @param {Record<string, string>} _env @param {{ mode?: string }} argv */
module.exports = (_env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  return {
    mode,
    target: ['web', 'es2022'],
    devtool: mode === 'development' ? 'cheap-source-map' : 'source-map',
    entry: {
      background: './src/background/index.ts',
      detector: './src/content/detector.ts',
      reader: './src/reader/index.ts',
      popup: './src/popup/popup.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist', '.bundle'),
      filename: '[name].js',
      publicPath: '',
      clean: true,
      chunkFormat: false,
      iife: true,
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        { test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2022' }, exclude: /node_modules/ },
      ],
    },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
