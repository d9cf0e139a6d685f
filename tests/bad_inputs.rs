//! Bad and odd inputs, each with a defined outcome: a result or a clear
//! error, never a panic, and nothing the user gave lost.

mod common;

use std::path::PathBuf;

use common::{ANALYZER, check_invariants, check_nothing_lost, seeds};
use mubiao::{Analysis, WarningCode};

struct Case {
    name: &'static str,
    input: fn() -> String,
    expect: fn(&str, &Analysis),
}

fn has_warning(a: &Analysis, code: WarningCode) -> bool {
    a.warnings.iter().any(|w| w.code == code)
}

/// Real text of the genre, concatenated to `bytes`: the government work
/// reports beside the repository when they are there (a developer's machine),
/// else the seed articles over and over.
fn reports(bytes: usize) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/bench/gov-reports/政府工作报告-省自治区");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .flat_map(|place| std::fs::read_dir(place.path()).into_iter().flatten())
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    if texts.is_empty() {
        texts = seeds().into_iter().map(|(_, t)| t).collect();
    }
    let mut out = String::with_capacity(bytes + 100_000);
    for text in texts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(text);
        out.push('\n');
    }
    out
}

/// Deterministic pseudo-random bytes (no rand dependency for one table row).
fn garbage(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

const CASES: &[Case] = &[
    Case {
        name: "empty",
        input: String::new,
        expect: |_, a| {
            assert_eq!(a.text, "");
            assert!(a.targets.is_empty() && a.dropped.is_empty());
            assert!(
                !has_warning(a, WarningCode::NoBody),
                "empty input has no body to miss"
            );
        },
    },
    Case {
        name: "whitespace only",
        input: || " \n\t\u{3000}\r\n\u{a0}\n\n".into(),
        expect: |_, a| {
            assert_eq!(a.text, "");
            assert!(a.targets.is_empty());
        },
    },
    Case {
        name: "only page chrome",
        input: || {
            "您当前所在位置:某某网>政务> 正文\n分 享 至 手 机\n时间:2019-05-06 08:00:00|来源:某某网|点击量:123\n\
             • 责任编辑 / 张三\n• 上一篇: 某某会议召开\n• 下一篇:某某工作推进\n版权所有 某某网 豫ICP备12345678号"
                .into()
        },
        expect: |_, a| {
            assert!(
                !a.text.contains("责任编辑")
                    && !a.text.contains("上一篇")
                    && !a.text.contains("ICP备"),
                "{}",
                a.text
            );
            assert!(a.dropped.len() >= 6, "{:?}", a.dropped);
            assert!(a.targets.is_empty());
        },
    },
    Case {
        name: "one 1 MB line with no punctuation",
        input: || "推进经济社会发展建设现代化城市".repeat((1 << 20) / 45),
        expect: |input, a| assert!(a.text.len() + 1000 >= input.len()),
    },
    Case {
        name: "10 MB of real text",
        input: || reports(10 << 20),
        expect: |_, a| assert!(a.targets.len() > 1000, "{} targets", a.targets.len()),
    },
    Case {
        name: "NUL bytes and binary garbage",
        input: || {
            let mut bytes = garbage(200_000);
            bytes.extend_from_slice("\0\0生产总值增长8%\0".as_bytes());
            String::from_utf8_lossy(&bytes).into_owned()
        },
        expect: |_, _| {},
    },
    Case {
        name: "emoji, RTL and combining marks",
        input: || "😀👍🏽 مرحبا שלום \u{202e}e\u{301}\u{302} 全区生产总值增长8%以上。👨‍👩‍👧".into(),
        expect: |_, a| assert!(a.text.contains("生产总值增长8%以上")),
    },
    Case {
        name: "HTML with script, comments and CDATA",
        input: || {
            "<html><head><style>p{color:red}</style><script>var x = '生产总值增长99%';</script></head>\
             <body><!-- 注释：增长50% --><p>全区生产总值增长8%以上，规模以上工业增加值增长5%。</p>\
             <![CDATA[ 这里是CDATA ]]><p onclick=\"alert(1)\">第二段。</p></body></html>"
                .into()
        },
        expect: |_, a| {
            assert!(
                !a.text.contains("99%") && !a.text.contains("50%") && !a.text.contains("color"),
                "{}",
                a.text
            );
            assert!(a.text.contains("全区生产总值增长8%以上"));
        },
    },
    Case {
        name: "10,000 nested tags",
        input: || {
            format!(
                "{}<p>全区生产总值增长8%以上。</p>{}",
                "<div>".repeat(10_000),
                "</div>".repeat(10_000)
            )
        },
        expect: |_, a| assert!(a.text.contains("全区生产总值增长8%以上")),
    },
    Case {
        name: "100,000 digits in a row",
        input: || {
            format!(
                "全区生产总值增长{}%，达到{}亿元。",
                "9".repeat(100_000),
                "1".repeat(50_000)
            )
        },
        expect: |_, _| {},
    },
    Case {
        name: "a number with 40 decimal places",
        input: || "全区生产总值增长8.1234567890123456789012345678901234567890%。".into(),
        expect: |_, a| {
            let t = a.targets.first().expect("the growth is read");
            assert!((t.value - 8.123456789).abs() < 1e-6, "{}", t.value);
        },
    },
    Case {
        name: "an article repeated 1,000 times",
        input: || seeds()[0].1.repeat(1000),
        expect: |input, a| {
            assert!(a.text.len() > input.len() / 2);
            assert!(a.targets.len() >= 1000);
        },
    },
];

#[test]
fn every_bad_input_has_its_outcome() {
    let mut failures = Vec::new();
    for case in CASES {
        let input = (case.input)();
        let result = std::panic::catch_unwind(|| {
            let a = ANALYZER.analyze(&input);
            check_invariants(&input, &a);
            check_nothing_lost(&input, &a);
            (case.expect)(&input, &a);
        });
        if result.is_err() {
            failures.push(case.name);
        }
    }
    assert!(failures.is_empty(), "failed: {failures:?}");
}
