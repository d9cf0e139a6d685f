//! Cleaning end to end: the seeds against their gold, the fixtures against
//! their hand-written expectations and their snapshots, and the properties
//! every input keeps (idempotence, alignment, nothing lost, no panic).
//!
//! Snapshots live beside the fixtures as `NAME.snap.json`; after a deliberate
//! change, `MUBIAO_BLESS=1 cargo test --test clean` rewrites them.

use std::fs;
use std::path::{Path, PathBuf};

use mubiao::clean::{CleanOptions, Cleaned, Format, clean, clean_as};
use proptest::prelude::*;
use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/clean")
}

fn seeds() -> Vec<(String, String)> {
    let dir = root().join("www/samples");
    let mut v: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (stem(&p), fs::read_to_string(&p).unwrap_or_default()))
        .collect();
    v.sort();
    v
}

fn fixture_inputs() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = fs::read_dir(fixtures())
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .map(|p| (file_name(&p), fs::read_to_string(&p).unwrap_or_default()))
        .collect();
    v.sort();
    v
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string()
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string()
}

fn run(input: &str) -> Cleaned {
    clean(input, &CleanOptions::default())
}

/// Whitespace-free, as score.py compares.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What score.py counts as normalized: full-width digits and letters half-width.
fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' | '％' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}'))
        .collect()
}

#[test]
fn seeds_meet_their_gold() {
    for (name, input) in seeds() {
        let gold: Value = serde_json::from_str(
            &fs::read_to_string(root().join(format!("tests/gold/{name}.json"))).expect("gold"),
        )
        .expect("gold json");
        let c = run(&input);
        let text = squeeze(&c.text);
        let title = squeeze(c.meta.title.as_deref().unwrap_or(""));
        let mut titles = vec![gold["title"].as_str().unwrap_or("")];
        titles.extend(
            gold["title_alt"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str),
        );
        assert!(
            titles.iter().any(|t| squeeze(t) == title),
            "{name}: title {:?}",
            c.meta.title
        );
        if let Some(date) = gold["date"].as_str() {
            assert!(
                c.meta.date.as_deref().unwrap_or("").starts_with(date),
                "{name}: date {:?}",
                c.meta.date
            );
        }
        for key in ["body_first", "body_last"] {
            let want = squeeze(gold[key].as_str().unwrap_or(""));
            assert!(text.contains(&want), "{name}: {key} {want} lost");
        }
        for line in gold["boilerplate_samples"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            assert!(
                !text.contains(&squeeze(line)),
                "{name}: chrome kept: {line}"
            );
        }
    }
}

/// Every sentence between the gold's first and last body words is in the text.
#[test]
fn seeds_lose_no_body_sentence() {
    for (name, input) in seeds() {
        let gold: Value = serde_json::from_str(
            &fs::read_to_string(root().join(format!("tests/gold/{name}.json"))).expect("gold"),
        )
        .expect("gold json");
        let (Some(first), Some(last)) = (gold["body_first"].as_str(), gold["body_last"].as_str())
        else {
            continue;
        };
        let from = input.find(first).expect("body_first in the seed");
        let to = input
            .rfind(last)
            .map(|p| p + last.len())
            .expect("body_last in the seed");
        // lines of the body that carry punctuation (headings and photo files have none),
        // glued together so that a sentence broken by the paste is one piece again
        let body: Vec<&str> = input[from..to]
            .lines()
            .filter(|l| l.contains(['，', '。', '、', '；', '！', '？', ',', ';']))
            .collect();
        let body = body.join("\n");
        let text = half_width(&c_text(&input));
        let mut checked = 0;
        for sentence in body.split_inclusive(['。', '！', '？', '?', '!']) {
            let s = half_width(sentence);
            if s.chars()
                .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
                .count()
                < 6
            {
                continue;
            }
            checked += 1;
            // whole, or (where the paste broke it and a paragraph really ended) piece by piece
            let whole = text.contains(&s);
            let pieces = sentence
                .split('\n')
                .map(half_width)
                .all(|p| text.contains(&p));
            assert!(whole || pieces, "{name}: sentence lost: {sentence}");
        }
        assert!(checked > 5, "{name}: only {checked} sentences checked");
    }
}

fn c_text(input: &str) -> String {
    run(input).text
}

fn reason_name(r: mubiao::analysis::DropReason) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn fixtures_meet_their_expectations() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, input) in fixture_inputs() {
        let stem = file
            .rsplit_once('.')
            .map_or(file.as_str(), |p| p.0)
            .to_string();
        let exp_path = fixtures().join(format!("{stem}.expected.json"));
        let e: Value = serde_json::from_str(&fs::read_to_string(&exp_path).expect("expected.json"))
            .expect("json");
        count += 1;
        let c = run(&input);
        let mut errs: Vec<String> = Vec::new();
        let meta = serde_json::to_value(&c.meta).expect("meta");
        let format = match c.format {
            Format::Text => "text",
            Format::Html => "html",
        };
        if e["format"] != format {
            errs.push(format!("format {format}"));
        }
        for key in [
            "title", "kicker", "subtitle", "date", "source", "site", "column", "clicks",
        ] {
            if let Some(want) = e.get(key)
                && &meta[key] != want
            {
                errs.push(format!("{key}: {} want {want}", meta[key]));
            }
        }
        if let Some(want) = e.get("authors")
            && &meta["authors"] != want
        {
            errs.push(format!("authors {} want {want}", meta["authors"]));
        }
        if let Some(want) = e.get("editors") {
            let got: Vec<Value> = c
                .meta
                .editors
                .iter()
                .map(|x| json!([x.role, x.name]))
                .collect();
            if &Value::Array(got.clone()) != want {
                errs.push(format!("editors {got:?} want {want}"));
            }
        }
        let text = squeeze(&c.text);
        for key in ["body_first", "body_last"] {
            if let Some(s) = e[key].as_str()
                && !text.contains(&squeeze(s))
            {
                errs.push(format!("{key} lost: {s}"));
            }
        }
        let strs = |k: &str| {
            e[k].as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        for s in strs("must_keep") {
            if !text.contains(&squeeze(&s)) {
                errs.push(format!("lost: {s}"));
            }
        }
        for s in strs("must_not_appear") {
            if c.text.contains(&s) {
                errs.push(format!("should not appear: {s:?}"));
            }
        }
        for s in strs("joined") {
            if !c.text.contains(&s) {
                errs.push(format!("not joined: {s}"));
            }
        }
        for s in strs("separate") {
            if !c.text.lines().any(|l| l.starts_with(&s)) {
                errs.push(format!("not a line of its own: {s}"));
            }
        }
        for d in e["must_drop"].as_array().into_iter().flatten() {
            let line = squeeze(d["line"].as_str().unwrap_or(""));
            let reason = d["reason"].as_str().unwrap_or("");
            let hits: Vec<String> = c
                .dropped
                .iter()
                .filter(|x| half_width(&x.text).contains(&half_width(&line)))
                .map(|x| reason_name(x.reason))
                .collect();
            if hits.is_empty() {
                errs.push(format!("not dropped: {line}"));
            } else if !hits.iter().any(|h| h == reason) {
                errs.push(format!("dropped as {hits:?}, want {reason}: {line}"));
            }
        }
        if e["text_equals_input"] == true {
            if c.text != input.trim_end_matches('\n') {
                errs.push("text differs from the input".into());
            }
            if !c.dropped.is_empty() {
                errs.push(format!("dropped {:?}", c.dropped));
            }
        }
        if !errs.is_empty() {
            failures.push(format!("{file}:\n    {}", errs.join("\n    ")));
        }
    }
    assert!(count >= 14, "only {count} fixtures");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn snapshot(c: &Cleaned) -> Value {
    json!({
        "format": c.format,
        "text": c.text,
        "meta": c.meta,
        "dropped": c.dropped.iter().map(|d| json!([d.line, d.reason, d.text])).collect::<Vec<_>>(),
    })
}

#[test]
fn fixtures_match_their_snapshots() {
    let bless = std::env::var_os("MUBIAO_BLESS").is_some();
    let mut stale = Vec::new();
    for (file, input) in fixture_inputs() {
        let stem = file
            .rsplit_once('.')
            .map_or(file.as_str(), |p| p.0)
            .to_string();
        let path = fixtures().join(format!("{stem}.snap.json"));
        let got = snapshot(&run(&input));
        let pretty = serde_json::to_string_pretty(&got).expect("json") + "\n";
        if bless {
            fs::write(&path, pretty).expect("write snapshot");
            continue;
        }
        let want: Value = fs::read_to_string(&path)
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or(Value::Null);
        if want != got {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "snapshots differ (MUBIAO_BLESS=1 to accept): {stale:?}"
    );
}

fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}')
}

/// The properties every cleaning keeps.
fn check(input: &str) {
    let c = run(input);
    // idempotent: the text is text, whatever it contains
    let again = clean_as(&c.text, Format::Text, &CleanOptions::default());
    assert_eq!(again.text, c.text, "cleaning cleaned text changed it");
    assert!(
        again.dropped.is_empty(),
        "cleaning cleaned text dropped {:?}",
        again.dropped
    );
    assert_eq!(again.meta.title, c.meta.title, "the title moved");
    // alignment: runs cover the text in order, each a verbatim copy or one rewritten character
    let mut at = 0;
    for r in &c.alignment.runs {
        assert_eq!(r.text.0, at, "runs leave a gap");
        at = r.text.1;
        let t = &c.text[r.text.0..r.text.1];
        let s = input
            .get(r.source.0..r.source.1)
            .expect("run source inside the input");
        if t != s {
            assert_eq!(
                t.chars().count(),
                1,
                "rewritten run longer than a character: {t:?} from {s:?}"
            );
            let tc = t.chars().next().unwrap_or(' ');
            let sc = s.chars().next().unwrap_or(' ');
            let ok = matches!(tc, ' ' | '\n') && (s.trim().is_empty() || s.starts_with(['<', '&']))
                || s.starts_with('&')
                || (0xFF01..=0xFF5E).contains(&(sc as u32))
                    && char::from_u32(sc as u32 - 0xFEE0) == Some(tc);
            assert!(ok, "text {t:?} does not come from {s:?}");
        }
    }
    assert_eq!(at, c.text.len(), "runs do not cover the text");
    // nothing the user gave is lost: every visible character is in the text or in a dropped line
    if c.format == Format::Text {
        let mut covered = vec![false; input.len() + 1];
        for r in &c.alignment.runs {
            covered[r.source.0..r.source.1]
                .iter_mut()
                .for_each(|b| *b = true);
        }
        for d in &c.dropped {
            covered[d.span.0..d.span.1]
                .iter_mut()
                .for_each(|b| *b = true);
            assert_eq!(
                &input[d.span.0..d.span.1],
                d.text,
                "dropped text is not the line as pasted"
            );
        }
        for (i, ch) in input.char_indices() {
            assert!(
                invisible(ch) || covered[i],
                "{ch:?} at byte {i} is neither kept nor dropped"
            );
        }
    }
}

#[test]
fn seeds_and_fixtures_keep_the_properties() {
    for (name, input) in seeds().into_iter().chain(fixture_inputs()) {
        eprintln!("{name}");
        check(&input);
    }
}

/// Inputs the property tests below once found failing, kept as cases.
#[test]
fn found_inputs_keep_the_properties() {
    // a full-width point alone on its line, joined between two digits: the
    // first cleaning must read it as the decimal point the second would
    let point_between_joined_digits = [
        "<p>",
        ")",
        "一一一一一一",
        "全年地区生产总值增长6%左右",
        "2013\n02/20\n09:04",
        "．",
        "<p>",
        "2013\n02/20\n09:04",
        "。",
    ]
    .concat();
    check(&point_between_joined_digits);
}

#[test]
fn pathological_inputs_finish() {
    let nested = "<div>".repeat(10_000) + "正文，深处的一句话。" + &"</div>".repeat(10_000);
    assert!(run(&nested).text.contains("深处的一句话"));
    let unclosed = "<p><span><b>".repeat(5_000) + "正文。";
    assert!(run(&unclosed).text.contains("正文。"));
    let one_line = "开发区召开工作会议，部署全年工作。".repeat(20_000);
    assert_eq!(run(&one_line).text.len(), one_line.len());
    let crumbs = "首页 > 新闻 > 正文\n".repeat(20_000);
    assert!(run(&crumbs).text.is_empty());
    let blank = "\n".repeat(100_000) + &"\u{3000}\u{a0}\r\n".repeat(10_000);
    assert!(run(&blank).text.is_empty());
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("。".to_string()),
        Just("，".to_string()),
        Just(" ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{3000}".to_string()),
        Just("\u{200b}".to_string()),
        Just("１５ ％".to_string()),
        Just("．".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<br>".to_string()),
        Just("&nbsp;".to_string()),
        Just("&#".to_string()),
        Just("<".to_string()),
        Just("记者 张三".to_string()),
        Just("责任编辑：李四".to_string()),
        Just("来源：某某日报".to_string()),
        Just("2023-05-06 18:30".to_string()),
        Just("2013\n02/20\n09:04".to_string()),
        Just("相关新闻".to_string()),
        Just("上一篇".to_string()),
        Just("首页 > 新闻".to_string()),
        Just("——副题".to_string()),
        Just("abc.jpg".to_string()),
        Just("开发区召开工作会议".to_string()),
        Just("全年地区生产总值增长6%左右".to_string()),
        "[\\PC]{0,8}",
        "[一-龥]{1,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn pieces_of_pages_keep_the_properties(parts in prop::collection::vec(piece(), 0..60)) {
        check(&parts.concat());
    }

    #[test]
    fn any_string_keeps_the_properties(s in "\\PC{0,300}") {
        check(&s);
    }
}

/// Government work reports carry no page chrome: nearly nothing may be dropped.
/// `cargo test --release --test clean -- --ignored --nocapture reports`
#[test]
#[ignore = "reads the 151 MB bench corpus; run by hand"]
fn reports_lose_nearly_nothing() {
    let dir = root().join("../shared/bench/gov-reports");
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                files.push(p);
            }
        }
    }
    files.sort();
    let limit: usize = std::env::var("REPORTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    let (mut bytes, mut kept, mut secs) = (0usize, 0usize, 0f64);
    let mut by_reason: std::collections::BTreeMap<String, (usize, Vec<String>)> =
        Default::default();
    for p in files.iter().take(limit) {
        let input = fs::read_to_string(p).unwrap_or_default();
        let t = std::time::Instant::now();
        let c = run(&input);
        secs += t.elapsed().as_secs_f64();
        bytes += squeeze(&input).len();
        kept += squeeze(&c.text).len();
        for d in &c.dropped {
            let e = by_reason.entry(reason_name(d.reason)).or_default();
            e.0 += d.text.len();
            if e.1.len() < 12 {
                e.1.push(format!(
                    "{}: {}",
                    p.display(),
                    d.text.chars().take(60).collect::<String>()
                ));
            }
        }
    }
    eprintln!(
        "{:.1} MB, {:.2} s, {:.1} MB/s, kept {:.3}%",
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        kept as f64 * 100.0 / bytes as f64
    );
    for (r, (n, samples)) in &by_reason {
        eprintln!("{r}: {n} bytes");
        for s in samples {
            eprintln!("    {s}");
        }
    }
}
