//! jieba-rs's HMM model ships compactly (`vendor/jieba-macros`: its emission
//! tables are decoded on first use instead of compiled in as f64 literals).
//! It must still be upstream's model, value for value: cut with it, every
//! text comes out as with the same `hmm.model` loaded by jieba-rs's own
//! reader.

use jieba_rs::{HmmModel, Jieba};

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

#[test]
fn compact_hmm_tables_are_the_upstream_model() {
    let text = include_str!("../vendor/jieba-macros/src/hmm.model");
    let model = HmmModel::load(&mut text.as_bytes()).expect("upstream's hmm.model reads");
    let builtin = Jieba::empty();
    let mut loaded = Jieba::empty();
    loaded.set_hmm_model(model);

    // Without dictionary words every run of characters goes to the HMM:
    // every character of its range (U+4E00–U+9FD5, those the model has and
    // those it lacks), many times, among different neighbours.
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut chars: Vec<char> = ('\u{4E00}'..='\u{9FD5}').collect();
    for pass in 0..6 {
        for i in (1..chars.len()).rev() {
            chars.swap(i, rng.below(i + 1));
        }
        let mut s = String::new();
        let mut rest = &chars[..];
        while !rest.is_empty() {
            let n = (2 + rng.below(11)).min(rest.len());
            s.extend(&rest[..n]);
            s.push(if rng.below(3) == 0 { '，' } else { '。' });
            rest = &rest[n..];
        }
        let a: Vec<&str> = builtin.cut(&s, true).into_iter().map(|t| t.word).collect();
        let b: Vec<&str> = loaded.cut(&s, true).into_iter().map(|t| t.word).collect();
        assert_eq!(a.len(), b.len(), "pass {pass}");
        if let Some(i) = (0..a.len()).find(|&i| a[i] != b[i]) {
            panic!("pass {pass}, token {i}: {} vs {}", a[i], b[i]);
        }
    }
}
