//! The word lists of `lexicon/extract.txt`, parsed once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

pub use crate::charset::CharSet;

const EXTRACT: &str = include_str!("../lexicon/extract.txt");

/// A list of words, longest first, indexed by first and last character so
/// that a prefix or suffix test looks at a handful of words, not all.
#[derive(Debug, Default)]
pub struct WordList {
    words: Vec<&'static str>,
    set: HashSet<&'static str>,
    by_first: HashMap<char, Vec<&'static str>>,
    by_last: HashMap<char, Vec<&'static str>>,
    // Boxed: two 8 KB bitmaps inline made the parsed lists (`Words`) some
    // 340 KB, built on the stack and moved into place, which overflowed
    // wasm's 1 MB stack once a list was added.
    firsts: Box<CharSet>,
    lasts: Box<CharSet>,
    /// Whether every first character is one [`CharSet::next_in`] finds, so
    /// that a search may scan bytes for them.
    scannable: bool,
}

impl WordList {
    fn push(&mut self, word: &'static str) {
        self.words.push(word);
    }

    /// A list of `words`, ready for look-ups.
    pub fn of(words: impl IntoIterator<Item = &'static str>) -> WordList {
        let mut list = WordList::default();
        for w in words {
            list.push(w);
        }
        list.finish();
        list
    }

    fn finish(&mut self) {
        self.words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        self.words.dedup();
        self.scannable = true;
        for &w in &self.words {
            self.set.insert(w);
            if let Some(c) = w.chars().next() {
                self.by_first.entry(c).or_default().push(w);
                self.firsts.insert(c);
                self.scannable &= c.is_ascii() || c.len_utf8() == 3;
            }
            if let Some(c) = w.chars().next_back() {
                self.by_last.entry(c).or_default().push(w);
                self.lasts.insert(c);
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn contains(&self, s: &str) -> bool {
        self.set.contains(s)
    }

    /// Whether a word of the list occurs anywhere in `s`.
    pub fn occurs_in(&self, s: &str) -> bool {
        self.occurrences(s).next().is_some()
    }

    /// Every occurrence of a word of the list in `s` and where it starts,
    /// left to right and not overlapping, the longest where several start at
    /// one place: what a regex alternation of the words, longest first,
    /// finds. Only where a word's first character stands is a
    /// [`prefix_in`] look-up made.
    pub fn occurrences<'a>(
        &'a self,
        s: &'a str,
    ) -> impl Iterator<Item = (usize, &'static str)> + 'a {
        let mut i = 0;
        std::iter::from_fn(move || {
            while let Some((at, c)) = self.next_first(s, i) {
                if let Some(w) = s.get(at..).and_then(|rest| self.prefix_from(rest, c)) {
                    i = at + w.len();
                    return Some((at, w));
                }
                i = at + c.len_utf8();
            }
            None
        })
    }

    /// The next place at or after byte `from` of `s` where a word's first
    /// character stands.
    fn next_first(&self, s: &str, from: usize) -> Option<(usize, char)> {
        if self.scannable {
            return self.firsts.next_in(s, from);
        }
        s.get(from..)?
            .char_indices()
            .find(|&(_, c)| self.firsts.may_contain(c))
            .map(|(i, c)| (from + i, c))
    }

    /// The longest word that `s`, whose first character is `c`, starts with.
    fn prefix_from(&self, s: &str, c: char) -> Option<&'static str> {
        self.by_first
            .get(&c)?
            .iter()
            .copied()
            .find(|w| starts_with(s, w))
    }

    /// Whether a word of the list may end with `c`.
    pub fn may_end_with(&self, c: char) -> bool {
        self.lasts.may_contain(c)
    }

    /// The words `s` ends with, longest first.
    pub fn suffixes<'a>(&'a self, s: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        let bucket = s
            .chars()
            .next_back()
            .filter(|&c| self.lasts.may_contain(c))
            .and_then(|c| self.by_last.get(&c));
        bucket
            .into_iter()
            .flatten()
            .copied()
            .filter(move |w| s.ends_with(w))
    }
}

/// The sections of `lexicon/extract.txt`.
#[derive(Debug, Default)]
pub struct Words {
    pub target_strong: WordList,
    pub target_weak: WordList,
    pub actual_strong: WordList,
    pub actual_weak: WordList,
    pub lead: WordList,
    pub link: WordList,
    pub inherit: WordList,
    pub amount: WordList,
    pub after_stop: WordList,
    pub done: WordList,
    pub instrument: WordList,
    pub place_suffix: WordList,
    pub not_place: WordList,
    pub not_place_end: WordList,
    pub ratio: WordList,
    pub head: WordList,
    pub measure: WordList,
    pub action: WordList,
    pub one_name: WordList,
    pub said: WordList,
    pub governs: WordList,
    pub joined_names: WordList,
    pub funds_won: WordList,
    pub plan_names: WordList,
    pub list_verbs: WordList,
    pub own_verbs: WordList,
    pub count_verbs: WordList,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| parse(EXTRACT));

pub fn words() -> &'static Words {
    &WORDS
}

fn parse(text: &'static str) -> Words {
    let mut w = Words::default();
    let mut section: Option<&mut WordList> = None;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name {
                "target-strong" => Some(&mut w.target_strong),
                "target-weak" => Some(&mut w.target_weak),
                "actual-strong" => Some(&mut w.actual_strong),
                "actual-weak" => Some(&mut w.actual_weak),
                "lead" => Some(&mut w.lead),
                "link" => Some(&mut w.link),
                "inherit" => Some(&mut w.inherit),
                "amount" => Some(&mut w.amount),
                "after-stop" => Some(&mut w.after_stop),
                "done" => Some(&mut w.done),
                "instrument" => Some(&mut w.instrument),
                "place-suffix" => Some(&mut w.place_suffix),
                "not-place" => Some(&mut w.not_place),
                "not-place-end" => Some(&mut w.not_place_end),
                "ratio" => Some(&mut w.ratio),
                "head" => Some(&mut w.head),
                "measure" => Some(&mut w.measure),
                "action" => Some(&mut w.action),
                "one-name" => Some(&mut w.one_name),
                "said" => Some(&mut w.said),
                "governs" => Some(&mut w.governs),
                "joined-names" => Some(&mut w.joined_names),
                "funds-won" => Some(&mut w.funds_won),
                "plan-names" => Some(&mut w.plan_names),
                "list-verbs" => Some(&mut w.list_verbs),
                "own-verbs" => Some(&mut w.own_verbs),
                "count-verbs" => Some(&mut w.count_verbs),
                _ => None,
            };
            continue;
        }
        // (a line may hold several words, separated by spaces)
        if let Some(list) = section.as_deref_mut() {
            for word in line.split_whitespace() {
                list.push(word);
            }
        }
    }
    for list in [
        &mut w.target_strong,
        &mut w.target_weak,
        &mut w.actual_strong,
        &mut w.actual_weak,
        &mut w.lead,
        &mut w.link,
        &mut w.inherit,
        &mut w.amount,
        &mut w.after_stop,
        &mut w.done,
        &mut w.instrument,
        &mut w.place_suffix,
        &mut w.not_place,
        &mut w.not_place_end,
        &mut w.ratio,
        &mut w.head,
        &mut w.measure,
        &mut w.action,
        &mut w.one_name,
        &mut w.said,
        &mut w.governs,
        &mut w.joined_names,
        &mut w.funds_won,
        &mut w.plan_names,
        &mut w.list_verbs,
        &mut w.own_verbs,
        &mut w.count_verbs,
    ] {
        list.finish();
    }
    w
}

/// Whether `s` holds `w`.
pub fn has(s: &str, w: &str) -> bool {
    find(s, w).is_some()
}

/// Where `w` first occurs in `s`. The last byte of `w` is looked for with
/// `memchr` (a single byte needs no searcher set up, unlike `str::find`'s
/// or `memmem`'s) and the word compared only there: a Chinese word's last
/// byte is one of 64 continuation bytes, so few places are compared.
pub fn find(s: &str, w: &str) -> Option<usize> {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    let last = *w.last()?;
    let back = w.len() - 1;
    memchr::memchr_iter(last, s.get(back..)?).find(|&i| s.get(i..i + w.len()) == Some(w))
}

/// Where `w` last occurs in `s`; see [`find`].
pub fn rfind(s: &str, w: &str) -> Option<usize> {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    let last = *w.last()?;
    let back = w.len() - 1;
    memchr::memrchr_iter(last, s.get(back..)?).find(|&i| s.get(i..i + w.len()) == Some(w))
}

/// The first place in `s` where a word of `list` starts, and the word (at a
/// place where several start, the first of them in `list`): one pass over
/// `s`, where [`find`] would take one per word. Empty words are never found.
pub fn first_of<'w, const N: usize>(s: &str, list: &[&'w str; N]) -> Option<(usize, &'w str)> {
    let firsts = list.map(|w| w.chars().next());
    // A character's low six bits against those of the first characters:
    // most characters of `s` fail this one test and are not compared with
    // each word.
    let bloom = firsts
        .iter()
        .flatten()
        .fold(0u64, |m, &c| m | (1 << (c as u32 % 64)));
    s.char_indices().find_map(|(i, c)| {
        if bloom & (1 << (c as u32 % 64)) == 0 {
            return None;
        }
        let rest = s.get(i..)?;
        list.iter()
            .zip(&firsts)
            .find(|(w, f)| **f == Some(c) && rest.starts_with(**w))
            .map(|(w, _)| (i, *w))
    })
}

/// The longest word of `list` that `s` starts with.
pub fn prefix_in(s: &str, list: &WordList) -> Option<&'static str> {
    let c = s.chars().next().filter(|&c| list.firsts.may_contain(c))?;
    list.prefix_from(s, c)
}

/// `s.starts_with(w)`, with the last byte of `w` compared first: the words
/// of a list that share a first character mostly differ in their last, and
/// most of them are not there, which spares a call to `memcmp` for each.
fn starts_with(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    w.len()
        .checked_sub(1)
        .is_none_or(|last| s.get(last) == w.get(last) && s.get(..w.len()) == Some(w))
}

/// The longest word of `list` that `s` ends with.
pub fn suffix_in(s: &str, list: &WordList) -> Option<&'static str> {
    list.suffixes(s).next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_and_rfind_agree_with_str() {
        let s = "全市生产总值增长6%，全市财政收入增长8%。a";
        for w in [
            "全市",
            "增长",
            "。",
            "a",
            "6%",
            "收入增长8%。a",
            "无",
            "",
            "市生产总值增长6%，全市财政收入增长8%。ab",
        ] {
            assert_eq!(
                find(s, w),
                if w.is_empty() { None } else { s.find(w) },
                "{w}"
            );
            assert_eq!(
                rfind(s, w),
                if w.is_empty() { None } else { s.rfind(w) },
                "{w}"
            );
        }
    }

    #[test]
    fn first_of_and_occurs_in_agree_with_find() {
        let list = ["累计", "共计", "计划", "年", "a", ""];
        let w = words();
        for s in [
            "全市累计完成投资",
            "共计年累计",
            "计划年",
            "无",
            "",
            "ba年",
            "年计划",
        ] {
            let expected = list
                .iter()
                .filter_map(|w| find(s, w).map(|i| (i, *w)))
                .min_by_key(|(i, _)| *i);
            assert_eq!(first_of(s, &list), expected, "{s}");
            assert_eq!(
                w.instrument.occurs_in(s),
                w.instrument.iter().any(|x| has(s, x)),
                "{s}"
            );
        }
        let x = w.instrument.iter().next().unwrap_or_default();
        assert!(w.instrument.occurs_in(&format!("在{x}中")));
    }

    /// Lists searched as a regex alternation of their words, longest
    /// first, would be: the first scanned as bytes, the second (𠀀 is four
    /// bytes long) decoded character by character.
    const LISTS: [&[&str]; 2] = [
        &["计划", "计划单列", "要", "将", "已", "累计", "a", "a1"],
        &["𠀀年", "年", "计划", "é"],
    ];
    const PIECES: &[&str] = &[
        "计", "划", "单列", "要", "将", "已", "累", "a", "1", "𠀀", "年", "é", "，", "增长",
    ];

    proptest::proptest! {
        #[test]
        fn occurrences_are_the_matches_of_an_alternation(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..12)
        ) {
            let s = pieces.concat();
            for words in LISTS {
                let list = WordList::of(words.iter().copied());
                let mut sorted = words.to_vec();
                sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
                let alternation: Vec<String> = sorted.iter().map(|w| regex::escape(w)).collect();
                let re = crate::re::regex(&alternation.join("|"));
                let expected: Vec<(usize, &str)> =
                    re.find_iter(&s).map(|m| (m.start(), m.as_str())).collect();
                let found: Vec<(usize, &str)> = list.occurrences(&s).collect();
                proptest::prop_assert_eq!(found, expected, "{}", s);
                proptest::prop_assert_eq!(list.occurs_in(&s), re.is_match(&s));
            }
        }
    }

    #[test]
    fn every_section_is_read() {
        let w = words();
        for list in [
            &w.target_strong,
            &w.target_weak,
            &w.actual_strong,
            &w.actual_weak,
            &w.lead,
            &w.link,
            &w.inherit,
            &w.amount,
            &w.after_stop,
            &w.done,
            &w.instrument,
            &w.place_suffix,
            &w.not_place,
            &w.ratio,
            &w.said,
            &w.governs,
        ] {
            assert!(!list.is_empty());
        }
        assert_eq!(
            prefix_in("年度计划投资412亿元", &w.amount),
            Some("年度计划投资")
        );
    }

    #[test]
    fn the_lists_are_small_enough_to_build_on_a_wasm_stack() {
        // Words is built on the stack and moved into its LazyLock; wasm's
        // stack is 1 MB, and at 340 KB (bitmaps inline) the move overflowed it.
        assert!(std::mem::size_of::<Words>() < 16 * 1024);
    }
}
