//! jieba-rs with its dictionary loaded from the store on demand.
//!
//! Before a text is segmented, every store block whose two-character prefix
//! occurs in the text, and every single-character word of the text, is added
//! to the jieba-rs `Jieba`. No other word can match inside the text, so the
//! segmentation sees exactly the words the full dictionary would offer.
//! jieba-rs scores a word by `ln(freq) - ln(total)`, `total` being the sum of
//! all loaded frequencies; a placeholder word that no text can contain carries
//! the frequency of everything not loaded yet, so `total` is always the full
//! dictionary's and every route, tag and HMM decision is the same.
//!
//! Loading mutates the `Jieba` behind `&self`. It sits in an `RwLock`: a text
//! whose words are all loaded is cut under the read lock, so one segmenter can
//! serve the threads of a native batch run; in wasm (one thread) the lock is
//! never contended. A poisoned lock is taken over as is: loading adds whole
//! words and marks a block loaded only after all its words are in, and the
//! placeholder is updated last, so a panic midway leaves some words in whose
//! block is not marked; they are added again later with the same values.
//! (A `RefCell` would do for wasm, but would make `Analyzer` `!Sync`, and a
//! native caller may well share one analyzer between threads.)

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use jieba_rs::Jieba;
use rustc_hash::FxHashMap;

use super::store::{BlockIndex, Store};

/// Carries the frequency of the store words not loaded yet. jieba-rs matches
/// words only inside runs of CJK and ASCII alphanumerics, so a NUL never
/// matches; users cannot add it either.
const PLACEHOLDER: &str = "\0";

const BMP: usize = 0x1_0000;

/// Slots of the pair cache (a power of two).
const PAIR_CACHE: usize = 1 << 15;
/// Words of the pair filter (a power of two): 2^21 bits for the 178k blocks.
const PAIR_FILTER: usize = 1 << 15;

/// Per-character flags.
const STARTS: u8 = 1; // some store word of two or more characters starts with it
const SEEN: u8 = 2; // its single-character word, if the store has one, is loaded
const DECODED: u8 = 4; // the block index of its group is decoded

/// One byte of flags per character: a table for the BMP, a map beyond.
#[derive(Clone)]
struct CharFlags {
    bmp: Vec<u8>,
    astral: FxHashMap<u32, u8>,
}

impl CharFlags {
    #[inline(always)]
    fn get(&self, c: char) -> u8 {
        match self.bmp.get(c as usize) {
            Some(&f) => f,
            None => self.astral.get(&(c as u32)).copied().unwrap_or(0),
        }
    }

    #[inline]
    fn set(&mut self, c: char, flag: u8) {
        match self.bmp.get_mut(c as usize) {
            Some(f) => *f |= flag,
            None => *self.astral.entry(c as u32).or_insert(0) |= flag,
        }
    }
}

/// jieba-rs cuts only runs of these characters (its `is_han_default`), so
/// no word with another character in it can match a text.
#[inline(always)]
fn in_words(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}')
        || (c.is_ascii()
            && (c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')))
        || matches!(c,
            '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}')
}

struct State {
    jieba: Jieba,
    /// Frequency of the store words not loaded yet.
    unloaded: u64,
    flags: CharFlags,
    /// Store blocks loaded, one bit each.
    blocks: Vec<u64>,
    /// The part of the store's block index decoded so far.
    index: BlockIndex,
    /// A Bloom filter of the prefixes of the blocks of decoded groups (two
    /// bits in one word). Half the pairs of a text start no block; this
    /// rejects about 97% of them with one load, where the store would
    /// binary-search.
    pair_filter: Vec<u64>,
}

/// A jieba-rs `Jieba` that loads each part of the dictionary the first time a
/// text needs it; built in about a millisecond, where jieba-rs takes 200 ms.
pub struct LazyJieba {
    store: &'static Store,
    /// Character pairs known to need nothing (block loaded, or no block), as
    /// `pair_key`, direct-mapped. Only a hint in front of the exact answer:
    /// a slot holds a key only once that key's block is loaded or known
    /// absent, which stays true, so a stale read can only cause a slow check.
    /// Without it, every word-internal pair of a text would cost a binary
    /// search.
    pair_cache: Box<[AtomicU64]>,
    state: RwLock<State>,
}

#[inline]
fn bit(set: &[u64], i: usize) -> bool {
    set.get(i >> 6).is_some_and(|w| w >> (i & 63) & 1 == 1)
}

#[inline]
fn set_bit(set: &mut [u64], i: usize) {
    if let Some(w) = set.get_mut(i >> 6) {
        *w |= 1 << (i & 63);
    }
}

/// Never 0 (the empty slot): the top bit is set.
#[inline]
fn pair_key(a: char, b: char) -> u64 {
    1 << 63 | (a as u64) << 21 | b as u64
}

#[inline]
fn pair_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - PAIR_CACHE.trailing_zeros())) as usize
}

#[inline]
fn filter_bits(key: u64) -> (usize, u64) {
    let h = key.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let word = (h >> (64 - PAIR_FILTER.trailing_zeros())) as usize;
    (word, 1 << (h >> 20 & 63) | 1 << (h >> 26 & 63))
}

/// What a pair of characters needs before a text containing it is cut.
#[derive(Clone, Copy)]
enum Need {
    /// The block index of the first character's group.
    Group,
    /// A store block.
    Block(usize),
}

impl LazyJieba {
    pub fn new(store: &'static Store) -> Self {
        let mut flags = CharFlags {
            bmp: vec![0; BMP],
            astral: FxHashMap::default(),
        };
        for c in store.word_starts() {
            flags.set(c, STARTS);
        }
        let mut jieba = Jieba::empty();
        let unloaded = store.total_freq();
        jieba.add_word(PLACEHOLDER, Some(unloaded as usize), None);
        let blocks = vec![0u64; store.block_count().div_ceil(64)];
        let index = BlockIndex::new(store);
        LazyJieba {
            store,
            pair_cache: (0..PAIR_CACHE).map(|_| AtomicU64::new(0)).collect(),
            state: RwLock::new(State {
                jieba,
                unloaded,
                flags,
                blocks,
                index,
                pair_filter: vec![0; PAIR_FILTER],
            }),
        }
    }

    pub fn store(&self) -> &'static Store {
        self.store
    }

    fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether the pair `a b` needs nothing loaded, or else what it needs;
    /// `fa` holds the flags of `a`.
    #[inline(always)]
    #[allow(
        clippy::indexing_slicing,
        reason = "pair_slot takes the top bits of a hash, below PAIR_CACHE, the cache's length"
    )]
    fn pair_ready(&self, state: &State, a: char, fa: u8, b: char) -> Result<(), Need> {
        if fa & STARTS == 0 || !in_words(b) {
            return Ok(());
        }
        if fa & DECODED == 0 {
            return Err(Need::Group);
        }
        let key = pair_key(a, b);
        let (w, bits) = filter_bits(key);
        if state
            .pair_filter
            .get(w)
            .is_none_or(|&word| word & bits != bits)
        {
            return Ok(());
        }
        let slot = &self.pair_cache[pair_slot(key)];
        if slot.load(Relaxed) == key {
            return Ok(());
        }
        let block = self
            .store
            .group(a)
            .and_then(|g| self.store.block(&state.index, g, b));
        match block {
            Some(block) if !bit(&state.blocks, block) => Err(Need::Block(block)),
            _ => {
                slot.store(key, Relaxed);
                Ok(())
            }
        }
    }

    /// Decode the store group of words starting with `a`.
    fn decode_group(&self, state: &mut State, a: char) {
        if let Some(g) = self.store.group(a) {
            // A corrupt store (a build error, caught by the tests) only
            // leaves the group's words out.
            let _ = self.store.decode_group(g, &mut state.index);
            for b in self.store.group_seconds(g, &state.index) {
                let (w, bits) = filter_bits(pair_key(a, b));
                if let Some(word) = state.pair_filter.get_mut(w) {
                    *word |= bits;
                }
            }
        }
        state.flags.set(a, DECODED);
    }

    /// Whether some word `text` may contain is not loaded yet.
    fn missing(&self, state: &State, text: &str) -> bool {
        let mut prev: Option<(char, u8)> = None;
        for c in text.chars() {
            let f = state.flags.get(c);
            if f & SEEN == 0 {
                return true;
            }
            if let Some((p, fp)) = prev
                && self.pair_ready(state, p, fp, c).is_err()
            {
                return true;
            }
            prev = Some((c, f));
        }
        false
    }

    fn load(&self, state: &mut State, text: &str) {
        let mut loaded = 0u64;
        let mut word = String::new();
        let mut prev: Option<char> = None;
        for c in text.chars() {
            if state.flags.get(c) & SEEN == 0 {
                if let Some(e) = self.store.single(c) {
                    word.clear();
                    word.push(c);
                    state
                        .jieba
                        .add_word(&word, Some(e.freq as usize), Some(e.tag));
                    loaded += e.freq;
                }
                state.flags.set(c, SEEN);
            }
            if let Some(p) = prev {
                let mut need = self.pair_ready(state, p, state.flags.get(p), c);
                if let Err(Need::Group) = need {
                    self.decode_group(state, p);
                    need = self.pair_ready(state, p, state.flags.get(p), c);
                }
                if let Err(Need::Block(block)) = need {
                    let State { jieba, index, .. } = state;
                    self.store.for_each_in_block(index, block, |rest, e| {
                        word.clear();
                        word.push(p);
                        word.push(c);
                        word.push_str(rest);
                        jieba.add_word(&word, Some(e.freq as usize), Some(e.tag));
                        loaded += e.freq;
                    });
                    set_bit(&mut state.blocks, block);
                }
            }
            prev = Some(c);
        }
        if loaded > 0 {
            state.unloaded = state.unloaded.saturating_sub(loaded);
            state
                .jieba
                .add_word(PLACEHOLDER, Some(state.unloaded as usize), None);
        }
    }

    /// A read guard on a state in which every word `text` may contain is loaded.
    fn ready(&self, text: &str) -> RwLockReadGuard<'_, State> {
        {
            let state = self.read();
            if !self.missing(&state, text) {
                return state;
            }
        }
        self.load(&mut self.write(), text);
        // Loading only ever adds, so what was loaded is still there.
        self.read()
    }

    /// Run `f` on the jieba-rs instance once every word `text` may contain
    /// is loaded. `f` must only read `text` (or parts of it): what the full
    /// dictionary has for other texts may be missing.
    pub fn with_text<R>(&self, text: &str, f: impl FnOnce(&Jieba) -> R) -> R {
        f(&self.ready(text).jieba)
    }

    /// The idf of `word`, which must be a word of a text passed to
    /// [`with_text`](Self::with_text) before (it is looked up in the part of
    /// the store index decoded for that text).
    pub fn idf(&self, word: &str) -> Option<f64> {
        self.store.idf(&self.read().index, word)
    }

    /// Add a user word. With no `freq`, jieba's suggested frequency is used,
    /// computed over the words the full dictionary has.
    pub fn add_word(&self, word: &str, freq: Option<usize>, tag: Option<&str>) -> usize {
        if word.is_empty() || word.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return 0;
        }
        let mut state = self.write();
        // The word's own block must be in before it, or loading the block
        // later would overwrite the user's frequency; and suggest_freq cuts
        // the word, which needs its sub-words.
        self.load(&mut state, word);
        state.jieba.add_word(word, freq, tag)
    }

    /// Blocks loaded and frequency not loaded yet.
    #[cfg(test)]
    pub fn stats(&self) -> (usize, u64) {
        let state = self.read();
        (
            state.blocks.iter().map(|w| w.count_ones() as usize).sum(),
            state.unloaded,
        )
    }
}

/// A jieba-rs instance with every store word loaded: the reference the lazy
/// one must match.
#[cfg(test)]
pub fn full_jieba(store: &Store) -> Jieba {
    let mut jieba = Jieba::empty();
    // The tests that use this reference read the same store successfully.
    let _ = store.for_each(|w, e| {
        jieba.add_word(w, Some(e.freq as usize), Some(e.tag));
    });
    jieba
}

#[cfg(test)]
mod tests {
    //! The lazily loaded dictionary must give exactly what the fully loaded
    //! one gives, in every mode, with user words added along the way.

    use super::*;

    /// xorshift64: the same texts on every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Paragraphs of real government reports, when the shared bench corpus
    /// is beside the repository (it is in CI).
    fn report_paragraphs(limit_bytes: usize) -> Vec<String> {
        let root = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/bench/gov-reports/政府工作报告-省自治区"
        );
        let mut files = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        files.sort();
        let mut out = Vec::new();
        let mut bytes = 0;
        for file in files.iter().step_by(9) {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            for para in text.split('\n').filter(|p| !p.trim().is_empty()) {
                bytes += para.len();
                out.push(para.to_string());
            }
            if bytes > limit_bytes {
                break;
            }
        }
        out
    }

    /// Texts made of dictionary words, pieces of words, random CJK
    /// characters and what else pasted text holds.
    fn random_texts(words: &[String], n: usize, rng: &mut Rng) -> Vec<String> {
        const OTHER: &[&str] = &[
            "，",
            "。",
            " ",
            "\r\n",
            "\n",
            "2024年",
            "GDP",
            "5.2%",
            "𠀀",
            "𦡦",
            "a-b",
            "·",
            "——",
            "\t",
            "十四五",
            "γ射线",
            "Ｂ超",
            "B超",
            "（",
            "）",
            "規模",
            "1.5万亿元",
        ];
        (0..n)
            .map(|_| {
                let mut s = String::new();
                for _ in 0..rng.below(40) + 1 {
                    match rng.below(10) {
                        0 => s.push_str(OTHER[rng.below(OTHER.len())]),
                        1 => s.extend(char::from_u32(0x4E00 + rng.below(0x5200) as u32)),
                        _ => {
                            let w = &words[rng.below(words.len())];
                            if rng.below(4) == 0 {
                                let skip = rng.below(w.chars().count());
                                s.extend(w.chars().skip(skip));
                            } else {
                                s.push_str(w);
                            }
                        }
                    }
                }
                s
            })
            .collect()
    }

    type Spans = Vec<(usize, usize)>;

    fn spans(tokens: Vec<jieba_rs::Token<'_>>) -> Spans {
        tokens
            .into_iter()
            .map(|t| (t.byte_start, t.byte_end))
            .collect()
    }

    fn all_modes(jieba: &Jieba, text: &str) -> Vec<(Spans, Vec<String>)> {
        let mut out = Vec::new();
        for hmm in [false, true] {
            out.push((spans(jieba.cut(text, hmm)), Vec::new()));
            out.push((spans(jieba.cut_for_search(text, hmm)), Vec::new()));
            let tags = jieba.tag(text, hmm);
            out.push((
                tags.iter().map(|t| (t.byte_start, t.byte_end)).collect(),
                tags.iter().map(|t| t.tag.to_string()).collect(),
            ));
        }
        out.push((spans(jieba.cut_all(text)), Vec::new()));
        out
    }

    #[test]
    fn lazy_loading_gives_what_the_full_dictionary_gives() {
        let store = Store::builtin().unwrap();
        let mut full = full_jieba(store);
        let lazy = LazyJieba::new(store);
        let mut words = Vec::new();
        store.for_each(|w, _| words.push(w.to_string())).unwrap();

        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut texts = report_paragraphs(400_000);
        texts.extend(random_texts(&words, 4000, &mut rng));
        for i in (1..texts.len()).rev() {
            texts.swap(i, rng.below(i + 1));
        }

        // User words, new and overriding, with and without frequency and
        // tag, added as texts come.
        let user: &[(&str, Option<usize>, Option<&str>)] = &[
            ("撸起袖子", None, Some("v")),
            ("中国", Some(3), None),
            ("区块链技术", Some(20), Some("nz")),
            ("的", Some(1), None),
            ("乡村振兴战略", None, None),
            ("𠀀𦡦", Some(500), Some("x")),
        ];
        let step = texts.len() / (user.len() + 1);
        for (i, text) in texts.iter().enumerate() {
            if i % step == step - 1
                && let Some(&(w, f, t)) = user.get(i / step)
            {
                assert_eq!(
                    lazy.add_word(w, f, t),
                    full.add_word(w, f, t),
                    "add_word {w}"
                );
            }
            let got = lazy.with_text(text, |jieba| all_modes(jieba, text));
            assert!(got == all_modes(&full, text), "{text}");
        }
        let (blocks, unloaded) = lazy.stats();
        assert!(
            blocks > 1000 && unloaded > 0,
            "{blocks} blocks loaded, {unloaded} left"
        );
    }

    /// Loading a word's block after the user set its frequency must not
    /// undo the user's frequency.
    #[test]
    fn user_frequency_survives_later_loading() {
        let store = Store::builtin().unwrap();
        let lazy = LazyJieba::new(store);
        let mut full = full_jieba(store);
        lazy.add_word("中国", Some(1), None);
        full.add_word("中国", Some(1), None);
        let text = "中国人民银行和中国的发展";
        let got = lazy.with_text(text, |jieba| all_modes(jieba, text));
        assert!(got == all_modes(&full, text));
    }
}
