//! The built-in word lists: plain text files compiled in, parsed once. The
//! same lists feed the segmenter (so the terms stay whole) and extraction (so
//! every synonym maps to its canonical indicator).

use std::sync::LazyLock;

const INDICATORS: &str = include_str!("indicators.txt");
const TERMS: &str = include_str!("terms.txt");

/// An indicator with every form texts use for it; `forms[0]` is canonical.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    pub canonical: &'static str,
    pub forms: Vec<&'static str>,
}

/// A dictionary entry for the segmenter, in jieba's `word [freq] [tag]` shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term<'a> {
    pub word: &'a str,
    pub freq: Option<usize>,
    pub tag: Option<&'a str>,
}

/// The lists mubiao ships with.
#[derive(Debug)]
pub struct Lexicon {
    indicators: Vec<Indicator>,
    terms: Vec<Term<'static>>,
}

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    indicators: parse_indicators(INDICATORS),
    // The built-in list is checked by a test, so a bad line cannot reach users.
    terms: parse_terms(TERMS).unwrap_or_default(),
});

impl Lexicon {
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// The canonical name for a form as written, if it is a known indicator.
    pub fn canonical(&self, surface: &str) -> Option<&'static str> {
        self.indicators
            .iter()
            .find(|i| i.forms.contains(&surface))
            .map(|i| i.canonical)
    }

    /// Every word the segmenter should know: the terms, then every indicator form.
    pub fn segmenter_words(&self) -> impl Iterator<Item = Term<'static>> + '_ {
        let forms = self.indicators.iter().flat_map(|i| {
            i.forms.iter().map(|&word| Term {
                word,
                freq: None,
                tag: Some("n"),
            })
        });
        self.terms.iter().copied().chain(forms)
    }
}

fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn parse_indicators(text: &'static str) -> Vec<Indicator> {
    content_lines(text)
        .filter_map(|(_, line)| {
            let forms: Vec<&str> = line
                .split('|')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect();
            Some(Indicator {
                canonical: forms.first().copied()?,
                forms,
            })
        })
        .collect()
}

/// Parses jieba's `word [freq] [tag]` format; the line number of the first
/// bad line is in the error.
pub fn parse_terms(text: &str) -> crate::Result<Vec<Term<'_>>> {
    content_lines(text)
        .map(|(line, content)| {
            let mut parts = content.split_whitespace();
            let word = parts.next().unwrap_or_default();
            let mut freq = None;
            let mut tag = None;
            for part in parts {
                match part.parse::<usize>() {
                    Ok(f) if freq.is_none() && tag.is_none() => freq = Some(f),
                    _ if tag.is_none() && !part.chars().all(|c| c.is_ascii_digit()) => {
                        tag = Some(part)
                    }
                    _ => {
                        return Err(crate::Error::InvalidDictLine {
                            line,
                            content: content.to_string(),
                            reason: format!("unexpected `{part}`"),
                        });
                    }
                }
            }
            Ok(Term { word, freq, tag })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_parse() {
        assert!(parse_terms(TERMS).is_ok());
        let lex = Lexicon::builtin();
        assert!(lex.indicators().len() >= 16);
        assert_eq!(lex.canonical("生产总值"), Some("地区生产总值"));
        assert_eq!(
            lex.canonical("规模以上工业增加值"),
            Some("规模以上工业增加值")
        );
        assert_eq!(lex.canonical("不是指标"), None);
    }

    #[test]
    fn terms_in_jieba_format() {
        let t = parse_terms("十三五 1000 n\n# note\n营商环境 n\n规上\n").unwrap();
        assert_eq!(
            t,
            vec![
                Term {
                    word: "十三五",
                    freq: Some(1000),
                    tag: Some("n")
                },
                Term {
                    word: "营商环境",
                    freq: None,
                    tag: Some("n")
                },
                Term {
                    word: "规上",
                    freq: None,
                    tag: None
                },
            ]
        );
    }

    #[test]
    fn bad_term_line_names_its_line() {
        let err = parse_terms("好词 10 n\n坏词 n 10\n").unwrap_err();
        assert!(
            matches!(err, crate::Error::InvalidDictLine { line: 2, .. }),
            "{err}"
        );
    }
}
