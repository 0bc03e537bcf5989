// Jest transform: a .css file becomes a module whose default export is its text, as webpack's
// `asset/source` makes it in the bundle.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
