//! Goals and results without a number: `城乡居民收入较快增长`,
//! `城乡居民人均可支配收入增长与经济增长基本同步`, `完成省下达的节能减排任务`.

use std::sync::LazyLock;

use regex::Regex;

use super::indicator::Matcher;

/// A clause that states a direction or a duty without a figure. The clauses
/// given are short and hold no figure, so `.+?` needs no bound (a bounded
/// repetition of a Unicode class makes a large automaton).
static PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"(?x)
        (?:较快|稳步|持续|平稳|快速|稳定|明显|显著|进一步|大幅|逐步|保持)?
        (?:增长|提高|提升|改善|下降|优化|降低)
        (?:与.+?(?:基本)?同步)?
      | 同步
      | (?:不低于|高于|快于|超过|优于).+?(?:水平|目标)
      | 完成.*?(?:任务|目标|指标)
      | 控制在.+?(?:目标|范围|计划)(?:以内|之内|内)?
      | 稳量提质",
    )
});

/// The goal stated in `clause` without a number, as (indicator, evidence
/// start, evidence end) relative to the clause.
#[allow(
    clippy::string_slice,
    reason = "the offset is a regex match start in clause"
)]
pub fn find(clause: &str, matcher: &Matcher) -> Option<(String, usize, usize)> {
    if clause.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let m = PREDICATE.find(clause)?;
    let head = &clause[..m.start()];
    // 完成省下达的节能减排任务: the duty is the object.
    if m.as_str().starts_with("完成") || m.as_str().starts_with("控制在") {
        let body = m.as_str();
        let object = body
            .trim_start_matches("完成")
            .trim_start_matches("控制在")
            .trim_end_matches(['任', '务', '目', '标', '指'])
            .rsplit('的')
            .next()
            .unwrap_or("")
            .trim();
        let subject = head.trim();
        let indicator = if !object.is_empty() && object.chars().count() >= 2 {
            object
        } else {
            subject
        };
        if indicator.chars().count() < 2 {
            return None;
        }
        let start = if subject.is_empty() { m.start() } else { 0 };
        return Some((indicator.to_string(), start, m.end()));
    }
    // Otherwise the indicator is written before the predicate, and it must be
    // a known one: 城乡居民收入较快增长, not 人民生活持续改善.
    let head = super::indicator::strip_tail(head.trim_end_matches(['的', ' ']));
    let (at, canonical) = matcher_form(head, matcher)?;
    Some((canonical.to_string(), at, m.end()))
}

#[allow(clippy::string_slice, reason = "i is a char_indices offset of head")]
fn matcher_form(head: &str, matcher: &Matcher) -> Option<(usize, &'static str)> {
    // The last known form in the words before the predicate.
    let mut found = None;
    for (i, _) in head.char_indices() {
        let rest = &head[i..];
        if let Some(c) = matcher.canonical_of(rest) {
            found = Some((i, c));
            break;
        }
    }
    found
}
