use super::*;

fn run(input: &str) -> Cleaned {
    clean(input, &CleanOptions::default())
}

#[test]
fn drops_chrome_and_reads_meta() {
    let input = "您当前所在位置:某某网>社会> 正文\n\n分 享 至 手 机\n\n开发区科学规划谋新篇\n\n时间:2017-02-15 10:20:01|来源:某某网|点击量:59767\n\n人勤春来早。正月十五刚过,2月13日,开发区召开2017年工作会议,区、乡(办)、村、组四级干部全部参加。\n\n• 责任编辑 / 建伟\n";
    let c = run(input);
    assert_eq!(c.meta.title.as_deref(), Some("开发区科学规划谋新篇"));
    assert_eq!(c.meta.date.as_deref(), Some("2017-02-15T10:20:01"));
    assert_eq!(c.meta.source.as_deref(), Some("某某网"));
    assert_eq!(c.meta.clicks, Some(59767));
    assert_eq!(c.meta.column.as_deref(), Some("社会"));
    assert!(
        c.text.starts_with("开发区科学规划谋新篇\n人勤春来早。"),
        "{}",
        c.text
    );
    assert!(!c.text.contains("责任编辑"));
    let reasons: Vec<DropReason> = c.dropped.iter().map(|d| d.reason).collect();
    assert_eq!(
        reasons,
        [
            DropReason::Breadcrumb,
            DropReason::Share,
            DropReason::MetaLine,
            DropReason::EditorCredit
        ]
    );
    assert_eq!(c.dropped[2].line, 7);
}

/// The breadcrumb's label in its many wordings, not only the listed ones.
#[test]
fn breadcrumb_labels() {
    for label in [
        "您当前的位置：",
        "你现在的位置：",
        "您所在的位置:",
        "当前的位置：",
        "当前位置：",
        "位置：",
    ] {
        let input = format!(
            "{label}首页 > 要闻动态 > 乡镇动态\n春耕备耕正当时\n眼下正值春耕备耕关键时期，全镇抢抓农时，全力做好春耕生产各项工作。\n"
        );
        let c = run(&input);
        assert_eq!(c.meta.title.as_deref(), Some("春耕备耕正当时"), "{label}");
        assert_eq!(c.meta.column.as_deref(), Some("乡镇动态"), "{label}");
        assert_eq!(c.dropped[0].reason, DropReason::Breadcrumb, "{label}");
    }
}

#[test]
fn dropped_text_is_the_line_as_pasted() {
    let input = "首页 > 新闻\n标题在这里啊\n\u{a0}分享到：\u{a0}\n正文第一句话写得足够长，用来说明正文的样子。\n";
    let c = run(input);
    for d in &c.dropped {
        assert_eq!(&input[d.span.0..d.span.1], d.text);
    }
}

#[test]
fn normalizes_full_width_and_maps_back() {
    let input = "全年增长１５％，达到目标。这是一个足够长的句子，用来说明正文的样子和标点。";
    let c = run(input);
    assert!(c.text.starts_with("全年增长15%"), "{}", c.text);
    let span = c.alignment.to_source(Span(12, 14)).unwrap();
    assert_eq!(&input[span.0..span.1], "１５");
}

#[test]
fn alignment_runs_are_verbatim_or_single() {
    let input = "标题一行\n正文，Ａ１\u{a0}２。\r\n第二段也写得长一些，足以成为正文。";
    let c = run(input);
    for r in &c.alignment.runs {
        let t = &c.text[r.text.0..r.text.1];
        let s = &input[r.source.0..r.source.1];
        assert!(t == s || t.chars().count() == 1, "{t:?} from {s:?}");
    }
}

#[test]
fn text_kept_as_pasted_is_one_run() {
    // however normalization cuts the line into pieces, a stretch it leaves alone aligns as one
    let input = "他在会上强调：“要抓落实——一件接着一件干……”这是正文里完整的一句话。";
    let c = run(input);
    assert_eq!(c.text, input);
    assert_eq!(c.alignment.runs.len(), 1, "{:?}", c.alignment.runs);
}

#[test]
fn html_blocks_become_lines() {
    let input = "<div><script>alert(1)</script><p>第一段文字，内容足够长足够长足够长足够长足够长足够长足够长。</p><p>第二段&nbsp;文字。</p></div>";
    let c = run(input);
    assert_eq!(c.format, Format::Html);
    assert!(!c.text.contains("alert"));
    assert!(c.text.contains("第一段文字"));
    assert!(c.text.contains("第二段 文字。"));
}

#[test]
fn a_line_taken_back_stays() {
    let input =
        "首页 > 新闻\n标题在这里啊\n正文第一句话写得足够长，用来说明正文的样子。\n责任编辑：李娟\n";
    let c = clean(
        input,
        &CleanOptions {
            keep_lines: vec![4],
        },
    );
    assert!(c.text.ends_with("责任编辑：李娟"), "{}", c.text);
    assert!(c.dropped.iter().all(|d| d.line != 4));
}

/// Regression: taking back a subtitle made it the title, and the real title
/// vanished from the text.
#[test]
fn a_line_taken_back_does_not_change_the_title() {
    let input = include_str!("../../www/samples/000_cfc0e70df7390dc8.txt");
    let plain = run(input);
    let subtitle = plain
        .dropped
        .iter()
        .find(|d| d.reason == DropReason::Subtitle)
        .expect("the sample has a subtitle line");
    let kept = clean(
        input,
        &CleanOptions {
            keep_lines: vec![subtitle.line],
        },
    );
    assert_eq!(kept.meta.title, plain.meta.title);
    assert!(
        kept.text.contains("开发区科学规划谋新篇\n"),
        "{}",
        kept.text
    );
    assert!(kept.text.contains("统揽全局"), "{}", kept.text);
}

#[test]
fn no_chrome_comes_out_unchanged() {
    let input = "西安市一季度地区生产总值增长5.1%\n一季度，全市实现地区生产总值2665.19亿元，同比增长5.1%。\n工业生产稳中有升。全市规模以上工业增加值同比增长8.9%。";
    let c = run(input);
    assert_eq!(c.text, input);
    assert!(c.dropped.is_empty());
    assert_eq!(
        c.meta.title.as_deref(),
        Some("西安市一季度地区生产总值增长5.1%")
    );
}

#[test]
fn a_speech_is_dated_by_its_dateline() {
    // pasted without a page around it: the only date is the one the speech gives itself
    let input = "政府工作报告\n——二〇二三年一月十五日在北京市第十六届人民代表大会第一次会议上\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n2022年，全市地区生产总值增长0.7%。";
    let c = run(input);
    assert_eq!(c.meta.date.as_deref(), Some("2023-01-15"));
    // a page's own date comes first
    let dated = run(&format!("发布时间：2023-01-20\n{input}"));
    assert_eq!(dated.meta.date.as_deref(), Some("2023-01-20"));
}

#[test]
fn a_comment_in_a_text_file_is_not_the_article() {
    let input = "<!-- 新华社北京2009年3月14日电 -->\n\n**政府工作报告**\n——2009年3月5日在第十一届全国人民代表大会第二次会议上\n\n各位代表：\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n<!-- 图片 -->\n2008年是极不平凡的一年。";
    let c = run(input);
    assert!(!c.text.contains("<!--"), "{}", c.text);
    assert!(
        c.text.contains("各位代表：\n现在"),
        "lines kept apart: {}",
        c.text
    );
    assert_eq!(c.meta.date.as_deref(), Some("2009-03-05"));
}

#[test]
fn a_markdown_headline_is_the_title_not_the_speaker_under_it() {
    let input = "**政府工作报告**\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n国务院总理　李强\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作，请予审议。";
    let c = run(input);
    assert_eq!(c.meta.title.as_deref(), Some("政府工作报告"));
    let c = run(
        "# 2024年政府工作报告\n\n国务院总理　李强\n\n过去一年，经济回升向好，国内生产总值增长5.2%。",
    );
    assert_eq!(c.meta.title.as_deref(), Some("2024年政府工作报告"));
    // a hashtag is not a heading
    assert_eq!(super::lines::markdown_headline("#厦门经济"), None);
    assert_eq!(super::lines::markdown_headline("**加粗**和正文"), None);
}

#[test]
fn cleaning_cleaned_text_changes_nothing() {
    let input = "首页 > 新闻中心\n标题在这里啊\n发布时间：2023-01-02\n产业提档升级\n积蓄强劲动能\n聚焦产业基础高级化、产业链现代化，超前运作，坚定转型\n\n。全区地区生产总值从329亿元增长到674亿元。\n相关新闻\n别的新闻标题一\n";
    let once = run(input);
    let twice = clean_as(&once.text, Format::Text, &CleanOptions::default());
    assert_eq!(twice.text, once.text);
    assert!(twice.dropped.is_empty(), "{:?}", twice.dropped);
}

#[test]
fn empty_and_blank_inputs() {
    for input in ["", "\n\n", " \u{3000}\u{a0}\r\n", "\u{feff}"] {
        let c = run(input);
        assert_eq!(c.text, "");
        assert!(c.dropped.is_empty());
        assert!(c.alignment.runs.is_empty());
    }
}
