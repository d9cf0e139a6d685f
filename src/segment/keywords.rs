//! TF-IDF keywords, computed as jieba-rs's `TfIdf` computes them, but with the
//! idf values read from the dictionary store instead of a 270,000-entry map
//! built from a 6 MB text file at start-up.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::dict::LazyJieba;
use crate::analysis::Keyword;

/// jieba's test for a keyword candidate: two characters or more, not a stop
/// word, not a stop word once lower-cased.
fn is_keyword(word: &str, stop_words: &BTreeSet<String>) -> bool {
    let mut chars = 0;
    let mut upper = false;
    for c in word.chars() {
        chars += 1;
        upper |= c.is_uppercase();
    }
    chars >= 2
        && !stop_words.contains(word)
        && !(upper && stop_words.contains(&word.to_lowercase()))
}

/// The `top` words of `text` by term frequency × inverse document frequency,
/// among words tagged with one of `pos` (any tag if empty). A word the idf
/// table lacks gets its median, as in jieba. Ties go to the word that sorts
/// first, as in jieba-rs.
pub(crate) fn tfidf(
    dict: &LazyJieba,
    text: &str,
    hmm: bool,
    top: usize,
    pos: &[String],
    stop_words: &BTreeSet<String>,
) -> Vec<Keyword> {
    if top == 0 {
        return Vec::new();
    }
    let allowed = |tag: &str| pos.is_empty() || pos.iter().any(|p| p == tag);
    // Per word: occurrences and the tag of the first one.
    let mut counts: FxHashMap<&str, (u64, String)> = FxHashMap::default();
    dict.with_text(text, |jieba| {
        for t in jieba.tag(text, hmm) {
            // The same word, borrowed from the text rather than from `jieba`.
            let word = text.get(t.byte_start..t.byte_end).unwrap_or_default();
            if allowed(t.tag) && is_keyword(word, stop_words) {
                counts
                    .entry(word)
                    .or_insert_with(|| (0, t.tag.to_string()))
                    .0 += 1;
            }
        }
    });
    let total: u64 = counts.values().map(|(n, _)| n).sum();
    let median = dict.store().median_idf();
    let mut keywords: Vec<Keyword> = counts
        .into_iter()
        .map(|(word, (n, tag))| Keyword {
            word: word.to_string(),
            weight: n as f64 * dict.idf(word).unwrap_or(median) / total as f64,
            tag,
        })
        .collect();
    keywords.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.word.cmp(&b.word))
    });
    keywords.truncate(top);
    keywords
}
