// The page's side of the worker: requests with ids, progress, cancelling, and
// a fresh worker whenever the old one dies (a trap in the wasm, an uncaught
// error, or the user pressing 取消 on a job that takes too long).

/** Inputs longer than this many UTF-8 bytes are refused before they reach the worker. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** Trusted Types: the only script URLs this page ever makes are its own worker's. */
const policy = globalThis.trustedTypes?.createPolicy('mubiao', {
  createScriptURL(url) {
    const u = new URL(url, location.href);
    if (u.protocol === 'blob:' || u.origin === location.origin) return u.href;
    throw new TypeError(`not a script of this page: ${url}`);
  },
});
export const scriptURL = (url) => (policy ? policy.createScriptURL(String(url)) : String(url));

/**
 * Where the worker and the wasm come from: files next to this module, or, in
 * the single-file build, a worker source and base64 wasm embedded in the page.
 */
function workerSource() {
  const embedded = document.getElementById('mubiao-worker');
  if (!embedded) {
    return {
      url: scriptURL(new URL('./worker.js', import.meta.url)),
      options: { type: 'module' },
      wasm: () => undefined,
    };
  }
  // A module worker from a blob cannot start on a file:// page (its origin
  // is opaque), so the single file carries a classic worker script.
  const url = URL.createObjectURL(new Blob([embedded.textContent], { type: 'text/javascript' }));
  let bytes;
  return {
    url: scriptURL(url),
    options: {},
    wasm: () => (bytes ??= decodeBase64(document.getElementById('mubiao-wasm').textContent.trim())),
  };
}

function decodeBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export class EngineError extends Error {
  constructor(message, kind) {
    super(message);
    this.kind = kind; // 'error' (bad input or option), 'restarted', 'cancelled', 'load'
  }
}

/**
 * `onState(state, detail)` hears 'loading', 'ready', 'failed' (the wasm did
 * not load) and 'restarted' (a worker died and a new one is loading).
 */
export class Engine {
  constructor({ userDict = '', onState = () => {} } = {}) {
    this.source = workerSource();
    this.userDict = userDict;
    this.onState = onState;
    this.pending = new Map();
    this.nextId = 1;
    this.restarts = [];
    this.start();
  }

  start() {
    this.ready = false;
    this.onState('loading');
    const worker = new Worker(this.source.url, this.source.options);
    this.worker = worker;
    const t0 = performance.now();
    this.loaded = new Promise((resolve, reject) => {
      this.resolveLoaded = resolve;
      this.rejectLoaded = reject;
    });
    this.loaded.catch(() => {}); // the state callback reports it
    worker.onmessage = ({ data }) => this.receive(worker, data, t0);
    // An uncaught error or a message that cannot be read: this worker can no
    // longer be trusted to answer.
    worker.onerror = (e) => {
      e.preventDefault?.();
      this.died(worker, e.message || 'worker error');
    };
    worker.onmessageerror = () => this.died(worker, 'unreadable message');
    worker.postMessage({
      type: 'init',
      wasm: this.source.wasm(),
      userDict: this.userDict,
      maxInputBytes: MAX_INPUT_BYTES,
    });
  }

  receive(worker, data, t0) {
    if (worker !== this.worker) return;
    switch (data.type) {
      case 'ready':
        this.ready = true;
        this.loadMs = performance.now() - t0;
        this.resolveLoaded();
        this.onState('ready', { ms: this.loadMs, userDictOk: data.userDictOk });
        return;
      case 'fatal':
        this.died(worker, data.message);
        return;
      case 'progress':
        this.pending.get(data.id)?.onProgress?.(data.done / data.total);
        return;
      case 'error':
        if (data.id === undefined) {
          // The wasm did not load: a broken file or, offline, nothing cached.
          this.rejectLoaded(new EngineError(data.message, 'load'));
          this.onState('failed', { message: data.message });
          return;
        }
        this.settle(data.id, null, new EngineError(data.message, 'error'));
        return;
      default:
        this.settle(data.id, data);
    }
  }

  settle(id, value, error) {
    const job = this.pending.get(id);
    if (!job) return;
    this.pending.delete(id);
    if (error) job.reject(error);
    else job.resolve(value);
  }

  /** The worker is gone: answer every pending request and start a new one. */
  died(worker, message) {
    if (worker !== this.worker) return;
    worker.terminate();
    for (const id of [...this.pending.keys()]) {
      this.settle(id, null, new EngineError(message, 'restarted'));
    }
    // A worker that dies while loading would die again: stop after a few.
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < 60_000).concat(now);
    if (!this.ready && this.restarts.length > 3) {
      this.rejectLoaded(new EngineError(message, 'load'));
      this.onState('failed', { message });
      return;
    }
    this.onState('restarted', { message });
    this.start();
  }

  /** Sends a request once the analyzer is ready; resolves with the answer. */
  request(message, onProgress) {
    return this.send(this.nextId++, message, onProgress);
  }

  async send(id, message, onProgress) {
    await this.loaded;
    if (this.cancelled?.delete(id)) throw new EngineError('cancelled', 'cancelled');
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...message, id });
    });
  }

  analyze(text, keepLines = []) {
    return this.request({ type: 'analyze', text, keepLines });
  }

  /** Words and keywords; `handle.cancel()` stops them (the promise then rejects). */
  words(text, keywords, onProgress) {
    const id = this.nextId++;
    return {
      promise: this.send(id, { type: 'words', text, keywords }, onProgress),
      cancel: () => {
        if (this.pending.has(id)) {
          this.worker.postMessage({ type: 'cancel', id });
          this.settle(id, null, new EngineError('cancelled', 'cancelled'));
        } else {
          (this.cancelled ??= new Set()).add(id);
        }
      },
    };
  }

  /** A new user dictionary; rejects (and keeps the old one) if a line does not read. */
  async setUserDict(userDict) {
    await this.request({ type: 'dict', userDict });
    this.userDict = userDict;
  }

  /** Stops whatever runs now by replacing the worker; the text stays with the page. */
  stop() {
    const worker = this.worker;
    worker.terminate();
    for (const id of [...this.pending.keys()]) {
      this.settle(id, null, new EngineError('cancelled', 'cancelled'));
    }
    this.worker = null;
    this.start();
  }
}

/** UTF-8 length without building the bytes (inputs can be megabytes). */
export function utf8Length(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
