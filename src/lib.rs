//! mubiao (目标, "targets") reads a Chinese local-government news article as a
//! person pasted it — page chrome and all — and returns the cleaned text and
//! its metadata, the words, and every planned goal and reported result with
//! its number as a record.
//!
//! Build an [`Analyzer`] once (it loads the dictionary), then analyze as many
//! texts as you like:
//!
//! ```
//! use mubiao::{Analyzer, Options, Status};
//!
//! let analyzer = Analyzer::new(Options::default())?;
//! let analysis = analyzer.analyze("2017年预期目标：全区生产总值同比增长8%以上。");
//! let target = &analysis.targets[0];
//! assert_eq!(target.indicator, "地区生产总值");
//! assert_eq!((target.value, target.unit.as_str()), (8.0, "%"));
//! assert_eq!(target.status, Status::Target);
//! assert_eq!(target.period.as_deref(), Some("2017"));
//! # Ok::<(), mubiao::Error>(())
//! ```
//!
//! The pipeline has one module per stage: [`clean`] (page chrome, metadata,
//! paragraphs, normalization), [`segment`] (jieba-rs with the lexicon),
//! [`extract`] (targets) built on [`numbers`], with the word lists in
//! [`lexicon`]. Spans are byte offsets into the cleaned text;
//! [`Analysis::convert_offsets`] turns them into character or UTF-16 offsets.

// A panic in wasm kills the instance and the page with it, so the core may
// neither unwrap nor index where user data could make it fail: it uses `get`,
// or says on the spot (an `expect` or `allow` with a reason) why it cannot fail.
#![cfg_attr(
    not(test),
    warn(
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::unwrap_used,
        clippy::expect_used
    )
)]

pub mod analysis;
mod charset;
pub mod clean;
mod error;
pub mod extract;
pub mod lexicon;
pub mod numbers;
pub mod offsets;
mod re;
pub mod segment;

#[cfg(target_arch = "wasm32")]
mod wasm;

use serde::{Deserialize, Serialize};

pub use analysis::{
    AlignRun, Alignment, Analysis, Comparator, DropReason, Dropped, Editor, Keyword, Meta, Offsets,
    Qualitative, Quantity, Span, Status, Target, Token, Warning, WarningCode,
};
pub use clean::{CleanOptions, Cleaned};
pub use error::{Error, Result};
pub use segment::{KeywordMethod, KeywordOptions, Mode, SegmentOptions, UserWord, UserWords};

use lexicon::Lexicon;
use segment::Segmenter;

/// How an [`Analyzer`] is built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// Guess words missing from the dictionary with jieba's HMM. Off by
    /// default: it lowers accuracy on news text (see README, "Segmentation").
    pub hmm: bool,
    /// Extra words in jieba's `word [freq] [tag]` format, one a line.
    pub user_dict: Option<String>,
    /// Inputs longer than this are refused by [`Analyzer::analyze_with`]
    /// rather than exhausting memory; `None` accepts any size.
    pub max_input_bytes: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            hmm: false,
            user_dict: None,
            max_input_bytes: Some(64 * 1024 * 1024),
        }
    }
}

/// Options of one analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AnalyzeOptions {
    /// Include the words of the text with their part-of-speech tags.
    pub tokens: bool,
    /// How to pick keywords; `top: 0` skips them.
    pub keywords: KeywordOptions,
    /// Input lines the user took back from `dropped`.
    pub keep_lines: Vec<usize>,
    /// The date relative words (今年, 去年) are read against when the page
    /// has none: `2017-02-15` or `2017`.
    pub date: Option<String>,
}

impl Default for AnalyzeOptions {
    fn default() -> Self {
        AnalyzeOptions {
            tokens: true,
            keywords: KeywordOptions::default(),
            keep_lines: Vec::new(),
            date: None,
        }
    }
}

/// The analyzer: dictionary and lexicons, loaded once, used for many texts.
#[derive(Debug)]
pub struct Analyzer {
    segmenter: Segmenter,
    lexicon: &'static Lexicon,
    max_input_bytes: Option<usize>,
}

impl Analyzer {
    /// Builds an analyzer. Fails only on a bad `user_dict` line.
    pub fn new(options: Options) -> Result<Analyzer> {
        let lexicon = Lexicon::builtin();
        let mut segmenter = Segmenter::new(lexicon, options.hmm);
        if let Some(dict) = &options.user_dict {
            segmenter.add_words(dict)?;
        }
        Ok(Analyzer {
            segmenter,
            lexicon,
            max_input_bytes: options.max_input_bytes,
        })
    }

    /// Everything mubiao reads out of `text`, with default options.
    pub fn analyze(&self, text: &str) -> Analysis {
        self.run(text, &AnalyzeOptions::default(), None)
    }

    /// Like [`analyze`](Self::analyze), with options; fails on an input over
    /// the size limit or an option it cannot read.
    pub fn analyze_with(&self, text: &str, options: &AnalyzeOptions) -> Result<Analysis> {
        let (mut analysis, tokens) = self.analyze_spans(text, options)?;
        analysis.tokens = tokens.tokens(&analysis.text);
        Ok(analysis)
    }

    fn run(&self, text: &str, options: &AnalyzeOptions, date: Option<String>) -> Analysis {
        let (mut analysis, tokens) = self.run_spans(text, options, date);
        analysis.tokens = tokens.tokens(&analysis.text);
        analysis
    }

    /// The analysis, its tokens left packed (`analysis.tokens` is empty).
    fn run_spans(
        &self,
        text: &str,
        options: &AnalyzeOptions,
        date: Option<String>,
    ) -> (Analysis, segment::PackedTokens) {
        let cleaned = clean::clean(
            text,
            &CleanOptions {
                keep_lines: options.keep_lines.clone(),
            },
        );
        let meta = cleaned.meta;
        // Targets first, then the cut, so that the tokens are built from the
        // packed spans while those are still in the caches: with extraction
        // in between, callgrind's model of a 1 MB L2 counted 4% more misses.
        let reference = Meta {
            date: meta.date.clone().or(date),
            ..meta.clone()
        };
        let mut found = extract::extract(&cleaned.text, &reference, self.lexicon);
        for target in &mut found.targets {
            target.source_span = cleaned.alignment.to_source(target.span);
        }

        // One cut serves the tokens and the keywords.
        let mut tokens = if options.tokens || options.keywords.top > 0 {
            self.segmenter.segment_spans(
                &cleaned.text,
                &SegmentOptions {
                    pos: true,
                    ..SegmentOptions::default()
                },
            )
        } else {
            segment::PackedTokens::default()
        };
        let keywords = if options.keywords.top > 0 {
            self.segmenter
                .keywords_of(&cleaned.text, &tokens, &options.keywords)
        } else {
            Vec::new()
        };
        if !options.tokens {
            tokens = segment::PackedTokens::default();
        }
        let mut warnings = Vec::new();
        if meta.title.is_none() {
            warnings.push(Warning {
                code: WarningCode::NoTitle,
                message: "no headline could be told apart from the page chrome".into(),
                span: None,
            });
        }
        if reference.date.is_none() {
            warnings.push(Warning {
                code: WarningCode::NoDate,
                message: "the page carries no date; relative periods (今年, 去年) stay open".into(),
                span: None,
            });
        }
        if cleaned.text.trim().is_empty() && !text.trim().is_empty() {
            warnings.push(Warning {
                code: WarningCode::NoBody,
                message: "nothing in the input looked like an article body".into(),
                span: None,
            });
        }
        warnings.append(&mut found.warnings);

        let analysis = Analysis {
            meta,
            text: cleaned.text,
            dropped: cleaned.dropped,
            alignment: cleaned.alignment,
            tokens: Vec::new(),
            keywords,
            targets: found.targets,
            qualitative: found.qualitative,
            warnings,
        };
        (analysis, tokens)
    }

    /// Like [`analyze_with`](Self::analyze_with), with the tokens packed as
    /// spans into `analysis.text` and tag ids (see [`segment::PackedTokens`])
    /// rather than in `analysis.tokens`, which is empty: what bindings use to
    /// build tokens cheaply.
    pub fn analyze_spans(
        &self,
        text: &str,
        options: &AnalyzeOptions,
    ) -> Result<(Analysis, segment::PackedTokens)> {
        self.check_size(text)?;
        let date = options
            .date
            .as_deref()
            .map(parse_reference_date)
            .transpose()?;
        Ok(self.run_spans(text, options, date))
    }

    /// The cleaned text, metadata and dropped lines of `text`.
    pub fn clean(&self, text: &str, options: &CleanOptions) -> Result<Cleaned> {
        self.check_size(text)?;
        Ok(clean::clean(text, options))
    }

    /// The words of `text` as given (not cleaned first).
    pub fn segment(&self, text: &str, options: &SegmentOptions) -> Result<Vec<Token>> {
        self.check_size(text)?;
        Ok(self.segmenter.segment(text, options))
    }

    /// The words of `text` as given, as spans and tag ids (see
    /// [`segment::PackedTokens`]); what bindings use to build tokens cheaply.
    pub fn segment_spans(
        &self,
        text: &str,
        options: &SegmentOptions,
    ) -> Result<segment::PackedTokens> {
        self.check_size(text)?;
        Ok(self.segmenter.segment_spans(text, options))
    }

    /// The keywords of `text` as given.
    pub fn keywords(&self, text: &str, options: &KeywordOptions) -> Result<Vec<Keyword>> {
        self.check_size(text)?;
        Ok(self.segmenter.keywords(text, options))
    }

    /// The targets of `text`: an analysis without tokens and keywords.
    pub fn targets(&self, text: &str, options: &AnalyzeOptions) -> Result<Analysis> {
        let options = AnalyzeOptions {
            tokens: false,
            keywords: KeywordOptions {
                top: 0,
                ..options.keywords.clone()
            },
            ..options.clone()
        };
        self.analyze_with(text, &options)
    }

    /// Adds words in jieba's `word [freq] [tag]` format, one a line, and
    /// returns how many. A bad line rejects the whole list.
    pub fn add_words(&mut self, dict: &str) -> Result<usize> {
        self.segmenter.add_words(dict)
    }

    /// Adds user words in any shape [`UserWords`] accepts.
    pub fn add_user_words(&mut self, words: &UserWords) -> Result<usize> {
        self.segmenter.add_user_words(words)
    }

    fn check_size(&self, text: &str) -> Result<()> {
        match self.max_input_bytes {
            Some(limit) if text.len() > limit => Err(Error::InputTooLarge {
                bytes: text.len(),
                limit,
            }),
            _ => Ok(()),
        }
    }
}

/// Checks a caller's reference date: `2017`, `2017-02` or `2017-02-15`.
fn parse_reference_date(date: &str) -> Result<String> {
    let ok = {
        let parts: Vec<&str> = date.split('-').collect();
        let numeric = parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        numeric
            && parts.len() <= 3
            && parts.first().is_some_and(|y| y.len() == 4)
            && parts.iter().skip(1).all(|p| p.len() <= 2)
    };
    if ok {
        Ok(date.to_string())
    } else {
        Err(Error::InvalidOption {
            name: "date".into(),
            reason: format!("`{date}` is not a date like 2017, 2017-02 or 2017-02-15"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_over_the_limit_is_refused_with_sizes() {
        let analyzer = Analyzer::new(Options {
            max_input_bytes: Some(10),
            ..Options::default()
        })
        .unwrap();
        let err = analyzer
            .analyze_with("一二三四五六七八", &AnalyzeOptions::default())
            .unwrap_err();
        assert_eq!(
            err,
            Error::InputTooLarge {
                bytes: 24,
                limit: 10
            }
        );
    }

    #[test]
    fn reference_date_is_checked() {
        assert!(parse_reference_date("2017-02-15").is_ok());
        assert!(parse_reference_date("2017").is_ok());
        assert!(parse_reference_date("去年").is_err());
        assert!(parse_reference_date("17-02").is_err());
    }

    #[test]
    fn bad_user_dict_fails_construction() {
        let err = Analyzer::new(Options {
            user_dict: Some("好词 10 n\n坏词 n 10".into()),
            ..Options::default()
        })
        .unwrap_err();
        assert!(matches!(err, Error::InvalidDictLine { line: 2, .. }));
    }
}
