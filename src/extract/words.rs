//! The word lists of `lexicon/extract.txt`, parsed once.

use std::sync::LazyLock;

const EXTRACT: &str = include_str!("../lexicon/extract.txt");

/// The sections of `lexicon/extract.txt`, each sorted longest first.
#[derive(Debug, Default)]
pub struct Words {
    pub target_strong: Vec<&'static str>,
    pub target_weak: Vec<&'static str>,
    pub actual_strong: Vec<&'static str>,
    pub actual_weak: Vec<&'static str>,
    pub lead: Vec<&'static str>,
    pub link: Vec<&'static str>,
    pub inherit: Vec<&'static str>,
    pub amount: Vec<&'static str>,
    pub after_stop: Vec<&'static str>,
    pub instrument: Vec<&'static str>,
    pub place_suffix: Vec<&'static str>,
    pub not_place: Vec<&'static str>,
    pub ratio: Vec<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| parse(EXTRACT));

pub fn words() -> &'static Words {
    &WORDS
}

fn parse(text: &'static str) -> Words {
    let mut w = Words::default();
    let mut section: Option<&mut Vec<&'static str>> = None;
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
                "instrument" => Some(&mut w.instrument),
                "place-suffix" => Some(&mut w.place_suffix),
                "not-place" => Some(&mut w.not_place),
                "ratio" => Some(&mut w.ratio),
                _ => None,
            };
            continue;
        }
        if let Some(list) = section.as_deref_mut() {
            list.push(line);
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
        &mut w.instrument,
        &mut w.place_suffix,
        &mut w.not_place,
        &mut w.ratio,
    ] {
        list.sort_by(|a, b| b.len().cmp(&a.len()));
        list.dedup();
    }
    w
}

/// The longest word of `list` that `s` starts with.
pub fn prefix_in(s: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter().copied().find(|w| s.starts_with(w))
}

/// The longest word of `list` that `s` ends with.
pub fn suffix_in(s: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter().copied().find(|w| s.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            &w.instrument,
            &w.place_suffix,
            &w.not_place,
            &w.ratio,
        ] {
            assert!(!list.is_empty());
        }
        assert_eq!(prefix_in("年度计划投资412亿元", &w.amount), Some("年度计划投资"));
    }
}
