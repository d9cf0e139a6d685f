//! Keywords from the words a text was already cut into: TextRank as jieba-rs
//! 0.11 computes it (MIT), and TF-IDF as jieba-rs's `TfIdf` computes it but
//! with the idf values read from the dictionary store instead of a
//! 270,000-entry map built from a 6 MB text file at start-up.
//!
//! jieba-rs's extractors cut the text themselves; an analysis has cut it
//! already, so these take the words instead and give what jieba-rs gives for
//! the same cut (a test holds TextRank to jieba-rs's own).

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use super::dict::LazyJieba;
use crate::analysis::Keyword;

/// jieba's test for a keyword candidate: two characters or more, not a stop
/// word, not a stop word once lower-cased.
fn is_keyword(word: &str, stop_words: &FxHashSet<String>) -> bool {
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

fn allowed(pos: &[String], tag: &str) -> bool {
    pos.is_empty() || pos.iter().any(|p| p == tag)
}

/// The `top` words of a text by TextRank over the words' co-occurrence in a
/// window of `span` words, among words tagged with one of `pos` (any tag if
/// empty). `words` are the text's words and tags in order.
///
/// This is jieba-rs 0.11's `TextRank::extract_keywords` step for step — the
/// same hash maps filled in the same order, so the same graph with its edges
/// in the same order, the same sweeps and the same ties — with the cut
/// taken as given.
pub(crate) fn textrank<'a>(
    words: impl Iterator<Item = (&'a str, &'a str)>,
    span: usize,
    top: usize,
    pos: &[String],
    stop_words: &FxHashSet<String>,
) -> Vec<Keyword> {
    if top == 0 {
        return Vec::new();
    }
    // Per distinct word of an allowed tag: its candidate id, or `None` if it
    // is not a keyword — decided once per word, not once per occurrence.
    let mut word2id: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    // Each candidate word with the tag of its first occurrence, by id.
    let mut unique_words: Vec<(&str, &str)> = Vec::new();
    // Per word of the text, the id of its candidate if it is one: the window
    // counts every word, candidate or not.
    let mut candidate_ids: Vec<Option<usize>> = Vec::new();
    for (word, tag) in words {
        let id = if allowed(pos, tag) {
            *word2id.entry(word).or_insert_with(|| {
                is_keyword(word, stop_words).then(|| {
                    unique_words.push((word, tag));
                    unique_words.len() - 1
                })
            })
        } else {
            None
        };
        candidate_ids.push(id);
    }

    // A std HashMap with the Fx hasher, as jieba-rs has it: its iteration
    // order is the order of the graph's edges, which orders the sums below.
    let mut cooccurrence: HashMap<(usize, usize), usize, FxBuildHasher> = HashMap::default();
    for (i, &u) in candidate_ids.iter().enumerate() {
        let Some(u) = u else { continue };
        for &v in candidate_ids.iter().take(i + span).skip(i + 1) {
            let Some(v) = v else { continue };
            *cooccurrence.entry((u, v)).or_insert(0) += 1;
        }
    }
    let edges: Vec<(usize, usize, f64)> = cooccurrence
        .iter()
        .map(|(&(u, v), &c)| (u, v, c as f64))
        .collect();
    let ranks = Graph::new(unique_words.len(), &edges).rank();

    // The `top` best so far, the worst of them at the root.
    let mut heap = BinaryHeap::with_capacity(top.min(ranks.len()));
    for (id, r) in ranks.iter().enumerate() {
        let node = Ranked { rank: r * 1e10, id };
        if heap.len() < top {
            heap.push(node);
        } else if let Some(mut worst) = heap.peek_mut()
            && node < *worst
        {
            *worst = node;
        }
    }
    let mut out = Vec::with_capacity(heap.len());
    while let Some(r) = heap.pop() {
        if let Some(&(word, tag)) = unique_words.get(r.id) {
            out.push(Keyword {
                word: word.to_string(),
                weight: r.rank,
                tag: tag.to_string(),
            });
        }
    }
    out.reverse();
    out
}

/// The co-occurrence graph in compressed sparse rows: the neighbours of `v`
/// are `edges[offsets[v]..offsets[v + 1]]`, in the order the edges came, each
/// with the share of its rank it hands to `v`.
struct Graph {
    offsets: Vec<usize>,
    /// Neighbour and share, side by side: the sweeps read them together.
    edges: Vec<(usize, f64)>,
}

impl Graph {
    #[allow(
        clippy::indexing_slicing,
        reason = "every vertex id in edges is below size (ids are given out in order), so offsets has an entry for it and its successor; ends has offsets[size] entries, one per edge end"
    )]
    fn new(size: usize, edges: &[(usize, usize, f64)]) -> Graph {
        // Each undirected edge is an entry in both endpoints' lists. Every
        // id below comes from `edges`, whose ids are below `size`.
        let mut offsets = vec![0usize; size + 1];
        for &(u, v, _) in edges {
            offsets[u + 1] += 1;
            offsets[v + 1] += 1;
        }
        for i in 0..size {
            offsets[i + 1] += offsets[i];
        }
        let mut ends = vec![(0usize, 0.0); offsets[size]];
        let mut next = offsets[..size].to_vec();
        for &(u, v, w) in edges {
            ends[next[u]] = (v, w);
            next[u] += 1;
            ends[next[v]] = (u, w);
            next[v] += 1;
        }
        let outflow: Vec<f64> = (0..size)
            .map(|v| ends[offsets[v]..offsets[v + 1]].iter().map(|e| e.1).sum())
            .collect();
        // A vertex in `ends` has an edge, so its outflow is at least 1.
        for e in &mut ends {
            e.1 /= outflow[e.0];
        }
        Graph {
            offsets,
            edges: ends,
        }
    }

    /// Twenty sweeps with damping 0.85, each vertex updated in place.
    #[allow(
        clippy::indexing_slicing,
        reason = "offsets has n + 1 entries, ascending to edges.len(), and every neighbour in edges is below n"
    )]
    fn rank(&self) -> Vec<f64> {
        const DAMPING: f64 = 0.85;
        let n = self.offsets.len() - 1;
        let mut ranks = vec![1.0 / n as f64; n];
        for _ in 0..20 {
            for (i, w) in self.offsets.windows(2).enumerate() {
                let s: f64 = self.edges[w[0]..w[1]]
                    .iter()
                    .map(|&(d, share)| share * ranks[d])
                    .sum();
                ranks[i] = (1.0 - DAMPING) + DAMPING * s;
            }
        }
        ranks
    }
}

/// A vertex and its rank, ordered best first (higher rank, then lower id),
/// so that the top of a max-heap is the worst of the best.
struct Ranked {
    rank: f64,
    id: usize,
}

impl Ord for Ranked {
    fn cmp(&self, other: &Ranked) -> Ordering {
        // Ranks are at least 0.15 × 1e10: never NaN, never -0.
        other
            .rank
            .total_cmp(&self.rank)
            .then_with(|| self.id.cmp(&other.id))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Ranked) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Ranked) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

/// The `top` words of a text by term frequency × inverse document frequency,
/// among words tagged with one of `pos` (any tag if empty). `words` are the
/// text's words and tags in order, and the text must have been passed to
/// `dict.with_text` (its words' idf is read from the part of the store
/// loaded for it). A word the idf table lacks gets its median, as in jieba.
/// Ties go to the word that sorts first, as in jieba-rs.
pub(crate) fn tfidf<'a>(
    dict: &LazyJieba,
    words: impl Iterator<Item = (&'a str, &'a str)>,
    top: usize,
    pos: &[String],
    stop_words: &FxHashSet<String>,
) -> Vec<Keyword> {
    if top == 0 {
        return Vec::new();
    }
    // Per word: occurrences and the tag of the first one.
    let mut counts: FxHashMap<&str, (u64, &str)> = FxHashMap::default();
    for (word, tag) in words {
        if allowed(pos, tag) && is_keyword(word, stop_words) {
            counts.entry(word).or_insert((0, tag)).0 += 1;
        }
    }
    let total: u64 = counts.values().map(|(n, _)| n).sum();
    let median = dict.store().median_idf();
    let mut keywords: Vec<Keyword> = counts
        .into_iter()
        .map(|(word, (n, tag))| Keyword {
            word: word.to_string(),
            weight: n as f64 * dict.idf(word).unwrap_or(median) / total as f64,
            tag: tag.to_string(),
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
