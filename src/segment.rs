//! Word segmentation: jieba-rs with the built-in lexicon and user words.

use std::sync::OnceLock;

use jieba_rs::{Jieba, KeywordExtract, TextRank, TfIdf};
use serde::{Deserialize, Serialize};

use crate::Result;
use crate::analysis::{Keyword, Span, Token};
use crate::lexicon::{self, Lexicon, Term};

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
}

impl Default for KeywordOptions {
    fn default() -> Self {
        KeywordOptions {
            method: KeywordMethod::TextRank,
            top: 10,
            pos: ["n", "nz", "vn", "ns", "nt", "v"]
                .map(String::from)
                .to_vec(),
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

/// The segmenter: jieba's dictionary plus mubiao's lexicon and user words.
pub struct Segmenter {
    jieba: Jieba,
    hmm: bool,
    tfidf: OnceLock<TfIdf>,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter").field("hmm", &self.hmm).finish()
    }
}

impl Segmenter {
    pub fn new(lexicon: &Lexicon, hmm: bool) -> Segmenter {
        let mut jieba = Jieba::new();
        for term in lexicon.segmenter_words() {
            add_term(&mut jieba, term);
        }
        Segmenter {
            jieba,
            hmm,
            tfidf: OnceLock::new(),
        }
    }

    /// Adds words in jieba's `word [freq] [tag]` format, one a line; returns
    /// how many. A bad line rejects the whole list, so nothing is half-added.
    pub fn add_words(&mut self, dict: &str) -> Result<usize> {
        let terms = lexicon::parse_terms(dict)?;
        for &term in &terms {
            add_term(&mut self.jieba, term);
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
                    add_term(&mut self.jieba, term);
                }
                Ok(terms.len())
            }
        }
    }

    pub fn segment(&self, text: &str, options: &SegmentOptions) -> Vec<Token> {
        let hmm = options.hmm.unwrap_or(self.hmm);
        if options.pos && options.mode == Mode::Precise {
            return self
                .jieba
                .tag(text, hmm)
                .into_iter()
                .map(|t| Token {
                    word: t.word.to_string(),
                    span: Span(t.byte_start, t.byte_end),
                    tag: Some(t.tag.to_string()),
                })
                .collect();
        }
        let tokens = match options.mode {
            Mode::Precise => self.jieba.cut(text, hmm),
            Mode::Search => self.jieba.cut_for_search(text, hmm),
            Mode::Full => self.jieba.cut_all(text),
        };
        tokens
            .into_iter()
            .map(|t| Token {
                word: t.word.to_string(),
                span: Span(t.byte_start, t.byte_end),
                tag: None,
            })
            .collect()
    }

    pub fn keywords(&self, text: &str, options: &KeywordOptions) -> Vec<Keyword> {
        let found = match options.method {
            KeywordMethod::TextRank => TextRank::default().extract_keywords(
                &self.jieba,
                text,
                options.top,
                options.pos.clone(),
            ),
            KeywordMethod::TfIdf => self.tfidf.get_or_init(TfIdf::default).extract_keywords(
                &self.jieba,
                text,
                options.top,
                options.pos.clone(),
            ),
        };
        found
            .into_iter()
            .map(|k| Keyword {
                word: k.keyword,
                weight: k.weight,
                tag: k.tag,
            })
            .collect()
    }
}

fn add_term(jieba: &mut Jieba, term: Term<'_>) {
    jieba.add_word(term.word, term.freq, term.tag);
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

    #[test]
    fn user_words_change_the_cut() {
        let mut seg = Segmenter::new(Lexicon::builtin(), false);
        assert!(!words(&seg, "撸起袖子加油干").contains(&"撸起袖子".to_string()));
        assert_eq!(seg.add_words("撸起袖子 5000 v").unwrap(), 1);
        assert!(words(&seg, "撸起袖子加油干").contains(&"撸起袖子".to_string()));
    }
}
