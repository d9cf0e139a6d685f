// The worker owns the analyzer, so the page never freezes while the
// dictionary loads or a long text is read. The page starts it as soon as it
// opens and talks to it with plain messages (engine.js is the other end).
//
// Requests, answered with the same `id`:
//   {type: 'init', wasm?, userDict?, maxInputBytes}  → ready | error
//   {type: 'analyze', id, text, keepLines}           → analysis | error
//   {type: 'words', id, text, keywords}              → progress… then words | error
//   {type: 'dict', id, userDict}                     → dict | error (the old dictionary stays)
//   {type: 'cancel', id}                             stops a `words` job between chunks
//
// A trap inside the wasm (a panic, running out of memory) leaves the instance
// unusable: the worker says `fatal` and closes, and the page starts a new one.
import init, { Analyzer } from './pkg/mubiao.js';

let analyzer;
let options = {};
let queue = Promise.resolve();
const cancelled = new Set();

// The test suite replaces this handler to simulate a dying instance, so it is
// the worker's `onmessage` property rather than a listener.
self.onmessage = ({ data }) => {
  if (data.type === 'cancel') {
    cancelled.add(data.id);
    return;
  }
  // One job at a time, in order; a `words` job yields between chunks, which
  // is when a `cancel` can arrive.
  queue = queue.then(() => handle(data));
};

async function handle(request) {
  try {
    await run(request);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      postMessage({ type: 'fatal', id: request.id, message: String(e.message ?? e) });
      self.close();
      return;
    }
    postMessage({ type: 'error', id: request.id, message: String(e?.message ?? e) });
  } finally {
    cancelled.delete(request.id);
  }
}

async function run(request) {
  switch (request.type) {
    case 'init': {
      const t0 = performance.now();
      await init(request.wasm ? { module_or_path: request.wasm } : undefined);
      options = { maxInputBytes: request.maxInputBytes ?? null };
      let userDictOk = true;
      try {
        analyzer = new Analyzer({ ...options, userDict: request.userDict || null });
      } catch (e) {
        // A saved dictionary that no longer reads must not keep the page from working.
        if (!(e instanceof Error) || e instanceof WebAssembly.RuntimeError) throw e;
        analyzer = new Analyzer(options);
        userDictOk = false;
      }
      postMessage({ type: 'ready', ms: performance.now() - t0, userDictOk });
      return;
    }
    case 'analyze': {
      const t0 = performance.now();
      // The words come separately (`words`), so a long text shows its targets first.
      // The analysis comes as JSON: parsing it is faster than building the
      // same objects across the wasm boundary.
      const packed = analyzer.analyzePacked(request.text, {
        tokens: false,
        keywords: { top: 0 },
        keepLines: request.keepLines ?? [],
      });
      const result = JSON.parse(packed.json);
      postMessage({ type: 'analysis', id: request.id, result, ms: performance.now() - t0 });
      return;
    }
    case 'words':
      return words(request);
    case 'dict': {
      const next = new Analyzer({ ...options, userDict: request.userDict || null });
      analyzer.free();
      analyzer = next;
      postMessage({ type: 'dict', id: request.id });
      return;
    }
    default:
      throw new Error(`unknown request ${request.type}`);
  }
}

// Segmentation paragraph by paragraph: the same words (jieba never joins
// across a line break), progress between chunks, and a chance to stop.
const CHUNK = 20_000;

async function words({ id, text, keywords }) {
  const t0 = performance.now();
  // A few MB of text is a million words: as objects they would crowd both
  // heaps, so they travel as offsets (transferred, not copied) and tags.
  let starts = new Uint32Array(1024);
  let ends = new Uint32Array(1024);
  const tags = [];
  let n = 0;
  let start = 0;
  let lastPost = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', Math.min(start + CHUNK, text.length));
    end = end < 0 ? text.length : end + 1;
    for (const t of analyzer.segment(text.slice(start, end), { pos: true })) {
      if (n === starts.length) {
        starts = grow(starts);
        ends = grow(ends);
      }
      starts[n] = t.span[0] + start;
      ends[n] = t.span[1] + start;
      tags.push(t.tag ?? '');
      n++;
    }
    start = end;
    if (start < text.length) {
      if (performance.now() - lastPost > 100) {
        postMessage({ type: 'progress', id, done: start, total: text.length });
        lastPost = performance.now();
      }
      await new Promise((resolve) => setTimeout(resolve));
      if (cancelled.has(id)) return;
    }
  }
  const kw = analyzer.keywords(text, { top: 30, method: keywords ?? 'textRank' });
  starts = starts.slice(0, n);
  ends = ends.slice(0, n);
  postMessage({ type: 'words', id, starts, ends, tags, keywords: kw, ms: performance.now() - t0 }, [starts.buffer, ends.buffer]);
}

function grow(array) {
  const next = new Uint32Array(array.length * 2);
  next.set(array);
  return next;
}
