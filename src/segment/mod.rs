//! Word segmentation: jieba-rs with jieba's dictionary, the built-in lexicon
//! and user words; part-of-speech tags; keywords.
//!
//! jieba-rs builds its whole 349,046-word dictionary before the first cut
//! (about 200 ms native, 60 MB of wasm memory). mubiao instead ships the
//! dictionary as a compact [`store`] read in place, and [`dict::LazyJieba`]
//! adds to jieba-rs only the words each text can contain, the first time it
//! needs them — with the same result as the full dictionary in every mode
//! (a test compares them on megabytes of text).
//!
//! ```
//! use mubiao::lexicon::Lexicon;
//! use mubiao::segment::Segmenter;
//! use mubiao::SegmentOptions;
//!
//! let seg = Segmenter::new(Lexicon::builtin(), false);
//! let words: Vec<String> = seg
//!     .segment("全市规模以上工业增加值增长8%", &SegmentOptions::default())
//!     .into_iter()
//!     .map(|t| t.word)
//!     .collect();
//! assert_eq!(words, ["全市", "规模以上工业增加值", "增长", "8%"]);
//! ```

mod dict;
mod keywords;
mod numerals;
pub mod store;

use std::sync::LazyLock;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::Result;
use crate::analysis::{Keyword, Span, Token};
use crate::lexicon::{self, Lexicon, Term};
use dict::LazyJieba;
use store::Store;

/// How to cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Mode {
    /// The most likely words, each character in exactly one word.
    #[default]
    Precise,
    /// Precise, plus the dictionary words inside long words (for search indexes).
    Search,
    /// Every dictionary word found anywhere; words overlap.
    Full,
}

/// Options of one `segment` call.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct SegmentOptions {
    pub mode: Mode,
    /// Guess words missing from the dictionary with jieba's HMM; `None` uses
    /// the analyzer's setting.
    pub hmm: Option<bool>,
    /// Tag each word with its part of speech (precise mode only).
    pub pos: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum KeywordMethod {
    #[default]
    TextRank,
    TfIdf,
}

/// Options of one `keywords` call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct KeywordOptions {
    pub method: KeywordMethod,
    /// How many keywords, best first.
    pub top: usize,
    /// Keep only words with these part-of-speech tags; empty keeps all.
    pub pos: Vec<String>,
    /// Words never to give as keywords, besides the built-in list
    /// (`src/lexicon/stopwords.txt`).
    pub stop_words: Vec<String>,
}

impl Default for KeywordOptions {
    fn default() -> Self {
        KeywordOptions {
            method: KeywordMethod::TextRank,
            top: 10,
            pos: ["n", "nz", "vn", "ns", "nt", "v"]
                .map(String::from)
                .to_vec(),
            stop_words: Vec::new(),
        }
    }
}

/// User words: a whole dictionary in jieba's `word [freq] [tag]` format, or a
/// list whose items are such lines or `{word, freq?, tag?}` objects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum UserWords {
    Dict(String),
    List(Vec<UserWord>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum UserWord {
    Line(String),
    Entry {
        word: String,
        #[serde(default)]
        freq: Option<usize>,
        #[serde(default)]
        tag: Option<String>,
    },
}

impl UserWord {
    /// The entry as a dictionary term; `item` (1-based) names it in errors.
    fn term(&self, item: usize) -> Result<Term<'_>> {
        let term = match self {
            UserWord::Line(line) => {
                let mut terms = lexicon::parse_terms(line).map_err(|e| match e {
                    crate::Error::InvalidDictLine {
                        content, reason, ..
                    } => crate::Error::InvalidDictLine {
                        line: item,
                        content,
                        reason,
                    },
                    other => other,
                })?;
                terms.pop()
            }
            UserWord::Entry { word, freq, tag } => Some(Term {
                word: word.trim(),
                freq: *freq,
                tag: tag.as_deref(),
            }),
        };
        match term {
            Some(t) if !t.word.is_empty() && !t.word.contains(char::is_whitespace) => Ok(t),
            _ => Err(crate::Error::InvalidDictLine {
                line: item,
                content: format!("{self:?}"),
                reason: "a word must be non-empty and without spaces".into(),
            }),
        }
    }
}

/// jieba-rs 0.11's `DEFAULT_STOP_WORDS` (MIT), which it exports only with
/// its keyword features; a test checks the copy.
const JIEBA_STOP_WORDS: [&str; 31] = [
    "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as", "on",
    "with", "can", "if", "from", "which", "you", "it", "this", "then", "at", "have", "all", "not",
    "one", "has", "or",
];

/// Words that are never keywords: jieba's English list and mubiao's list of
/// words government texts use everywhere (推进, 工作, 方面…).
static STOP_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut words: FxHashSet<String> = JIEBA_STOP_WORDS.iter().map(|w| w.to_string()).collect();
    words.extend(
        include_str!("../lexicon/stopwords.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from),
    );
    words
});

/// jieba's TextRank window: words up to four apart co-occur.
const TEXTRANK_SPAN: usize = 5;

/// Tokens without their words: for bindings that cut the words out of a text
/// they already hold (see [`Segmenter::segment_spans`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackedTokens {
    /// Start and end of each token, byte offsets.
    pub spans: Vec<usize>,
    /// Per token, an index into `tag_names`; empty without tagging.
    pub tags: Vec<u16>,
    pub tag_names: Vec<String>,
}

impl PackedTokens {
    /// How many tokens.
    pub fn len(&self) -> usize {
        self.spans.len() / 2
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The id of tag `name`, added to `tag_names` if new.
    pub(crate) fn tag_id(&mut self, name: &str) -> u16 {
        match self.tag_names.iter().position(|t| t == name) {
            Some(i) => i as u16,
            None => {
                self.tag_names.push(name.to_string());
                (self.tag_names.len() - 1) as u16
            }
        }
    }

    /// Each token's span and tag (`None` without tagging).
    #[allow(
        clippy::indexing_slicing,
        reason = "chunks_exact(2) gives two-element chunks"
    )]
    pub fn iter(&self) -> impl Iterator<Item = (Span, Option<&str>)> {
        self.spans.chunks_exact(2).enumerate().map(|(i, s)| {
            let tag = self
                .tags
                .get(i)
                .and_then(|&t| self.tag_names.get(usize::from(t)))
                .map(String::as_str);
            (Span(s[0], s[1]), tag)
        })
    }

    /// Each token's word and tag (empty without tagging), cut out of `text`,
    /// the text the tokens are of.
    pub fn words<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.iter()
            .map(|(Span(s, e), tag)| (text.get(s..e).unwrap_or_default(), tag.unwrap_or_default()))
    }

    /// The tokens as [`Token`]s, their words cut out of `text`, the text the
    /// tokens are of.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        self.iter()
            .map(|(span, tag)| Token {
                word: text.get(span.0..span.1).unwrap_or_default().to_string(),
                span,
                tag: tag.map(String::from),
            })
            .collect()
    }
}

/// The segmenter: jieba's dictionary plus mubiao's lexicon and user words.
pub struct Segmenter {
    dict: LazyJieba,
    hmm: bool,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter").field("hmm", &self.hmm).finish()
    }
}

/// Used only if the built-in store does not decode, which the tests rule out
/// for every build; segmentation then falls back to single characters.
static EMPTY_STORE: LazyLock<Store> = LazyLock::new(Store::empty);

impl Segmenter {
    /// A segmenter with jieba's dictionary and the words of `lexicon`. The
    /// built-in lexicon is compiled into the dictionary store (`build.rs`), so
    /// building a segmenter with it costs nothing; any other lexicon's words
    /// are added as user words.
    pub fn new(lexicon: &Lexicon, hmm: bool) -> Segmenter {
        let store = Store::builtin().unwrap_or(&EMPTY_STORE);
        let dict = LazyJieba::new(store);
        if !std::ptr::eq(lexicon, Lexicon::builtin()) {
            for term in lexicon.segmenter_words() {
                add_term(&dict, term);
            }
        }
        Segmenter { dict, hmm }
    }

    /// Adds words in jieba's `word [freq] [tag]` format, one a line; returns
    /// how many. A bad line rejects the whole list, so nothing is half-added.
    pub fn add_words(&mut self, dict: &str) -> Result<usize> {
        let terms = lexicon::parse_terms(dict)?;
        for &term in &terms {
            add_term(&self.dict, term);
        }
        Ok(terms.len())
    }

    /// Adds user words given in any of the shapes [`UserWords`] accepts.
    pub fn add_user_words(&mut self, words: &UserWords) -> Result<usize> {
        match words {
            UserWords::Dict(dict) => self.add_words(dict),
            UserWords::List(list) => {
                let mut terms = Vec::with_capacity(list.len());
                for (i, entry) in list.iter().enumerate() {
                    terms.push(entry.term(i + 1)?);
                }
                for &term in &terms {
                    add_term(&self.dict, term);
                }
                Ok(terms.len())
            }
        }
    }

    pub fn segment(&self, text: &str, options: &SegmentOptions) -> Vec<Token> {
        self.segment_spans(text, options).tokens(text)
    }

    /// The words of `text` as byte spans and tags, without copying each word:
    /// `(spans, tags)` where `spans` holds start and end of each word and
    /// `tags` (with `options.pos`) indexes into the returned tag names.
    pub fn segment_spans(&self, text: &str, options: &SegmentOptions) -> PackedTokens {
        let hmm = options.hmm.unwrap_or(self.hmm);
        self.dict.with_text(text, |jieba| {
            let mut packed = PackedTokens::default();
            if options.pos && options.mode == Mode::Precise {
                let tags = jieba.tag(text, hmm);
                packed.spans.reserve(tags.len() * 2);
                packed.tags.reserve(tags.len());
                // jieba-rs hands out each dictionary tag as the same `&str`,
                // so tags are told apart by address first; names are compared
                // only for an address not seen yet (a guessed tag, say).
                let mut seen: Vec<((*const u8, usize), u16)> = Vec::new();
                for t in tags {
                    packed.spans.extend([t.byte_start, t.byte_end]);
                    let key = (t.tag.as_ptr(), t.tag.len());
                    let id = match seen.iter().find(|(k, _)| *k == key) {
                        Some(&(_, id)) => id,
                        None => {
                            let id = packed.tag_id(t.tag);
                            seen.push((key, id));
                            id
                        }
                    };
                    packed.tags.push(id);
                }
                numerals::join(text, &mut packed);
                return packed;
            }
            let tokens = match options.mode {
                Mode::Precise => jieba.cut(text, hmm),
                Mode::Search => jieba.cut_for_search(text, hmm),
                Mode::Full => jieba.cut_all(text),
            };
            packed.spans = tokens
                .iter()
                .flat_map(|t| [t.byte_start, t.byte_end])
                .collect();
            if options.mode == Mode::Precise {
                numerals::join(text, &mut packed);
            }
            packed
        })
    }

    /// The keywords of `text`, which is cut (with tags) to find them.
    pub fn keywords(&self, text: &str, options: &KeywordOptions) -> Vec<Keyword> {
        if options.top == 0 {
            return Vec::new();
        }
        let pos = SegmentOptions {
            pos: true,
            ..SegmentOptions::default()
        };
        self.keywords_of(text, &self.segment_spans(text, &pos), options)
    }

    /// The keywords of `text` from its words, `tokens`: what
    /// [`segment_spans`](Self::segment_spans) gave for `text`, precise mode,
    /// with tags, this segmenter's HMM setting. The keywords are those of
    /// [`keywords`](Self::keywords), without cutting the text again.
    pub(crate) fn keywords_of(
        &self,
        text: &str,
        tokens: &PackedTokens,
        options: &KeywordOptions,
    ) -> Vec<Keyword> {
        let custom;
        let stop_words: &FxHashSet<String> = if options.stop_words.is_empty() {
            &STOP_WORDS
        } else {
            let mut all = STOP_WORDS.clone();
            all.extend(options.stop_words.iter().cloned());
            custom = all;
            &custom
        };
        let words = tokens.words(text);
        match options.method {
            KeywordMethod::TextRank => {
                keywords::textrank(words, TEXTRANK_SPAN, options.top, &options.pos, stop_words)
            }
            KeywordMethod::TfIdf => {
                keywords::tfidf(&self.dict, words, options.top, &options.pos, stop_words)
            }
        }
    }
}

fn add_term(dict: &LazyJieba, term: Term<'_>) {
    dict.add_word(term.word, term.freq, term.tag);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(seg: &Segmenter, text: &str) -> Vec<String> {
        seg.segment(text, &SegmentOptions::default())
            .into_iter()
            .map(|t| t.word)
            .collect()
    }

    #[test]
    fn lexicon_terms_stay_whole() {
        let seg = Segmenter::new(Lexicon::builtin(), false);
        for term in [
            "规模以上工业增加值",
            "社会消费品零售总额",
            "一般公共预算收入",
            "十三五",
        ] {
            let text = format!("今年{term}增长8%");
            assert!(
                words(&seg, &text).contains(&term.to_string()),
                "{term}: {:?}",
                words(&seg, &text)
            );
        }
    }

    #[test]
    fn spans_point_into_the_text() {
        let seg = Segmenter::new(Lexicon::builtin(), false);
        let text = "开发区2017年生产总值同比增长8%以上";
        for t in seg.segment(
            text,
            &SegmentOptions {
                pos: true,
                ..Default::default()
            },
        ) {
            assert_eq!(&text[t.span.0..t.span.1], t.word);
            assert!(t.tag.is_some());
        }
    }

    /// The seeds, and every 1000th government report when the shared bench
    /// corpus is beside the repository: whole texts, as analyses see them.
    fn whole_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let files_in = |dir: std::path::PathBuf| {
            let mut files: Vec<std::path::PathBuf> = Vec::new();
            let mut dirs = vec![dir];
            while let Some(dir) = dirs.pop() {
                for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                    let path = entry.path();
                    if path.is_dir() {
                        dirs.push(path);
                    } else if path.extension().is_some_and(|x| x == "txt" || x == "md") {
                        files.push(path);
                    }
                }
            }
            files.sort();
            files
        };
        let seeds = files_in(root.join("www/samples"));
        let reports = files_in(root.join("../shared/bench/gov-reports"));
        seeds
            .into_iter()
            .chain(reports.into_iter().step_by(1000))
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .collect()
    }

    /// TextRank over a cut is jieba-rs's TextRank over the same cut, weights
    /// and ties included.
    #[test]
    fn textrank_over_tokens_is_jiebas() {
        use jieba_rs::{KeywordExtract, KeywordExtractConfig, TextRank};

        let mut texts = whole_texts();
        texts.push(String::new());
        texts.push("的".into());
        let extra = vec!["发展".to_string(), "GDP".to_string()];
        for hmm in [false, true] {
            let seg = Segmenter::new(Lexicon::builtin(), hmm);
            for text in &texts {
                // jieba's own cut, before numbers are joined: the cut
                // jieba-rs's TextRank makes for itself.
                let tokens = seg.dict.with_text(text, |jieba| {
                    let mut packed = PackedTokens::default();
                    for t in jieba.tag(text, hmm) {
                        packed.spans.extend([t.byte_start, t.byte_end]);
                        let id = packed.tag_id(t.tag);
                        packed.tags.push(id);
                    }
                    packed
                });
                for (top, tags, stop) in [
                    (10, KeywordOptions::default().pos, Vec::new()),
                    (usize::MAX, Vec::new(), Vec::new()),
                    (25, vec!["n".to_string()], extra.clone()),
                ] {
                    let options = KeywordOptions {
                        top,
                        pos: tags.clone(),
                        stop_words: stop.clone(),
                        ..KeywordOptions::default()
                    };
                    let ours = seg.keywords_of(text, &tokens, &options);
                    let mut stop_words: std::collections::BTreeSet<String> =
                        STOP_WORDS.iter().cloned().collect();
                    stop_words.extend(stop);
                    let config = KeywordExtractConfig::builder()
                        .set_stop_words(stop_words)
                        .use_hmm(hmm)
                        .build();
                    let theirs: Vec<Keyword> = seg
                        .dict
                        .with_text(text, |jieba| {
                            TextRank::new(TEXTRANK_SPAN, config)
                                .extract_keywords(jieba, text, top, tags)
                        })
                        .into_iter()
                        .map(|k| Keyword {
                            word: k.keyword,
                            weight: k.weight,
                            tag: k.tag,
                        })
                        .collect();
                    assert!(
                        ours == theirs,
                        "hmm {hmm}, top {top}: {}",
                        &text[..text.len().min(60)]
                    );
                }
            }
        }
    }

    #[test]
    fn stop_words_are_jiebas() {
        let ours: std::collections::BTreeSet<String> =
            JIEBA_STOP_WORDS.iter().map(|w| w.to_string()).collect();
        assert_eq!(ours, *jieba_rs::DEFAULT_STOP_WORDS);
    }

    #[test]
    fn user_words_change_the_cut() {
        let mut seg = Segmenter::new(Lexicon::builtin(), false);
        assert!(!words(&seg, "撸起袖子加油干").contains(&"撸起袖子".to_string()));
        assert_eq!(seg.add_words("撸起袖子 5000 v").unwrap(), 1);
        assert!(words(&seg, "撸起袖子加油干").contains(&"撸起袖子".to_string()));
    }
}
