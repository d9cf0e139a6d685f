//! jieba-macros 0.11.0 (MIT, https://github.com/messense/jieba-rs), as
//! mubiao ships it: the same `generate_hmm_data!` with the same model
//! (`hmm.model` is upstream's file, unchanged) and the same names, but the
//! emission tables are compiled in compactly and decoded on first use.
//!
//! Upstream writes `EMIT_PROBS` as a literal `[[f64; 4]; 14631]` (468 KB) and
//! `EMIT_INDEX` as a literal `[u16; 20899]` (42 KB): half a megabyte of the
//! WebAssembly a browser downloads, for a model mubiao uses only when asked
//! (HMM is off by default). Here both are `LazyLock`s that jieba-rs indexes
//! exactly as before (indexing and `get` reach the slice through `Deref`),
//! built from 138 KB the first time a text is cut with the HMM:
//!
//! - a bitmap of the characters in `EMIT_MIN_CHAR..` that have a row;
//! - per state, its distinct emission values as f64 bit patterns, ascending
//!   in value (descending in bits), the first in full and then differences,
//!   as varints;
//! - per row and state, 1 + the value's position in its state's list, or 0
//!   for a character the state never emits (`MIN_FLOAT`), as varints. Most
//!   characters are rare, and rare means the most negative values, the first
//!   positions: most of these are one byte.
//!
//! The values are the bits of the f64 literals upstream emits, so every
//! probability, and every HMM cut, is what jieba-rs computes upstream; the
//! decoder checks the bitmap against the row count and falls back to an
//! empty table (every character unknown) only if the data were corrupt,
//! which the build rules out (the data come from this file).
//!
//! To update: take upstream's new `hmm.model`, and check whether upstream's
//! `lib.rs` still emits the names and ranges this one does.

use proc_macro::{Literal, TokenStream};
use std::collections::BTreeMap;

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

#[proc_macro]
pub fn generate_hmm_data(_input: TokenStream) -> TokenStream {
    let hmm_data = include_str!("hmm.model");
    let mut output = String::new();
    let mut lines = hmm_data.lines().skip_while(|x| x.starts_with('#'));

    // Initial probabilities
    let init_probs = lines
        .next()
        .expect("Failed to read initial probabilities from hmm.model");

    output.push_str("#[allow(clippy::style)]\n");
    output.push_str("pub static INITIAL_PROBS: [f64; 4] = [");
    output.push_str(&init_probs.replace(' ', ", "));
    output.push_str("];\n\n");

    // Transition probabilities
    output.push_str("#[allow(clippy::style)]\n");
    output.push_str("pub static TRANS_PROBS: [[f64; 4]; 4] = [");
    for line in lines
        .by_ref()
        .skip_while(|x| x.starts_with('#'))
        .take_while(|x| !x.starts_with('#'))
    {
        output.push('[');
        output.push_str(&line.replace(' ', ", "));
        output.push_str("],\n");
    }
    output.push_str("];\n\n");

    // Emission probabilities: `None` where upstream writes MIN_FLOAT.
    let mut emit_probs: BTreeMap<char, [Option<f64>; 4]> = BTreeMap::new();
    for (i, line) in lines.filter(|x| !x.starts_with('#')).enumerate() {
        for word_prob in line.split(',') {
            let mut parts = word_prob.split(':');
            let word = parts.next().unwrap();
            let prob = parts.next().unwrap();
            // All emit keys are single characters
            let ch = word.chars().next().unwrap();
            // Rust's parse and rustc's float literals both round correctly,
            // so these are the bits of upstream's literals.
            let prob: f64 = prob.parse().expect("emission probability");
            emit_probs.entry(ch).or_insert([None; 4])[i] = Some(prob);
        }
    }

    // The segmenter only runs the HMM over `[HMM_HAN_MIN-HMM_HAN_MAX]`
    // blocks (the range is emitted for it to use), so the emission table is
    // a direct index over that range: `EMIT_INDEX` maps `ch - EMIT_MIN_CHAR`
    // to a row of `EMIT_PROBS`, or `EMIT_NONE`. Keys outside the range can
    // never be looked up and are dropped.
    const HMM_HAN_MIN: u32 = 0x4E00;
    const HMM_HAN_MAX: u32 = 0x9FD5;
    let in_range: Vec<(u32, &[Option<f64>; 4])> = emit_probs
        .iter()
        .map(|(ch, probs)| (*ch as u32, probs))
        .filter(|(ch, _)| (HMM_HAN_MIN..=HMM_HAN_MAX).contains(ch))
        .collect();
    let min_char = in_range.first().map_or(HMM_HAN_MIN, |(ch, _)| *ch);
    let max_char = in_range.last().map_or(HMM_HAN_MIN, |(ch, _)| *ch);
    let index_len = (max_char - min_char + 1) as usize;
    assert!(
        in_range.len() < u16::MAX as usize,
        "too many HMM emission entries for a u16 index"
    );

    let mut data = vec![0u8; index_len.div_ceil(8)];
    for (ch, _) in &in_range {
        let i = (ch - min_char) as usize;
        data[i / 8] |= 1 << (i % 8);
    }
    let mut positions: Vec<BTreeMap<u64, u64>> = Vec::new();
    for state in 0..4 {
        let mut values: Vec<f64> = in_range.iter().filter_map(|(_, p)| p[state]).collect();
        values.sort_by(f64::total_cmp);
        values.dedup();
        varint(&mut data, values.len() as u64);
        let mut prev = None;
        for v in &values {
            assert!(v.is_sign_negative(), "log probabilities are negative");
            let bits = v.to_bits();
            varint(&mut data, prev.map_or(bits, |p: u64| p - bits));
            prev = Some(bits);
        }
        positions.push(
            values
                .iter()
                .enumerate()
                .map(|(i, v)| (v.to_bits(), i as u64 + 1))
                .collect(),
        );
    }
    for (_, probs) in &in_range {
        for (state, p) in probs.iter().enumerate() {
            varint(&mut data, p.map_or(0, |v| positions[state][&v.to_bits()]));
        }
    }

    output.push_str(&format!("pub const HMM_HAN_MIN: char = '\\u{{{HMM_HAN_MIN:X}}}';\n"));
    output.push_str(&format!("pub const HMM_HAN_MAX: char = '\\u{{{HMM_HAN_MAX:X}}}';\n"));
    output.push_str(&format!("pub const EMIT_MIN_CHAR: u32 = {min_char:#x};\n"));
    output.push_str("pub const EMIT_NONE: u16 = u16::MAX;\n\n");
    output.push_str(&format!(
        "
pub static EMIT_INDEX: ::std::sync::LazyLock<&'static [u16]> =
    ::std::sync::LazyLock::new(|| &emit_tables::TABLES.0);
pub static EMIT_PROBS: ::std::sync::LazyLock<&'static [[f64; 4]]> =
    ::std::sync::LazyLock::new(|| &emit_tables::TABLES.1);

mod emit_tables {{
    const INDEX_LEN: usize = {index_len};
    const ROWS: usize = {rows};
    const DATA: &[u8] = {data};

    struct Reader {{
        pos: usize,
    }}

    impl Reader {{
        fn varint(&mut self) -> Option<u64> {{
            let mut n = 0u64;
            for shift in (0..64).step_by(7) {{
                let b = *DATA.get(self.pos)?;
                self.pos += 1;
                n |= u64::from(b & 0x7f) << shift;
                if b < 0x80 {{
                    return Some(n);
                }}
            }}
            None
        }}
    }}

    fn tables() -> Option<(Box<[u16]>, Box<[[f64; 4]]>)> {{
        let bitmap = DATA.get(..INDEX_LEN.div_ceil(8))?;
        let mut index = vec![super::EMIT_NONE; INDEX_LEN];
        let mut rows = 0usize;
        for (i, slot) in index.iter_mut().enumerate() {{
            if bitmap[i / 8] >> (i % 8) & 1 == 1 {{
                *slot = u16::try_from(rows).ok()?;
                rows += 1;
            }}
        }}
        if rows != ROWS {{
            return None;
        }}
        let mut r = Reader {{ pos: bitmap.len() }};
        let mut values: Vec<Vec<f64>> = Vec::with_capacity(4);
        for _ in 0..4 {{
            let n = usize::try_from(r.varint()?).ok()?;
            let mut state = Vec::with_capacity(n);
            let mut bits = 0u64;
            for i in 0..n {{
                let d = r.varint()?;
                bits = if i == 0 {{ d }} else {{ bits.checked_sub(d)? }};
                state.push(f64::from_bits(bits));
            }}
            values.push(state);
        }}
        let mut probs = Vec::with_capacity(rows);
        for _ in 0..rows {{
            let mut row = [super::MIN_FLOAT; 4];
            for (state, p) in row.iter_mut().enumerate() {{
                let k = usize::try_from(r.varint()?).ok()?;
                if k > 0 {{
                    *p = *values[state].get(k - 1)?;
                }}
            }}
            probs.push(row);
        }}
        (r.pos == DATA.len()).then(|| (index.into_boxed_slice(), probs.into_boxed_slice()))
    }}

    /// Both tables; empty ones (every character unknown to the model) if
    /// the data do not decode, which the macro that wrote them rules out.
    pub static TABLES: ::std::sync::LazyLock<(Box<[u16]>, Box<[[f64; 4]]>)> =
        ::std::sync::LazyLock::new(|| tables().unwrap_or_default());
}}
",
        rows = in_range.len(),
        data = Literal::byte_string(&data),
    ));

    output.parse().unwrap()
}
