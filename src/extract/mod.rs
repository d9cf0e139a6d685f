//! Targets: every planned goal and reported result with its number, as a
//! record (`spec/targets.md`).

use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::{
    Meta, Qualitative, Quantity, Span, Status, Target, Token, Warning, WarningCode,
};
use crate::lexicon::Lexicon;
use crate::numbers::{self, Number};

/// What extraction finds in a cleaned text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub targets: Vec<Target>,
    pub qualitative: Vec<Qualitative>,
    pub warnings: Vec<Warning>,
}

/// Sentence ends; a target never spans one.
static SENTENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^。；;！？!?\n]+").expect("the sentence pattern is valid"));

static PLAN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"目标|力争|争取|计划|预期|确保|打算|预计|将|要").expect("the plan pattern is valid")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d\d)年").expect("the year pattern is valid"));

static GROWTH_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(增长|增加|提高|下降|减少|降低|压缩|缩短)\s*$")
        .expect("the growth pattern is valid")
});

/// Reads the targets of `text`. `tokens` are its words (may be empty) and
/// `meta` its metadata, whose date resolves relative periods.
pub fn extract(text: &str, _tokens: &[Token], meta: &Meta, lexicon: &Lexicon) -> Extraction {
    let article_year = meta
        .date
        .as_deref()
        .and_then(|d| d.get(0..4))
        .map(str::to_string);
    let mut out = Extraction::default();
    for sentence in SENTENCE.find_iter(text) {
        let s = sentence.as_str();
        let status = if PLAN_WORDS.is_match(s) {
            Status::Target
        } else {
            Status::Actual
        };
        let period = YEAR
            .captures(s)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string())
            .or_else(|| article_year.clone());
        for number in numbers::find_numbers(s) {
            let Some((surface, canonical, start)) = indicator_before(s, number.span.0, lexicon)
            else {
                continue;
            };
            let between = s.get(start + surface.len()..number.span.0).unwrap_or("");
            let quantity = quantity_of(&number, between);
            let value = if quantity == Quantity::Growth && is_decrease(between) {
                -number.value
            } else {
                number.value
            };
            let span = Span(sentence.start() + start, sentence.start() + number.span.1);
            let evidence = text.get(span.0..span.1).unwrap_or_default().to_string();
            let mut warnings = Vec::new();
            if period.is_none() {
                warnings.push(WarningCode::NoPeriod);
            }
            out.targets.push(Target {
                indicator: canonical.to_string(),
                surface: surface.to_string(),
                quantity,
                value,
                value_high: number.value_high,
                unit: number.unit.to_string(),
                comparator: number.comparator,
                status,
                period: period.clone(),
                baseline: None,
                subject: None,
                evidence,
                span,
                source_span: None,
                warnings,
            });
        }
    }
    out
}

/// The last indicator form written before `end` in the clause, longest first.
fn indicator_before<'s>(
    s: &'s str,
    end: usize,
    lexicon: &Lexicon,
) -> Option<(&'s str, &'static str, usize)> {
    let head = s.get(..end)?;
    let clause_start = head.rfind(['，', ',', '、', '：', ':']).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let clause = &head[clause_start..];
    let mut best: Option<(&'s str, &'static str, usize)> = None;
    for indicator in lexicon.indicators() {
        for form in &indicator.forms {
            if let Some(at) = clause.rfind(form) {
                let at = clause_start + at;
                let better = match best {
                    None => true,
                    Some((b, _, b_at)) => at < b_at || (at == b_at && form.len() > b.len()),
                };
                if better {
                    best = Some((&s[at..at + form.len()], indicator.canonical, at));
                }
            }
        }
    }
    best
}

fn quantity_of(number: &Number, between: &str) -> Quantity {
    match number.unit {
        "倍" => Quantity::Multiple,
        "%" | "百分点" if GROWTH_WORDS.is_match(between) || between.contains("增") => {
            Quantity::Growth
        }
        "百分点" => Quantity::Growth,
        "%" => Quantity::Share,
        _ => Quantity::Level,
    }
}

fn is_decrease(between: &str) -> bool {
    ["下降", "减少", "降低", "压缩", "缩短"]
        .iter()
        .any(|w| between.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Comparator;

    fn targets(text: &str, date: &str) -> Vec<Target> {
        let meta = Meta {
            date: Some(date.to_string()),
            ..Meta::default()
        };
        extract(text, &[], &meta, Lexicon::builtin()).targets
    }

    #[test]
    fn a_planned_growth_rate() {
        let t = targets(
            "开发区2017年经济社会发展的预期目标是:生产总值同比增长8%以上;",
            "2017-02-15",
        );
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.indicator, "地区生产总值");
        assert_eq!(t.surface, "生产总值");
        assert_eq!(
            (t.quantity, t.value, t.unit.as_str()),
            (Quantity::Growth, 8.0, "%")
        );
        assert_eq!((t.comparator, t.status), (Comparator::Ge, Status::Target));
        assert_eq!(t.period.as_deref(), Some("2017"));
        assert_eq!(t.evidence, "生产总值同比增长8%以上");
    }

    #[test]
    fn a_reported_level() {
        let t = targets("2016年,开发区工业增加值累计完成7.7亿元。", "2017-02-15");
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].value, t[0].status), (770000000.0, Status::Actual));
        assert_eq!(t[0].period.as_deref(), Some("2016"));
    }

    #[test]
    fn dates_are_not_targets() {
        assert!(targets("2月13日,开发区召开2017年工作会议。", "2017-02-15").is_empty());
    }
}
