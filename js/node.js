// mubiao for Node as an ES module: the CommonJS entry under another name, so
// that `import` and `require` in one process share one WebAssembly instance.
import mubiao from './node.cjs';

export const { createAnalyzer } = mubiao;
