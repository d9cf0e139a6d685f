//! Builds the segmenter's dictionary store from jieba's plain-text lists in
//! `data/jieba/` (see `src/segment/store/mod.rs` for the layout; this file is
//! its only writer). The output is the same bytes on every machine: nothing
//! here depends on hash order or floating-point formatting.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap};
use std::fs;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/segment/store/format.rs"]
mod format;
#[allow(dead_code)]
#[path = "src/segment/store/huffman.rs"]
mod huffman;

use format::*;
use huffman::{MAX_LEN, canonical_codes, escape, escape_alphabet};

fn varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Huffman code lengths for `counts`, no longer than MAX_LEN: counts are
/// flattened until the tree fits. Ties break by symbol, so builds repeat.
fn code_lengths(counts: &[u64]) -> Vec<u8> {
    let mut counts = counts.to_vec();
    loop {
        let used: Vec<usize> = (0..counts.len()).filter(|&s| counts[s] > 0).collect();
        let mut lengths = vec![0u8; counts.len()];
        match used.len() {
            0 => return lengths,
            1 => {
                lengths[used[0]] = 1;
                return lengths;
            }
            _ => {}
        }
        // Nodes: leaves are symbols, internal nodes get ids after them.
        let mut parent: Vec<usize> = vec![usize::MAX; counts.len()];
        let mut heap = BinaryHeap::new();
        for &s in &used {
            heap.push(Reverse((counts[s], s)));
        }
        let mut next = counts.len();
        while heap.len() > 1 {
            let Reverse((a, x)) = heap.pop().unwrap();
            let Reverse((b, y)) = heap.pop().unwrap();
            parent.push(usize::MAX);
            parent[x] = next;
            parent[y] = next;
            heap.push(Reverse((a + b, next)));
            next += 1;
        }
        let mut too_long = false;
        for &s in &used {
            let mut depth = 0;
            let mut n = s;
            while parent[n] != usize::MAX {
                n = parent[n];
                depth += 1;
            }
            too_long |= depth > MAX_LEN;
            lengths[s] = depth.min(255) as u8;
        }
        if !too_long {
            return lengths;
        }
        for c in counts.iter_mut().filter(|c| **c > 0) {
            *c = (*c >> 1).max(1);
        }
    }
}

/// The lexicon's words in the order `Lexicon::segmenter_words` gives them:
/// `src/lexicon/terms.txt` (jieba's `word [freq] [tag]`), then every form in
/// `src/lexicon/indicators.txt` (`canonical | form | …`) tagged n. A unit test
/// checks the store against `Lexicon::segmenter_words`, so the two readings
/// cannot drift apart.
fn lexicon_terms(dir: &std::path::Path) -> Vec<(&'static str, Option<u64>, &'static str)> {
    let read = |name: &str| -> &'static str {
        let path = dir.join("src/lexicon").join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        fs::read_to_string(&path).expect("read lexicon").leak()
    };
    let lines = |text: &'static str| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    };
    let mut out = Vec::new();
    for line in lines(read("terms.txt")) {
        let mut parts = line.split_whitespace();
        let word = parts.next().unwrap_or_default();
        let (mut freq, mut tag) = (None, "");
        for part in parts {
            match part.parse::<u64>() {
                Ok(f) if freq.is_none() && tag.is_empty() => freq = Some(f),
                _ => tag = part,
            }
        }
        out.push((word, freq, tag));
    }
    for line in lines(read("indicators.txt")) {
        for form in line.split('|').map(str::trim).filter(|f| !f.is_empty()) {
            out.push((form, None, "n"));
        }
    }
    out
}

/// jieba's `is_han_default`: the characters jieba cuts in runs.
fn is_han_default(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
        || (c.is_ascii()
            && (c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')))
}

/// jieba-rs's `cut(text, false)`: the most probable route through each run
/// of word characters, single ASCII alphanumerics joined.
fn cut<'t>(all: &BTreeMap<&str, Entry>, total: u64, text: &'t str) -> Vec<&'t str> {
    let log_total = (total as f64).ln();
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        if !is_han_default(chars[i].1) {
            out.push(&text[at(i)..at(i + 1)]);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_han_default(chars[j].1) {
            j += 1;
        }
        // Route from the end: (log probability of the rest, end of the word).
        let n = j - i;
        let mut route = vec![(0.0f64, 0usize); n + 1];
        route[n] = (0.0, n);
        for x in (0..n).rev() {
            let mut best: Option<(f64, usize)> = None;
            for y in x + 1..=n {
                if let Some(e) = all.get(&text[at(i + x)..at(i + y)]) {
                    let p = (e.freq as f64).ln() - log_total + route[y].0;
                    if best.is_none_or(|(bp, be)| p > bp || (p == bp && y > be)) {
                        best = Some((p, y));
                    }
                }
            }
            route[x] = best.unwrap_or((-log_total + route[x + 1].0, x + 1));
        }
        let mut x = 0;
        let mut run: Option<usize> = None;
        while x < n {
            let y = route[x].1;
            if y - x == 1 && chars[i + x].1.is_ascii_alphanumeric() {
                run.get_or_insert(x);
            } else {
                if let Some(r) = run.take() {
                    out.push(&text[at(i + r)..at(i + x)]);
                }
                out.push(&text[at(i + x)..at(i + y)]);
            }
            x = y;
        }
        if let Some(r) = run {
            out.push(&text[at(i + r)..at(i + n)]);
        }
        i = j;
    }
    out
}

/// jieba-rs's `suggest_freq`: the frequency that just keeps `word` whole.
fn suggest_freq(all: &BTreeMap<&str, Entry>, total: u64, word: &str) -> u64 {
    let log_total = (total as f64).ln();
    let freq = |w: &str| all.get(w).map_or(1, |e| e.freq);
    let log = cut(all, total, word)
        .iter()
        .map(|t| (freq(t) as f64).ln() - log_total)
        .sum::<f64>();
    ((log + log_total).exp() as u64 + 1).max(freq(word))
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    bits: usize,
}

impl BitWriter {
    fn put(&mut self, value: u64, n: u32) {
        for i in (0..n).rev() {
            if self.bits.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if value >> i & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.bits % 8);
            }
            self.bits += 1;
        }
    }
}

/// Symbol counts first, then the code, then the writing.
struct Model {
    counts: Vec<u64>,
    lengths: Vec<u8>,
    codes: Vec<u32>,
}

impl Model {
    fn new(alphabet: usize) -> Self {
        Model {
            counts: vec![0; alphabet],
            lengths: Vec::new(),
            codes: Vec::new(),
        }
    }
    fn count(&mut self, sym: u32) {
        self.counts[sym as usize] += 1;
    }
    fn finish(&mut self) {
        self.lengths = code_lengths(&self.counts);
        self.codes = canonical_codes(&self.lengths).expect("valid lengths");
    }
    fn put(&self, w: &mut BitWriter, sym: u32) {
        let l = self.lengths[sym as usize];
        assert!(l > 0, "symbol {sym} was not counted");
        w.put(u64::from(self.codes[sym as usize]), u32::from(l));
    }
    /// Count `sym` (first pass) or write it and its raw bits (second).
    fn code(&mut self, w: &mut BitWriter, writing: bool, (sym, n, bits): (u32, u32, u64)) {
        if writing {
            self.put(w, sym);
            w.put(bits, n);
        } else {
            self.count(sym);
        }
    }
    fn write_table(&self, out: &mut Vec<u8>) {
        let n = self
            .lengths
            .iter()
            .rposition(|&l| l > 0)
            .map_or(0, |i| i + 1);
        varint(out, n as u64);
        out.extend_from_slice(&self.lengths[..n]);
    }
}

struct Entry {
    freq: u64,
    tag: u32,
    idf: u64,
}

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let dict_path = dir.join("data/jieba/dict.txt");
    let idf_path = dir.join("data/jieba/idf.txt");
    println!("cargo::rerun-if-changed={}", dict_path.display());
    println!("cargo::rerun-if-changed={}", idf_path.display());
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/segment/store/huffman.rs");
    println!("cargo::rerun-if-changed=src/segment/store/format.rs");
    // Leaked: the build script's strings live until it exits anyway, and
    // words and tags are borrowed from them throughout.
    let dict: &'static str = fs::read_to_string(&dict_path)
        .expect("read dict.txt")
        .leak();
    let idf_text: &'static str = fs::read_to_string(&idf_path).expect("read idf.txt").leak();

    // The idf values are kept as text, so the reader parses exactly the f64
    // jieba parses.
    let mut idf: HashMap<&str, &str> = HashMap::new();
    let mut all_idf: Vec<(f64, &str)> = Vec::new();
    for line in idf_text.lines() {
        let mut it = line.split_whitespace();
        if let (Some(w), Some(v)) = (it.next(), it.next()) {
            let x: f64 = v.parse().expect("idf value");
            idf.insert(w, v);
            all_idf.push((x, v));
        }
    }
    // jieba's median: the lower median over every value read.
    let mut sorted: Vec<f64> = all_idf.iter().map(|&(x, _)| x).collect();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median = sorted[(sorted.len() - 1) / 2];
    let median_text = all_idf.iter().find(|&&(x, _)| x == median).unwrap().1;
    // Distinct values, largest (rarest word) first: most words are rare, so
    // their indices are the small numbers.
    let mut distinct = all_idf.clone();
    distinct.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
    distinct.dedup_by(|a, b| a.0 == b.0);
    let by_value: HashMap<u64, u64> = distinct
        .iter()
        .enumerate()
        .map(|(i, &(x, _))| (x.to_bits(), i as u64 + 1))
        .collect();
    let idf_index = |w: &str| {
        idf.get(w)
            .map_or(0, |v| by_value[&v.parse::<f64>().unwrap().to_bits()])
    };

    let mut tags: Vec<&str> = Vec::new();
    let mut tag_ids: HashMap<&str, u32> = HashMap::new();
    let mut tag_id = |tag: &'static str| -> u32 {
        let next_id = tags.len() as u32;
        *tag_ids.entry(tag).or_insert_with(|| {
            tags.push(tag);
            next_id
        })
    };
    let mut all: BTreeMap<&str, Entry> = BTreeMap::new();
    let mut total: u64 = 0;
    for line in dict.lines() {
        let mut it = line.split_ascii_whitespace();
        let Some(word) = it.next() else { continue };
        let freq: u64 = it.next().map_or(0, |f| f.parse().expect("freq"));
        let tag = tag_id(it.next().unwrap_or(""));
        let old = all.insert(
            word,
            Entry {
                freq,
                tag,
                idf: idf_index(word),
            },
        );
        assert!(old.is_none(), "duplicate word {word}");
        total += freq;
    }

    // The lexicon goes in as jieba's `add_word` would add it at run time,
    // term after term: a new word with its tag, a known word only with a
    // new frequency; without a frequency, jieba's suggested one. Compiled
    // in, it costs nothing when an analyzer is built.
    for (word, freq, tag) in lexicon_terms(&dir) {
        let freq = freq.unwrap_or_else(|| suggest_freq(&all, total, word));
        match all.get_mut(word) {
            Some(e) => {
                total = total - e.freq + freq;
                e.freq = freq;
            }
            None => {
                total += freq;
                let tag = tag_id(tag);
                all.insert(
                    word,
                    Entry {
                        freq,
                        tag,
                        idf: idf_index(word),
                    },
                );
            }
        }
    }

    type Blocks<'a> = BTreeMap<char, BTreeMap<&'a str, Entry>>;
    let mut groups: BTreeMap<char, (Option<Entry>, Blocks)> = BTreeMap::new();
    let words = all.len() as u32;
    for (word, entry) in all {
        let mut chars = word.chars();
        let c1 = chars.next().unwrap();
        let group = groups.entry(c1).or_insert_with(|| (None, BTreeMap::new()));
        match chars.next() {
            None => group.0 = Some(entry),
            Some(c2) => {
                group.1.entry(c2).or_default().insert(chars.as_str(), entry);
            }
        }
    }

    // Every character after a word's first: second characters (coded as
    // steps through this alphabet, which skips the code points no word
    // uses) and suffix characters.
    let alphabet: Vec<char> = groups
        .values()
        .flat_map(|(_, b)| {
            b.iter().flat_map(|(&c2, e)| {
                std::iter::once(c2).chain(e.keys().flat_map(|rest| rest.chars()))
            })
        })
        .collect::<BTreeSet<char>>()
        .into_iter()
        .collect();
    let suffix_sym: HashMap<char, u32> = alphabet
        .iter()
        .enumerate()
        .map(|(i, &c)| (c, i as u32 + 1))
        .collect();

    let mut c2_model = Model::new(escape_alphabet(C2_DIRECT));
    let mut cnt_model = Model::new(escape_alphabet(CNT_DIRECT));
    let mut suffix_model = Model::new(alphabet.len() + 1);
    let mut freq_models: Vec<Model> = (0..LEN_CONTEXTS)
        .map(|_| Model::new(escape_alphabet(FREQ_DIRECT)))
        .collect();
    let mut tag_models: Vec<Model> = (0..LEN_CONTEXTS).map(|_| Model::new(tags.len())).collect();
    let mut idf_models: Vec<Model> = (0..IDF_CONTEXTS)
        .map(|_| Model::new(escape_alphabet(IDF_DIRECT)))
        .collect();
    // The first-character table: code point delta, blocks and single flag,
    // and the single-character word's frequency and tag; its idf index goes
    // through the entries' idf models (same context: the frequency's size).
    let mut c1_delta_model = Model::new(escape_alphabet(C1_DELTA_DIRECT));
    let mut c1_blocks_model = Model::new(escape_alphabet(C1_BLOCKS_DIRECT));
    let mut single_freq_model = Model::new(escape_alphabet(FREQ_DIRECT));
    let mut single_tag_model = Model::new(tags.len());

    // Two passes over the same walk: count symbols, then write codes.
    let mut stream_c1 = BitWriter::default();
    let mut checkpoints = Vec::new();
    let mut block_checkpoints = Vec::new();
    let mut stream_a = BitWriter::default();
    let mut stream_b = BitWriter::default();
    for pass in 0..2 {
        let writing = pass == 1;
        if writing {
            for m in [
                &mut c2_model,
                &mut cnt_model,
                &mut suffix_model,
                &mut c1_delta_model,
                &mut c1_blocks_model,
                &mut single_freq_model,
                &mut single_tag_model,
            ] {
                m.finish();
            }
            for m in freq_models
                .iter_mut()
                .chain(&mut tag_models)
                .chain(&mut idf_models)
            {
                m.finish();
            }
        }
        let mut prev_c1 = 0u64;
        let mut block = 0usize;
        let mut last_checkpoint = 0usize;
        let mut last_block_checkpoint = 0usize;
        for (&c1, (single, by_c2)) in &groups {
            let w = &mut stream_c1;
            c1_delta_model.code(w, writing, escape(c1 as u64 - prev_c1, C1_DELTA_DIRECT));
            prev_c1 = c1 as u64;
            let blocks = (by_c2.len() as u64) << 1 | single.is_some() as u64;
            c1_blocks_model.code(w, writing, escape(blocks, C1_BLOCKS_DIRECT));
            if let Some(e) = single {
                single_freq_model.code(w, writing, escape(e.freq, FREQ_DIRECT));
                single_tag_model.code(w, writing, (e.tag, 0, 0));
                idf_models[idf_context(e.freq)].code(w, writing, escape(e.idf, IDF_DIRECT));
            }
            let mut prev_c2 = 0u64;
            for (&c2, entries) in by_c2 {
                if writing && block.is_multiple_of(BLOCK_CHECKPOINT_EVERY) {
                    varint(
                        &mut block_checkpoints,
                        (stream_a.bits - last_block_checkpoint) as u64,
                    );
                    last_block_checkpoint = stream_a.bits;
                }
                if writing && block.is_multiple_of(CHECKPOINT_EVERY) {
                    varint(&mut checkpoints, (stream_b.bits - last_checkpoint) as u64);
                    last_checkpoint = stream_b.bits;
                }
                block += 1;
                let c2 = u64::from(suffix_sym[&c2]);
                let (s, n, v) = escape(c2 - prev_c2, C2_DIRECT);
                prev_c2 = c2;
                let (cs, cn, cv) = escape(entries.len() as u64 - 1, CNT_DIRECT);
                if writing {
                    c2_model.put(&mut stream_a, s);
                    stream_a.put(v, n);
                    cnt_model.put(&mut stream_a, cs);
                    stream_a.put(cv, cn);
                } else {
                    c2_model.count(s);
                    cnt_model.count(cs);
                }
                for (rest, e) in entries {
                    let len = 2 + rest.chars().count();
                    let ctx = len_context(len);
                    let syms = rest.chars().map(|c| suffix_sym[&c]).chain([0]);
                    let (fs, fnb, fv) = escape(e.freq, FREQ_DIRECT);
                    let ictx = idf_context(e.freq);
                    let (is, inb, iv) = escape(e.idf, IDF_DIRECT);
                    if writing {
                        for s in syms {
                            suffix_model.put(&mut stream_b, s);
                        }
                        freq_models[ctx].put(&mut stream_b, fs);
                        stream_b.put(fv, fnb);
                        tag_models[ctx].put(&mut stream_b, e.tag);
                        idf_models[ictx].put(&mut stream_b, is);
                        stream_b.put(iv, inb);
                    } else {
                        for s in syms {
                            suffix_model.count(s);
                        }
                        freq_models[ctx].count(fs);
                        tag_models[ctx].count(e.tag);
                        idf_models[ictx].count(is);
                    }
                }
            }
        }
    }
    let blocks: u32 = groups.values().map(|(_, b)| b.len() as u32).sum();

    let mut s_tags = tags.join("\n").into_bytes();
    s_tags.push(b'\n');
    // Every idf value has at most IDF_DECIMALS decimals, so it is an
    // integer k over IDF_SCALE; both are exact f64s, and their quotient,
    // rounded once (IEEE division), is the f64 jieba parses from the text.
    assert_eq!(IDF_SCALE, 10f64.powi(IDF_DECIMALS as i32));
    let idf_k = |text: &str| -> u64 {
        let (int, frac) = text.split_once('.').unwrap_or((text, ""));
        assert!(
            frac.len() <= IDF_DECIMALS,
            "idf value {text} has too many decimals"
        );
        let k: u64 = format!("{int}{frac:0<IDF_DECIMALS$}")
            .parse()
            .expect("idf value is a plain decimal");
        assert!(k < 1 << 53);
        assert_eq!(
            k as f64 / IDF_SCALE,
            text.parse::<f64>().unwrap(),
            "idf value {text}"
        );
        k
    };
    let mut s_idf = Vec::new();
    varint(&mut s_idf, idf_k(median_text));
    varint(&mut s_idf, distinct.len() as u64);
    let mut prev = None;
    for &(_, v) in &distinct {
        let k = idf_k(v);
        // Largest first: each value as its difference to the one before.
        varint(&mut s_idf, prev.map_or(k, |p: u64| p - k));
        prev = Some(k);
    }
    let mut c1_table = Vec::new();
    varint(&mut c1_table, groups.len() as u64);
    c1_table.extend_from_slice(&stream_c1.bytes);
    let mut s_codes = Vec::new();
    for m in [&c2_model, &cnt_model, &suffix_model]
        .into_iter()
        .chain(&freq_models)
        .chain(&tag_models)
        .chain(&idf_models)
        .chain([
            &c1_delta_model,
            &c1_blocks_model,
            &single_freq_model,
            &single_tag_model,
        ])
    {
        m.write_table(&mut s_codes);
    }
    let mut s_alphabet = Vec::new();
    varint(&mut s_alphabet, alphabet.len() as u64);
    let mut prev = 0u64;
    for &c in &alphabet {
        varint(&mut s_alphabet, c as u64 - prev);
        prev = c as u64;
    }
    // Padding lets the reader fetch whole words at the end of a stream.
    stream_a.bytes.extend_from_slice(&[0; 8]);
    stream_b.bytes.extend_from_slice(&[0; 8]);

    let sections = [
        s_tags,
        s_idf,
        c1_table,
        s_codes,
        s_alphabet,
        checkpoints,
        stream_a.bytes,
        stream_b.bytes,
        block_checkpoints,
    ];
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&total.to_le_bytes());
    out.extend_from_slice(&words.to_le_bytes());
    out.extend_from_slice(&blocks.to_le_bytes());
    for s in &sections {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    }
    let mut report = String::new();
    for (name, s) in [
        "tags",
        "idf",
        "c1",
        "codes",
        "alphabet",
        "checkpoints",
        "blocks",
        "entries",
        "block checkpoints",
    ]
    .iter()
    .zip(&sections)
    {
        report.push_str(&format!("{name} {}\n", s.len()));
        out.extend_from_slice(s);
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    fs::write(out_dir.join("dict.store"), &out).unwrap();
    fs::write(out_dir.join("dict.store.sections"), report).unwrap();
}
