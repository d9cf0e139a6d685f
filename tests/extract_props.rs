//! Properties of the numbers layer and of extraction on any input: no panic,
//! every evidence is the text at its span, ranges are ordered.

use mubiao::Meta;
use mubiao::extract::extract;
use mubiao::lexicon::Lexicon;
use mubiao::numbers::{find_numbers, parse};
use proptest::prelude::*;

/// Pieces of the genre, so random texts hit the interesting paths.
const PIECES: &[&str] = &[
    "地区生产总值",
    "增长",
    "下降",
    "8",
    "6.5",
    "%",
    "％",
    "以上",
    "左右",
    "以内",
    "亿元",
    "万",
    "个",
    "家",
    "分别",
    "、",
    "，",
    "。",
    "；",
    "\n",
    "从",
    "到",
    "达到",
    "力争",
    "2017年",
    "“十三五”",
    "元-9月份",
    "前三季度",
    "一倍",
    "翻两番",
    "两",
    "十",
    "—",
    "-",
    "个百分点",
    "‰",
    "均",
    "城乡居民",
    "人均可支配收入",
    "总投资",
    "项目",
    "“",
    "”",
    "（",
    "）",
    "其中",
    "预计",
    "全年",
    "去年",
    "控制在",
    "不低于",
    "近",
    "多",
    "余",
    " ",
    "１２",
    "．",
    "$",
    "PM2.5",
    "第",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn extraction_never_panics_and_spans_hold_the_evidence(t in text(), year in 2000i32..2030) {
        let meta = Meta { date: Some(format!("{year}-06-01")), ..Meta::default() };
        let found = extract(&t, &meta, Lexicon::builtin());
        for target in &found.targets {
            prop_assert_eq!(t.get(target.span.0..target.span.1), Some(target.evidence.as_str()));
            if let Some(high) = target.value_high {
                prop_assert!(target.value <= high);
            }
            prop_assert!(target.value.is_finite());
        }
        for q in &found.qualitative {
            prop_assert_eq!(t.get(q.span.0..q.span.1), Some(q.evidence.as_str()));
        }
    }

    #[test]
    fn numbers_never_panic_on_any_string(s in ".{0,40}") {
        for n in find_numbers(&s) {
            prop_assert!(s.get(n.span.0..n.span.1).is_some());
            prop_assert!(n.value.is_finite());
        }
        let _ = parse(&s);
    }

    #[test]
    fn numbers_never_panic_on_genre_text(t in text()) {
        for n in find_numbers(&t) {
            prop_assert!(t.get(n.span.0..n.span.1).is_some());
            if let Some(high) = n.value_high {
                prop_assert!(n.value <= high);
            }
        }
    }
}
