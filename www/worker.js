// The worker owns the analyzer: the dictionary loads here, so the page never
// freezes, and it starts loading as soon as the page opens.
import init, { Analyzer } from './pkg/mubiao.js';

let analyzer;
const ready = init()
  .then(() => {
    analyzer = new Analyzer({});
    postMessage({ type: 'ready' });
  })
  .catch((e) => postMessage({ type: 'error', message: `加载失败: ${e.message}` }));

onmessage = async ({ data }) => {
  await ready;
  if (!analyzer) return;
  try {
    const result = analyzer.analyze(data.text, data.options ?? {});
    postMessage({ type: 'result', id: data.id, result });
  } catch (e) {
    postMessage({ type: 'error', id: data.id, message: e.message });
  }
};
