//! Table-driven cases: `tests/cases/numbers.tsv` for the numbers layer and
//! `tests/cases/targets.tsv` for target extraction. The notation is described
//! at the top of each file. Every failing case is listed, then the test fails.

use mubiao::extract::{Extraction, extract};
use mubiao::lexicon::Lexicon;
use mubiao::numbers;
use mubiao::{Meta, Target};

const NUMBERS: &str = include_str!("cases/numbers.tsv");
const TARGETS: &str = include_str!("cases/targets.tsv");

fn cases(file: &str) -> impl Iterator<Item = (usize, &str, &str, &str)> {
    file.lines().enumerate().filter_map(|(i, line)| {
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let mut cols = line.split('\t');
        let kind = cols.next()?;
        let input = cols.next()?;
        let expected = cols.next()?;
        Some((i + 1, kind, input, expected))
    })
}

fn fields(record: &str) -> Vec<(&str, &str)> {
    record
        .split(' ')
        .filter(|f| !f.is_empty())
        .map(|f| f.split_once('=').unwrap_or((f, "")))
        .collect()
}

fn num(s: &str) -> f64 {
    s.parse()
        .unwrap_or_else(|_| panic!("`{s}` is not a number in the case table"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn report(name: &str, total: usize, failures: &[String]) {
    for f in failures {
        eprintln!("{f}");
    }
    eprintln!("{name}: {} of {total} cases pass", total - failures.len());
    assert!(failures.is_empty(), "{} {name} cases fail", failures.len());
}

#[test]
fn number_cases() {
    let mut total = 0;
    let mut failures = Vec::new();
    for (line, kind, input, expected) in cases(NUMBERS) {
        assert_eq!(kind, "number", "line {line}");
        total += 1;
        let got = numbers::parse(input);
        let ok = match (&got, expected) {
            (None, "none") => true,
            (Some(_), "none") | (None, _) => false,
            (Some(n), exp) => {
                let f = fields(exp);
                let get = |k: &str| f.iter().find(|(key, _)| *key == k).map(|(_, v)| *v);
                close(n.value, num(get("v").unwrap_or("nan")))
                    && get("u").unwrap_or("") == n.unit
                    && get("cmp").unwrap_or("=") == n.comparator.as_str()
                    && match (get("hi"), n.value_high) {
                        (None, None) => true,
                        (Some(h), Some(g)) => close(g, num(h)),
                        _ => false,
                    }
            }
        };
        if !ok {
            let got = got.map_or("none".to_string(), |n| {
                format!(
                    "v={} hi={:?} u={} cmp={}",
                    n.value,
                    n.value_high,
                    n.unit,
                    n.comparator.as_str()
                )
            });
            failures.push(format!(
                "line {line}: {input}\n   want {expected}\n   got  {got}"
            ));
        }
    }
    report("number", total, &failures);
}

/// The text of a case and the metadata its tags give: `[year=…]` or
/// `[date=…]`, then optionally `[title=…]`, the page's title, which must
/// also be the text's first line as in a cleaned article.
fn context(input: &str) -> (Meta, String) {
    let mut text = input.replace("\\n", "\n");
    let mut meta = Meta::default();
    while let Some(rest) = text.strip_prefix('[')
        && let Some((tag, body)) = rest.split_once(']')
    {
        if let Some(title) = tag.strip_prefix("title=") {
            meta.title = Some(title.to_string());
        } else {
            meta.date = tag
                .strip_prefix("year=")
                .or_else(|| tag.strip_prefix("date="))
                .map(str::to_string);
        }
        text = body.trim_start().to_string();
    }
    (meta, text)
}

fn matches(t: &Target, record: &[(&str, &str)]) -> bool {
    let mut cmp_checked = false;
    let mut hi_checked = false;
    for &(k, v) in record {
        let ok = match k {
            "ind" => t.indicator == v,
            "ind~" => t.indicator.contains(v) || t.surface.contains(v),
            "surf" => t.surface == v,
            "q" => t.quantity.as_str() == v,
            "v" => close(t.value, num(v)),
            "hi" => {
                hi_checked = true;
                t.value_high.is_some_and(|h| close(h, num(v)))
            }
            "u" => t.unit == v,
            "cmp" => {
                cmp_checked = true;
                v == "*" || t.comparator.as_str() == v
            }
            "st" => t.status.as_str() == v,
            "p" => t.period.as_deref().unwrap_or("-") == v,
            "base" => match t.baseline {
                None => v == "-",
                Some(b) => v != "-" && close(b, num(v)),
            },
            "sub" => t.subject.as_deref().unwrap_or("-") == v,
            "warn" => t.warnings.iter().any(|w| {
                serde_json::to_value(w)
                    .ok()
                    .and_then(|j| j.as_str().map(|s| s == v))
                    .unwrap_or(false)
            }),
            _ => panic!("unknown key `{k}` in the case table"),
        };
        if !ok {
            return false;
        }
    }
    (cmp_checked || t.comparator.as_str() == "=") && (hi_checked || t.value_high.is_none())
}

fn show(t: &Target) -> String {
    format!(
        "ind={} surf={} q={} v={} hi={:?} u={} cmp={} st={} p={} base={:?} sub={} warn={:?}",
        t.indicator,
        t.surface,
        t.quantity.as_str(),
        t.value,
        t.value_high,
        t.unit,
        t.comparator.as_str(),
        t.status.as_str(),
        t.period.as_deref().unwrap_or("-"),
        t.baseline,
        t.subject.as_deref().unwrap_or("-"),
        t.warnings
    )
}

fn check_target_case(input: &str, expected: &str) -> Result<(), String> {
    let (meta, text) = context(input);
    let Extraction {
        targets,
        qualitative,
        ..
    } = extract(&text, &meta, Lexicon::builtin());
    let mut problems = Vec::new();
    let records: Vec<&str> = if expected == "-" {
        Vec::new()
    } else {
        expected.split(" || ").collect()
    };
    let mut used = vec![false; targets.len()];
    let mut wanted = 0;
    for record in &records {
        if let Some(q) = record.strip_prefix("qual=") {
            let (q, status) = match q.split_once(" st=") {
                Some((q, st)) => (q, Some(st)),
                None => (q, None),
            };
            if !qualitative.iter().any(|item| {
                (item.indicator.contains(q) || item.evidence.contains(q))
                    && status.is_none_or(|st| item.status.as_str() == st)
            }) {
                problems.push(format!("   missing qualitative {record}"));
            }
            continue;
        }
        wanted += 1;
        let f = fields(record);
        match (0..targets.len()).find(|&i| !used[i] && matches(&targets[i], &f)) {
            Some(i) => used[i] = true,
            None => problems.push(format!("   missing {record}")),
        }
    }
    for (i, t) in targets.iter().enumerate() {
        if !used[i] {
            problems.push(format!("   extra   {}", show(t)));
        }
    }
    if problems.is_empty() && wanted == targets.len() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn target_cases() {
    let mut total = 0;
    let mut failures = Vec::new();
    for (line, kind, input, expected) in cases(TARGETS) {
        assert_eq!(kind, "target", "line {line}");
        total += 1;
        if let Err(why) = check_target_case(input, expected) {
            failures.push(format!("line {line}: {input}\n{why}"));
        }
    }
    report("target", total, &failures);
}
