//! Property tests: arbitrary Unicode, news-shaped noise and mutated seeds.
//! No input may panic; every result must hold together (common::check_*);
//! cleaning is idempotent and analysis deterministic.

mod common;

use common::{ANALYZER, check_invariants, check_nothing_lost, seeds};
use mubiao::clean::{CleanOptions, Format, clean, clean_as};
use proptest::prelude::*;
use std::sync::LazyLock;

static SEEDS: LazyLock<Vec<(String, String)>> = LazyLock::new(seeds);

/// Pieces that the stages look for, so random strings reach deep paths.
const PIECES: &[&str] = &[
    "增长",
    "下降",
    "8",
    "15 ",
    "４",
    "．",
    ".5",
    "%",
    "％",
    "以上",
    "左右",
    "以内",
    "亿元",
    "万",
    "万亿",
    "两",
    "三",
    "个",
    "家",
    "个百分点",
    "倍",
    "翻番",
    "。",
    "，",
    ",",
    "、",
    "；",
    "：",
    "\n",
    "\n\n",
    "\r\n",
    "2017年",
    "1~9月",
    "前三季度",
    "十三五",
    "生产总值",
    "规模以上工业增加值",
    "从",
    "增长到",
    "分别",
    "均",
    "力争",
    "完成",
    "累计",
    "预期目标",
    "-",
    "—",
    "至",
    "来源:",
    "时间:2017-02-15 10:20:01",
    "责任编辑",
    "上一篇:",
    "分 享",
    "<p>",
    "</p>",
    "<br>",
    "&nbsp;",
    "&#x4e00;",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "\u{3000}",
    "\u{a0}",
    "\u{200b}",
    "😀",
    "\u{202e}",
    "e\u{301}",
    "\0",
    "PM2.5",
    "81中",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ],
        0..120,
    )
    .prop_map(|parts| parts.concat())
}

#[derive(Debug, Clone)]
enum Edit {
    Delete { at: f64, len: usize },
    Insert { at: f64, what: String },
    DuplicateLine { at: f64 },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0.0..1.0f64, 0..200usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        (0.0..1.0f64, news_like()).prop_map(|(at, what)| Edit::Insert { at, what }),
        (0.0..1.0f64).prop_map(|at| Edit::DuplicateLine { at }),
    ]
}

/// The char boundary nearest to `frac` of the way through `s`.
fn boundary(s: &str, frac: f64) -> usize {
    let mut at = ((s.len() as f64) * frac) as usize;
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    at.min(s.len())
}

fn apply(mut s: String, edits: &[Edit]) -> String {
    for e in edits {
        match e {
            Edit::Delete { at, len } => {
                let start = boundary(&s, *at);
                let mut end = (start + len).min(s.len());
                while !s.is_char_boundary(end) {
                    end += 1;
                }
                s.replace_range(start..end, "");
            }
            Edit::Insert { at, what } => s.insert_str(boundary(&s, *at), what),
            Edit::DuplicateLine { at } => {
                let lines: Vec<&str> = s.split('\n').collect();
                let i = ((lines.len() as f64) * at) as usize % lines.len().max(1);
                let mut out: Vec<&str> = lines.clone();
                if let Some(line) = lines.get(i) {
                    out.insert(i, line);
                }
                s = out.join("\n");
            }
        }
    }
    s
}

fn mutated_seed() -> impl Strategy<Value = String> {
    (0..5usize, prop::collection::vec(edit(), 1..6)).prop_map(|(i, edits)| {
        let seed = SEEDS[i % SEEDS.len()].1.clone();
        apply(seed, &edits)
    })
}

fn holds(input: &str) {
    let a = ANALYZER.analyze(input);
    check_invariants(input, &a);
    check_nothing_lost(input, &a);
    let again = ANALYZER.analyze(input);
    assert_eq!(a, again, "analysis is not deterministic");
    // The cleaned text is plain text whatever it contains, so it is cleaned
    // again as text (a body quoting `<p>` must not be taken for HTML).
    let once = clean(input, &CleanOptions::default());
    let twice = clean_as(&once.text, Format::Text, &CleanOptions::default());
    assert_eq!(twice.text, once.text, "cleaning is not idempotent");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode(input in any::<String>()) {
        holds(&input);
    }

    #[test]
    fn news_shaped_noise(input in news_like()) {
        holds(&input);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn mutated_seeds(input in mutated_seed()) {
        holds(&input);
    }
}

#[test]
fn the_seeds_themselves() {
    for (name, text) in SEEDS.iter() {
        let a = ANALYZER.analyze(text);
        check_invariants(text, &a);
        check_nothing_lost(text, &a);
        let once = clean(text, &CleanOptions::default());
        let twice = clean_as(&once.text, Format::Text, &CleanOptions::default());
        assert_eq!(twice.text, once.text, "{name}: cleaning is not idempotent");
    }
}
