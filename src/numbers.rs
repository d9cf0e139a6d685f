//! Numbers as Chinese texts write them: digits with 万/亿 scaling, a unit,
//! and the qualifier around them (以上, 左右, …).

use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::{Comparator, Span};

/// A number found in a text, normalized to its base unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Where the number, its unit and its qualifiers are written.
    pub span: Span,
    pub value: f64,
    pub value_high: Option<f64>,
    /// Base unit after scaling (`亿元` → `元`).
    pub unit: String,
    pub comparator: Comparator,
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<pre>约|近|超过|突破|不低于|不少于|不超过)?
        (?P<num>\d+(?:\.\d+)?)
        \s*(?P<scale>万亿|亿|万|千)?
        \s*(?P<unit>%|个百分点|百分点|美元|元|个|家|所|条|套|项|名|人次|人|平方米|平方公里|亩|天|吨|千瓦|座|倍)
        (?P<post>以上|左右|以内|以下|多|余)?",
    )
    .expect("the number pattern is valid")
});

/// Every number with a unit in `text`, in order.
pub fn find_numbers(text: &str) -> Vec<Number> {
    NUMBER
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let digits = c.name("num")?.as_str();
            let exponent = c.name("scale").map_or(0, |s| exponent_of(s.as_str()));
            let unit = match c.name("unit")?.as_str() {
                "个百分点" => "百分点",
                u => u,
            };
            let comparator = comparator_of(
                c.name("pre").map(|m| m.as_str()),
                c.name("post").map(|m| m.as_str()),
            );
            Some(Number {
                span: Span(whole.start(), whole.end()),
                value: scaled(digits, exponent)?,
                value_high: None,
                unit: unit.to_string(),
                comparator,
            })
        })
        .collect()
}

/// The power of ten of a Chinese scale word.
pub fn exponent_of(word: &str) -> i32 {
    match word {
        "万亿" => 12,
        "亿" => 8,
        "万" => 4,
        "千" => 3,
        "百" => 2,
        _ => 0,
    }
}

/// `digits × 10^exponent`, rounded once: 4.39亿 is exactly 439000000, where
/// 4.39 × 1e8 in floating point is not.
pub fn scaled(digits: &str, exponent: i32) -> Option<f64> {
    // A run of digits too long for a double is not a figure anyone wrote.
    format!("{digits}e{exponent}")
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
}

fn comparator_of(pre: Option<&str>, post: Option<&str>) -> Comparator {
    match (pre, post) {
        (_, Some("以上")) | (Some("不低于" | "不少于"), _) => Comparator::Ge,
        (_, Some("多" | "余")) | (Some("超过" | "突破"), _) => Comparator::Gt,
        (_, Some("左右")) | (Some("约" | "近"), _) => Comparator::Approx,
        (_, Some("以内" | "以下")) | (Some("不超过"), _) => Comparator::Le,
        _ => Comparator::Eq,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Number {
        let found = find_numbers(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn scales_money_to_yuan() {
        let n = one("达到4.39亿元");
        assert_eq!((n.value, n.unit.as_str()), (439000000.0, "元"));
    }

    #[test]
    fn qualifiers_become_comparators() {
        assert_eq!(one("增长8%以上").comparator, Comparator::Ge);
        assert_eq!(one("增长12%左右").comparator, Comparator::Approx);
        assert_eq!(one("突破360亿元").comparator, Comparator::Gt);
        assert_eq!(one("提高2个百分点").unit, "百分点");
    }
}
