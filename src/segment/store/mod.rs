//! The dictionary store: jieba's word list, Huffman-coded and grouped by the
//! first two characters of each word, readable block by block in place.
//!
//! Nothing is decompressed at start-up: the store is read where it lies in the
//! wasm data segment. Start-up decodes only the small index (first characters,
//! code tables, the second character and size of each block); a block's words
//! are decoded when the segmenter first needs them.
//!
//! Layout: magic, total frequency (u64 LE), word count, block count (u32 LE),
//! nine section lengths (u32 LE), then the sections:
//!
//! | section | content |
//! |---|---|
//! | tags | tag names, `\n`-terminated |
//! | idf | varint: the median idf, the number of distinct values, then the values, largest first, each but the first as its difference to the one before; every value as an integer over `IDF_SCALE` |
//! | c1 | varint count of first characters, then bits: per first character its code point delta, `blocks << 1 \| single`, and for a single-character word its freq, tag and idf index |
//! | codes | code lengths of every Huffman code: varint count, one byte each |
//! | alphabet | every character after a word's first: varint count, varint code point deltas |
//! | checkpoints | varint deltas of the bit offset of every 16th block in `entries` |
//! | blocks | bits: per block, its second character (as the difference of its alphabet position and the previous block's in the group) and entry count − 1 |
//! | entries | bits: per word, the characters after its first two and a terminator, then freq, tag and idf index |
//! | block checkpoints | varint deltas of the bit offset of every 64th block in `blocks` |
//!
//! A block holds every word of two or more characters that starts with one pair
//! of characters, sorted. Frequency and tag are coded by word length, the idf
//! index by the size of the frequency; large numbers are escaped into a bit
//! length and raw bits (see `huffman::escape`). The idf index is 0 for a word
//! idf.txt lacks, else 1 + its rank among the distinct values.

mod format;
mod huffman;

use std::sync::LazyLock;

use format::*;
use huffman::{Bits, Code};

static STORE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict.store"));

static BUILTIN: LazyLock<Result<Store, CorruptStore>> = LazyLock::new(|| Store::from_bytes(STORE));

/// The store failed to decode; only a build from corrupt data can cause it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorruptStore(pub &'static str);

/// One dictionary word as the store gives it out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry<'s> {
    pub freq: u64,
    pub tag: &'s str,
    /// `None` when idf.txt has no value for the word.
    pub idf: Option<f64>,
}

#[derive(Clone, Copy)]
struct First {
    ch: u32,
    first_block: u32,
    /// Index into `singles`, or `u32::MAX`.
    single: u32,
}

#[derive(Clone, Copy)]
struct Single {
    freq: u64,
    tag: u32,
    idf: u32,
}

struct Codes {
    c2: Code,
    cnt: Code,
    suffix: Code,
    freq: Vec<Code>,
    tag: Vec<Code>,
    idf: Vec<Code>,
}

pub struct Store {
    tags: Vec<Box<str>>,
    idf_values: Vec<f64>,
    median_idf: f64,
    total: u64,
    words: u32,
    firsts: Vec<First>,
    /// Index into `firsts` of each BMP character, `u16::MAX` for none: the
    /// segmenter looks characters up at every position of a text.
    first_of_bmp: Vec<u16>,
    singles: Vec<Single>,
    codes: Codes,
    /// Suffix symbol `s` is `alphabet[s - 1]`; 0 ends a word. A block's
    /// second character is an alphabet position too.
    alphabet: Vec<char>,
    checkpoints: Vec<u32>,
    block_checkpoints: Vec<u32>,
    blocks: usize,
    block_stream: &'static [u8],
    entries: &'static [u8],
}

/// The decoded part of the block stream: each block's second character and
/// size, filled in one first character at a time as texts need them.
pub struct BlockIndex {
    c2: Vec<u32>,
    count: Vec<u16>,
    /// Per first character (index into `Store::firsts`): decoded or not.
    decoded: Vec<u64>,
}

impl BlockIndex {
    /// An index with nothing decoded.
    pub fn new(store: &Store) -> Self {
        BlockIndex {
            c2: vec![0; store.blocks],
            count: vec![0; store.blocks],
            decoded: vec![0; store.firsts.len().div_ceil(64)],
        }
    }

    /// An index with every block decoded.
    pub fn full(store: &Store) -> Result<Self, CorruptStore> {
        let mut index = Self::new(store);
        for g in 0..store.firsts.len() {
            store.decode_group(g, &mut index)?;
        }
        Ok(index)
    }

    #[inline]
    pub fn is_decoded(&self, group: usize) -> bool {
        self.decoded
            .get(group >> 6)
            .is_some_and(|w| w >> (group & 63) & 1 == 1)
    }

    pub fn heap_bytes(&self) -> usize {
        self.c2.capacity() * 4 + self.count.capacity() * 2 + self.decoded.capacity() * 8
    }
}

struct Bytes<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Bytes<'_> {
    fn varint(&mut self) -> Result<u64, CorruptStore> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.pos).ok_or(CorruptStore("varint"))?;
            self.pos += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(CorruptStore("varint"))
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn code(&mut self) -> Result<Code, CorruptStore> {
        let n = self.varint()? as usize;
        let lengths = self
            .bytes
            .get(self.pos..self.pos + n)
            .ok_or(CorruptStore("code table"))?;
        self.pos += n;
        Code::from_lengths(lengths).ok_or(CorruptStore("code lengths"))
    }
}

/// A checkpoint section: `count` bit offsets, written as varint deltas.
fn bit_offsets(bytes: &[u8], count: usize) -> Result<Vec<u32>, CorruptStore> {
    let mut k = Bytes { bytes, pos: 0 };
    let mut offsets = Vec::with_capacity(count);
    let mut bit = 0u64;
    while !k.at_end() {
        bit += k.varint()?;
        offsets.push(u32::try_from(bit).map_err(|_| CorruptStore("checkpoint"))?);
    }
    if offsets.len() != count {
        return Err(CorruptStore("checkpoint count"));
    }
    Ok(offsets)
}

#[allow(clippy::indexing_slicing, reason = "get(i..i + 4) gave four bytes")]
fn u32_at(data: &[u8], i: usize) -> Result<u32, CorruptStore> {
    data.get(i..i + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or(CorruptStore("header"))
}

impl Store {
    /// The built-in store, indexed once per process (or wasm instance).
    pub fn builtin() -> Result<&'static Store, CorruptStore> {
        BUILTIN.as_ref().map_err(Clone::clone)
    }

    /// A store without words.
    pub fn empty() -> Store {
        let code = || Code::from_lengths(&[]).unwrap_or_else(Code::none);
        Store {
            tags: Vec::new(),
            idf_values: Vec::new(),
            median_idf: 0.0,
            total: 0,
            words: 0,
            firsts: Vec::new(),
            first_of_bmp: Vec::new(),
            singles: Vec::new(),
            codes: Codes {
                c2: code(),
                cnt: code(),
                suffix: code(),
                freq: Vec::new(),
                tag: Vec::new(),
                idf: Vec::new(),
            },
            alphabet: Vec::new(),
            checkpoints: Vec::new(),
            block_checkpoints: Vec::new(),
            blocks: 0,
            block_stream: &[],
            entries: &[],
        }
    }

    /// Size of the built-in store in the binary.
    pub fn builtin_len() -> usize {
        STORE.len()
    }

    #[allow(
        clippy::indexing_slicing,
        reason = "the loop above pushed SECTIONS sections, and every index is a constant below SECTIONS"
    )]
    pub fn from_bytes(data: &'static [u8]) -> Result<Self, CorruptStore> {
        if data.get(..4) != Some(MAGIC) {
            return Err(CorruptStore("magic"));
        }
        let total = u64::from(u32_at(data, 4)?) | u64::from(u32_at(data, 8)?) << 32;
        let words = u32_at(data, 12)?;
        let blocks = u32_at(data, 16)? as usize;
        let mut sections: Vec<&'static [u8]> = Vec::with_capacity(SECTIONS);
        let mut start = HEADER;
        for i in 0..SECTIONS {
            let len = u32_at(data, 20 + 4 * i)? as usize;
            sections.push(
                data.get(start..start + len)
                    .ok_or(CorruptStore("section"))?,
            );
            start += len;
        }
        let text = |i: usize| std::str::from_utf8(sections[i]).map_err(|_| CorruptStore("utf-8"));

        let tags: Vec<Box<str>> = text(0)?.lines().map(Into::into).collect();
        let mut v = Bytes {
            bytes: sections[1],
            pos: 0,
        };
        // An integer over IDF_SCALE, divided once: the f64 jieba parses
        // from idf.txt (build.rs checks every value).
        let idf = |k: u64| k as f64 / IDF_SCALE;
        let median_idf = idf(v.varint()?);
        let n = v.varint()? as usize;
        let mut idf_values = Vec::with_capacity(n);
        let mut k = 0u64;
        for i in 0..n {
            let d = v.varint()?;
            k = if i == 0 {
                d
            } else {
                k.checked_sub(d).ok_or(CorruptStore("idf value"))?
            };
            idf_values.push(idf(k));
        }

        let mut t = Bytes {
            bytes: sections[3],
            pos: 0,
        };
        let c2 = t.code()?;
        let cnt = t.code()?;
        let suffix = t.code()?;
        let freq = (0..LEN_CONTEXTS)
            .map(|_| t.code())
            .collect::<Result<_, _>>()?;
        let tag = (0..LEN_CONTEXTS)
            .map(|_| t.code())
            .collect::<Result<_, _>>()?;
        let idf = (0..IDF_CONTEXTS)
            .map(|_| t.code())
            .collect::<Result<Vec<Code>, _>>()?;
        let c1_delta = t.code()?;
        let c1_blocks = t.code()?;
        let single_freq = t.code()?;
        let single_tag = t.code()?;

        let mut c1 = Bytes {
            bytes: sections[2],
            pos: 0,
        };
        let groups = c1.varint()? as usize;
        let mut bits = Bits::new(sections[2], c1.pos * 8);
        let corrupt = || CorruptStore("first characters");
        let mut firsts = Vec::with_capacity(groups);
        let mut singles = Vec::with_capacity(groups);
        let mut ch = 0u64;
        let mut block = 0u64;
        for _ in 0..groups {
            ch += c1_delta
                .decode_escaped(&mut bits, C1_DELTA_DIRECT)
                .ok_or_else(corrupt)?;
            let n = c1_blocks
                .decode_escaped(&mut bits, C1_BLOCKS_DIRECT)
                .ok_or_else(corrupt)?;
            let single = if n & 1 == 1 {
                let freq = single_freq
                    .decode_escaped(&mut bits, FREQ_DIRECT)
                    .ok_or_else(corrupt)?;
                let tag = single_tag.decode(&mut bits).ok_or_else(corrupt)?;
                let idf = idf
                    .get(idf_context(freq))
                    .and_then(|c| c.decode_escaped(&mut bits, IDF_DIRECT))
                    .ok_or_else(corrupt)?;
                singles.push(Single {
                    freq,
                    tag,
                    idf: u32::try_from(idf).map_err(|_| CorruptStore("idf"))?,
                });
                singles.len() as u32 - 1
            } else {
                u32::MAX
            };
            firsts.push(First {
                ch: u32::try_from(ch).map_err(|_| CorruptStore("char"))?,
                first_block: block as u32,
                single,
            });
            block += n >> 1;
        }
        if block != blocks as u64 {
            return Err(CorruptStore("block count"));
        }
        let codes = Codes {
            c2,
            cnt,
            suffix,
            freq,
            tag,
            idf,
        };

        let mut a = Bytes {
            bytes: sections[4],
            pos: 0,
        };
        let n = a.varint()? as usize;
        let mut alphabet = Vec::with_capacity(n);
        let mut cp = 0u64;
        for _ in 0..n {
            cp += a.varint()?;
            alphabet.push(
                u32::try_from(cp)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or(CorruptStore("alphabet"))?,
            );
        }

        let checkpoints = bit_offsets(sections[5], blocks.div_ceil(CHECKPOINT_EVERY))?;
        let block_checkpoints = bit_offsets(sections[8], blocks.div_ceil(BLOCK_CHECKPOINT_EVERY))?;

        if firsts.len() >= u16::MAX as usize {
            return Err(CorruptStore("too many first characters"));
        }
        let mut first_of_bmp = vec![u16::MAX; 0x1_0000];
        for (i, f) in firsts.iter().enumerate() {
            if let (Some(slot), Ok(i)) = (first_of_bmp.get_mut(f.ch as usize), u16::try_from(i)) {
                *slot = i;
            }
        }

        Ok(Store {
            first_of_bmp,
            tags,
            idf_values,
            median_idf,
            total,
            words,
            firsts,
            singles,
            codes,
            alphabet,
            checkpoints,
            block_checkpoints,
            blocks,
            block_stream: sections[6],
            entries: sections[7],
        })
    }

    /// Sum of the frequencies of every word in the store.
    pub fn total_freq(&self) -> u64 {
        self.total
    }

    pub fn len(&self) -> usize {
        self.words as usize
    }

    pub fn is_empty(&self) -> bool {
        self.words == 0
    }

    /// The idf jieba gives a word idf.txt lacks.
    pub fn median_idf(&self) -> f64 {
        self.median_idf
    }

    /// Bytes held on the heap (the store itself stays in the binary).
    pub fn heap_bytes(&self) -> usize {
        let c = &self.codes;
        let codes: usize = [&c.c2, &c.cnt, &c.suffix]
            .into_iter()
            .chain(&c.freq)
            .chain(&c.tag)
            .chain(&c.idf)
            .map(Code::heap_bytes)
            .sum();
        codes
            + self.firsts.capacity() * size_of::<First>()
            + self.first_of_bmp.capacity() * 2
            + self.singles.capacity() * size_of::<Single>()
            + self.alphabet.capacity() * 4
            + self.checkpoints.capacity() * 4
            + self.block_checkpoints.capacity() * 4
            + self.idf_values.capacity() * 8
    }

    fn idf_value(&self, index: u64) -> Option<f64> {
        let i = usize::try_from(index.checked_sub(1)?).ok()?;
        self.idf_values.get(i).copied()
    }

    fn tag_name(&self, tag: u32) -> &str {
        self.tags.get(tag as usize).map_or("", |t| t)
    }

    /// The group of words starting with `ch` (its index among first
    /// characters), if the store has any.
    #[inline]
    pub fn group(&self, ch: char) -> Option<usize> {
        match self.first_of_bmp.get(ch as usize) {
            Some(&u16::MAX) => None,
            Some(&i) => Some(i as usize),
            None => self
                .firsts
                .binary_search_by_key(&(ch as u32), |f| f.ch)
                .ok(),
        }
    }

    /// The blocks of group `group`.
    fn blocks_of(&self, group: usize) -> std::ops::Range<usize> {
        let start = self.firsts.get(group).map_or(0, |f| f.first_block as usize);
        let end = self
            .firsts
            .get(group + 1)
            .map_or(self.blocks, |f| f.first_block as usize);
        start..end
    }

    /// Every character that starts a word of two or more characters.
    pub fn word_starts(&self) -> impl Iterator<Item = char> + '_ {
        self.firsts
            .iter()
            .enumerate()
            .filter(|&(i, _)| !self.blocks_of(i).is_empty())
            .filter_map(|(_, f)| char::from_u32(f.ch))
    }

    pub fn block_count(&self) -> usize {
        self.blocks
    }

    /// Decode the second characters and sizes of the blocks of `group` into
    /// `index`. Decoding starts at the block checkpoint before the group, so
    /// the sizes of the blocks between the two (which entry lookups in the
    /// group may skip over) are filled in as well.
    #[inline(never)]
    #[allow(
        clippy::indexing_slicing,
        reason = "c2 has one entry per block, as count has, whose get_mut(b) succeeded just before"
    )]
    pub fn decode_group(&self, group: usize, index: &mut BlockIndex) -> Result<(), CorruptStore> {
        let range = self.blocks_of(group);
        let start = range.start - range.start % BLOCK_CHECKPOINT_EVERY;
        let bit = *self
            .block_checkpoints
            .get(start / BLOCK_CHECKPOINT_EVERY)
            .ok_or(CorruptStore("block checkpoint"))?;
        let mut bits = Bits::new(self.block_stream, bit as usize);
        let mut second = 0u64;
        for b in start..range.end {
            let delta = self
                .codes
                .c2
                .decode_escaped(&mut bits, C2_DIRECT)
                .ok_or(CorruptStore("blocks"))?;
            let n = self
                .codes
                .cnt
                .decode_escaped(&mut bits, CNT_DIRECT)
                .ok_or(CorruptStore("blocks"))?;
            let count = u16::try_from(n + 1).map_err(|_| CorruptStore("block size"))?;
            *index.count.get_mut(b).ok_or(CorruptStore("block index"))? = count;
            if b >= range.start {
                second += delta;
                let c2 = usize::try_from(second)
                    .ok()
                    .and_then(|s| self.alphabet.get(s.checked_sub(1)?))
                    .ok_or(CorruptStore("second char"))?;
                index.c2[b] = *c2 as u32;
            }
        }
        if let Some(w) = index.decoded.get_mut(group >> 6) {
            *w |= 1 << (group & 63);
        }
        Ok(())
    }

    /// The second characters of the blocks of a decoded group.
    pub fn group_seconds<'i>(
        &self,
        group: usize,
        index: &'i BlockIndex,
    ) -> impl Iterator<Item = char> + 'i {
        let range = self.blocks_of(group);
        index
            .c2
            .get(range)
            .unwrap_or(&[])
            .iter()
            .filter_map(|&c| char::from_u32(c))
    }

    /// The single-character word `ch`, if the store has it.
    pub fn single(&self, ch: char) -> Option<Entry<'_>> {
        let f = self.firsts.get(self.group(ch)?)?;
        let s = self.singles.get(f.single as usize)?;
        Some(Entry {
            freq: s.freq,
            tag: self.tag_name(s.tag),
            idf: self.idf_value(u64::from(s.idf)),
        })
    }

    /// The block of words that start with the first character of `group`
    /// and `c2`, if there is one. The group must be decoded in `index`.
    #[inline]
    pub fn block(&self, index: &BlockIndex, group: usize, c2: char) -> Option<usize> {
        let range = self.blocks_of(group);
        let start = range.start;
        index
            .c2
            .get(range)?
            .binary_search(&(c2 as u32))
            .ok()
            .map(|i| start + i)
    }

    /// Decode one word at `bits` into `rest` (the characters after its first
    /// two) and its entry.
    #[inline(never)]
    fn decode_entry(&self, bits: &mut Bits<'_>, rest: &mut String) -> Option<Entry<'_>> {
        rest.clear();
        let mut len = 2;
        loop {
            let s = self.codes.suffix.decode(bits)?;
            if s == 0 {
                break;
            }
            rest.push(*self.alphabet.get(s as usize - 1)?);
            len += 1;
        }
        let ctx = len_context(len);
        let freq = self
            .codes
            .freq
            .get(ctx)?
            .decode_escaped(bits, FREQ_DIRECT)?;
        let tag = self.codes.tag.get(ctx)?.decode(bits)?;
        let idf = self
            .codes
            .idf
            .get(idf_context(freq))?
            .decode_escaped(bits, IDF_DIRECT)?;
        Some(Entry {
            freq,
            tag: self.tag_name(tag),
            idf: self.idf_value(idf),
        })
    }

    /// Call `f(rest, entry)` for every word in block `block`, `rest` being the
    /// word after its first two characters. The block's group must be decoded.
    pub fn for_each_in_block(
        &self,
        index: &BlockIndex,
        block: usize,
        mut f: impl FnMut(&str, Entry<'_>),
    ) {
        let Some(&bit) = self.checkpoints.get(block / CHECKPOINT_EVERY) else {
            return;
        };
        let mut bits = Bits::new(self.entries, bit as usize);
        let mut rest = String::new();
        let skip: usize = index
            .count
            .get(block - block % CHECKPOINT_EVERY..block)
            .unwrap_or(&[])
            .iter()
            .map(|&n| n as usize)
            .sum();
        for _ in 0..skip {
            if self.decode_entry(&mut bits, &mut rest).is_none() {
                return;
            }
        }
        for _ in 0..index.count.get(block).copied().unwrap_or(0) {
            let Some(e) = self.decode_entry(&mut bits, &mut rest) else {
                return;
            };
            f(&rest, e);
        }
    }

    /// Every word in store order, for tests and the fully loaded reference.
    #[allow(
        clippy::indexing_slicing,
        reason = "blocks_of gives block numbers below the block count, the length of index.c2"
    )]
    pub fn for_each(&self, mut f: impl FnMut(&str, Entry<'_>)) -> Result<(), CorruptStore> {
        let index = BlockIndex::full(self)?;
        let mut word = String::new();
        for (i, first) in self.firsts.iter().enumerate() {
            let Some(c1) = char::from_u32(first.ch) else {
                continue;
            };
            if let Some(e) = self.single(c1) {
                word.clear();
                word.push(c1);
                f(&word, e);
            }
            for b in self.blocks_of(i) {
                let Some(c2) = char::from_u32(index.c2[b]) else {
                    continue;
                };
                self.for_each_in_block(&index, b, |rest, e| {
                    word.clear();
                    word.push(c1);
                    word.push(c2);
                    word.push_str(rest);
                    f(&word, e);
                });
            }
        }
        Ok(())
    }

    /// The idf of `word`, if the store has the word and idf.txt a value for
    /// it. The group of the word's first character must be decoded.
    pub fn idf(&self, index: &BlockIndex, word: &str) -> Option<f64> {
        let mut chars = word.chars();
        let c1 = chars.next()?;
        let Some(c2) = chars.next() else {
            return self.single(c1)?.idf;
        };
        let rest = chars.as_str();
        let mut found = None;
        self.for_each_in_block(index, self.block(index, self.group(c1)?, c2)?, |r, e| {
            if r == rest {
                found = e.idf;
            }
        });
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn data(name: &str) -> String {
        let path = format!("{}/data/jieba/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Every word of dict.txt comes back with its frequency, tag and idf;
    /// the lexicon's words are added, or have a new frequency.
    #[test]
    fn store_reproduces_the_jieba_lists() {
        let lexicon: std::collections::HashSet<&str> = crate::lexicon::Lexicon::builtin()
            .segmenter_words()
            .map(|t| t.word)
            .collect();
        let store = Store::builtin().unwrap();
        let idf_txt = data("idf.txt");
        let idf: HashMap<&str, f64> = idf_txt
            .lines()
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                Some((it.next()?, it.next()?.parse().ok()?))
            })
            .collect();
        let dict = data("dict.txt");
        let mut want: Vec<(&str, u64, &str, Option<f64>)> = dict
            .lines()
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                let w = it.next()?;
                let freq = it.next()?.parse().ok()?;
                Some((w, freq, it.next().unwrap_or(""), idf.get(w).copied()))
            })
            .collect();
        want.sort_by(|a, b| a.0.cmp(b.0));
        let mut got = Vec::with_capacity(want.len());
        store
            .for_each(|w, e| got.push((w.to_string(), e.freq, e.tag.to_string(), e.idf)))
            .unwrap();
        assert_eq!(store.len(), got.len());
        let mut want = want.into_iter().peekable();
        let mut total = 0;
        for g in &got {
            total += g.1;
            match want.peek() {
                Some(w) if w.0 == g.0 => {
                    if !lexicon.contains(w.0) {
                        assert_eq!((g.0.as_str(), g.1, g.2.as_str(), g.3), *w);
                    }
                    want.next();
                }
                _ => assert!(lexicon.contains(g.0.as_str()), "{} is in no list", g.0),
            }
        }
        assert_eq!(want.next(), None);
        assert_eq!(store.total_freq(), total);
        let mut values: Vec<f64> = idf.values().copied().collect();
        values.sort_by(f64::total_cmp);
        assert_eq!(store.median_idf(), values[(values.len() - 1) / 2]);
    }

    /// The build script reads the lexicon files itself; it must read what
    /// `Lexicon::segmenter_words` reads: every term in, with the frequency
    /// given, and the tag given unless jieba already had the word.
    #[test]
    fn store_has_the_lexicon() {
        let store = Store::builtin().unwrap();
        let dict = data("dict.txt");
        let jieba: std::collections::HashSet<&str> = dict
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        let mut index = BlockIndex::new(store);
        for term in crate::lexicon::Lexicon::builtin().segmenter_words() {
            let mut found = None;
            let mut chars = term.word.chars();
            let c1 = chars.next().unwrap();
            match chars.next() {
                None => found = store.single(c1).map(|e| (e.freq, e.tag.to_string())),
                Some(c2) => {
                    let g = store.group(c1).unwrap();
                    store.decode_group(g, &mut index).unwrap();
                    let rest = chars.as_str();
                    if let Some(b) = store.block(&index, g, c2) {
                        store.for_each_in_block(&index, b, |r, e| {
                            if r == rest {
                                found = Some((e.freq, e.tag.to_string()));
                            }
                        });
                    }
                }
            }
            let (freq, tag) = found.unwrap_or_else(|| panic!("{} not in the store", term.word));
            if let Some(f) = term.freq {
                assert_eq!(freq, f as u64, "{}", term.word);
            }
            if !jieba.contains(term.word) {
                assert_eq!(tag, term.tag.unwrap_or(""), "{}", term.word);
            }
        }
    }

    #[test]
    fn corrupt_or_empty_stores_fail_or_find_nothing() {
        assert_eq!(
            Store::from_bytes(b"nope").err(),
            Some(CorruptStore("magic"))
        );
        let truncated: &'static [u8] = STORE.get(..STORE.len() / 2).unwrap();
        assert!(Store::from_bytes(truncated).is_err());
        let empty = Store::empty();
        assert_eq!(empty.single('中'), None);
        assert_eq!(empty.group('中'), None);
        assert!(empty.is_empty());
    }
}
