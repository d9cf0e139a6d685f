//! Where things sit on the page: the body is the run of prose lines; chrome gathers above and
//! below it; the title is the headline-shaped line just above the body that the page marks
//! (printed twice, an `<h1>`, a date line under it, a breadcrumb over it).

use rustc_hash::FxHashMap as HashMap;

use super::Why;
use super::chrome::Verdict;
use super::lines::{Line, Shape, markdown_headline};
use super::meta;

/// What the HTML `<head>` said.
#[derive(Debug, Clone, Default)]
pub(crate) struct HeadMeta {
    pub title: Option<String>,
    /// `<meta name|property|itemprop=… content=…>`, names lowercased.
    pub metas: Vec<(String, String)>,
}

impl HeadMeta {
    pub fn get(&self, names: &[&str]) -> Option<&str> {
        names.iter().find_map(|n| {
            self.metas
                .iter()
                .find(|(k, v)| k == n && !v.trim().is_empty())
                .map(|(_, v)| v.trim())
        })
    }

    /// `<title>` split at `_ | -`: the headline part and the site part.
    pub fn title_parts(&self) -> (Option<String>, Option<String>) {
        let Some(t) = self.title.as_deref() else {
            return (None, None);
        };
        let parts: Vec<&str> = t
            .split(['_', '|', '｜'])
            .flat_map(|p| p.split(" - "))
            .flat_map(|p| p.split(" – "))
            .flat_map(|p| p.split("--"))
            .flat_map(|p| p.split("——"))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let head = parts
            .iter()
            .find(|p| p.chars().count() >= 4)
            .map(|s| s.to_string());
        let site = if parts.len() > 1 {
            parts.last().map(|s| s.to_string())
        } else {
            None
        };
        (head, site)
    }
}

/// The decision for every line.
pub(crate) struct Layout {
    /// `None`: kept in the text.
    pub drop: Vec<Option<Why>>,
    pub title: Option<usize>,
    pub spread_date: Option<(usize, meta::Stamp)>,
}

/// The longest headline, in characters without spaces.
const TITLE_MAX: usize = 80;

/// Shaped like a headline; a kicker is also not a four-character menu word.
fn headline_shaped(s: &Shape) -> bool {
    (6..=40).contains(&s.len)
        && !s.ends_sentence
        && s.han >= 2
        && !s.marker
        && !meta::is_site_name(&s.compact)
}

/// Whether a line can only go on with a sentence the line before began: it opens with a
/// number that is no date (`658.3亿元，…`, `35%`) or with a mark that follows words.
fn goes_on(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with(['，', '。', '、', '；', '%', '％', '）']) {
        return true;
    }
    let digit = |c: char| c.is_ascii_digit();
    let int = t.trim_start_matches(digit);
    if int.len() == t.len() {
        return false;
    }
    // 658.3亿元 goes on; 1.社会消费品… and 2023年 start something
    let after = match int.strip_prefix('.') {
        Some(f) if f.starts_with(digit) => f.trim_start_matches(digit),
        _ => int,
    };
    !after.trim_start().starts_with([
        '年', '月', '日', '时', '点', '、', '.', '．', '）', ')', '，',
    ])
}

#[allow(
    clippy::indexing_slicing,
    reason = "every index is a line number below n = lines.len(), and verdict, shapes and drop have one entry per line; spread_date uses at most the lines of the window it is given"
)]
pub(crate) fn decide(lines: &[Line], head: &HeadMeta) -> Layout {
    use Why::*;
    let n = lines.len();
    let shapes: Vec<&Shape> = lines.iter().map(|l| &l.shape).collect();
    // Lines the user took back are decided like any other and only un-dropped
    // at the end, so keeping a line never changes what else is the title.
    let mut verdict: Vec<Option<Verdict>> = lines.iter().map(Line::verdict).collect();
    let weak = |r| {
        Some(Verdict {
            reason: r,
            strong: false,
        })
    };
    let strong = |r| {
        Some(Verdict {
            reason: r,
            strong: true,
        })
    };

    // a date spread over two or three lines
    let mut spread_date = None;
    let mut i = 0;
    while i < n {
        let bare = verdict[i].is_none_or(|v| !v.strong);
        if bare && shapes[i].han <= 2 {
            let window: Vec<&str> = lines[i..n.min(i + 3)].iter().map(Line::text).collect();
            if let Some((stamp, used)) = meta::spread_date(&window) {
                for v in &mut verdict[i..i + used] {
                    *v = strong(Date);
                }
                spread_date.get_or_insert((i, stamp));
                i += used;
                continue;
            }
        }
        i += 1;
    }

    // an e-paper page name (第N02版:中国共产党…) printed again as a line of its own
    if let Some(name) = lines
        .iter()
        .take(12)
        .find_map(|l| meta::epaper_page(l.text()))
        && name.chars().count() >= 4
    {
        for (v, s) in verdict.iter_mut().zip(&shapes) {
            if v.is_none() && s.compact.starts_with(&name) {
                *v = strong(Epaper);
            }
        }
    }

    // dated short lines outside a sentence: account lines, datelines, list entries
    for k in 0..n {
        if verdict[k].is_none()
            && !lines[k].hint.headline
            && meta::is_dated_line(lines[k].text(), shapes[k].len, shapes[k].clause)
        {
            verdict[k] = weak(Meta);
        }
    }

    // a related-news heading takes the list of titles under it
    let mut k = 0;
    while k < n {
        if verdict[k].is_some_and(|v| v.reason == Related) {
            let mut j = k + 1;
            while j < n {
                let s = &shapes[j];
                let listy =
                    verdict[j].is_none_or(|v| matches!(v.reason, Meta | Navigation | Related));
                if !listy || s.ends_sentence || s.len > 80 {
                    break;
                }
                verdict[j] = strong(Related);
                j += 1;
            }
            k = j;
        } else {
            k += 1;
        }
    }

    // how often each line occurs: a title is often printed twice
    // room for every line, so the table is not rebuilt as it fills
    let mut count: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(n, Default::default());
    for s in shapes.iter().copied().filter(|s| s.len <= TITLE_MAX) {
        *count.entry(s.compact.as_str()).or_default() += 1;
    }
    // a longer line is not counted, and hashing a paragraph to find so was a good part of
    // deciding (equal texts have equal lengths)
    let times = |s: &Shape| {
        if s.len <= TITLE_MAX {
            count.get(s.compact.as_str()).copied().unwrap_or(0)
        } else {
            0
        }
    };

    // the body: from the first to the last line of prose
    let mut core: Vec<bool> = (0..n)
        .map(|k| {
            verdict[k].is_none()
                && lines[k].hint.heading == 0
                && times(shapes[k]) < 2
                && shapes[k].is_prose()
        })
        .collect();
    // a sentence the copy broke over lines (…实现地区生产总值 / 658.3亿元，…0.4个 / 百分点。)
    // is prose as a whole when no piece of it is, or the next piece can only go on with it
    // (a headline without a stop before a paragraph is a headline)
    let plain = |j: usize| verdict[j].is_none() && lines[j].hint.heading == 0;
    let mut k = 0;
    while k < n {
        if !core[k]
            && plain(k)
            // a comma: the line is inside a sentence (a dateline without one, ——1975年1月
            // 13日在…会议上, is not)
            && shapes[k].clause >= 1
            && let Some((used, shape)) = super::join::continued(&lines[k..])
            && (k + 1..=k + used)
                .all(|j| plain(j) && (!core[j] || (j == k + 1 && goes_on(lines[j].text()))))
            && shape.is_prose()
        {
            core[k..=k + used].fill(true);
            k += used + 1;
            continue;
        }
        k += 1;
    }
    let first = core.iter().position(|c| *c);
    let last = core.iter().rposition(|c| *c);

    // the title
    let (head_title, _) = head.title_parts();
    let head_title = head
        .get(&["articletitle", "og:title"])
        .map(str::to_string)
        .or(head_title);
    let head_title_c: Option<String> =
        head_title.map(|t| t.chars().filter(|c| !c.is_whitespace()).collect());
    let limit = first.unwrap_or(n.min(12));
    let mut best: Option<(i32, usize)> = None;
    let candidates: Vec<usize> = (0..limit)
        .filter(|&k| {
            let s = &shapes[k];
            verdict[k].is_none()
                && !lines[k].keep
                && (5..=TITLE_MAX).contains(&s.len)
                && s.han >= 3
                // a bold line is a Markdown headline, not a bullet
                && (!s.marker || markdown_headline(lines[k].text()).is_some())
                && !lines[k].text().starts_with([
                    '—', '-', '－', '。', '，', '、', '；', '：', '？', '！', ',', '.', ';', ':',
                    '?', '!', '）', ')', '】', '」', '』', '》', '”',
                ])
                && !(s.ends_sentence && s.compact.ends_with('。'))
                // "各位代表：" leads into a speech; it heads nothing
                && !s.compact.ends_with(['：', ':'])
                && !meta::is_site_name(&s.compact)
        })
        .collect();
    let last_candidate = candidates.last().copied();
    for &k in &candidates {
        let s = &shapes[k];
        let mut score = 0;
        if times(s) >= 2 {
            score += 10;
        }
        score += match lines[k].hint.heading {
            1 => 8,
            2 => 4,
            0 => 0,
            _ => 2,
        };
        if head_title_c.as_deref() == Some(s.compact.as_str()) {
            score += 8;
        }
        let is_meta = |j: usize| {
            verdict
                .get(j)
                .is_some_and(|v| v.is_some_and(|v| matches!(v.reason, Meta | Date)))
        };
        if is_meta(k + 1) {
            score += 4;
        } else if is_meta(k + 2) {
            score += 3;
        }
        if k > 0
            && verdict[k - 1].is_some_and(|v| {
                matches!(
                    v.reason,
                    Breadcrumb | Navigation | Share | Toolbar | Meta | Date
                )
            })
        {
            score += 2;
        }
        if Some(k) == last_candidate {
            score += 1;
        }
        if best.is_none_or(|(b, _)| score >= b) {
            best = Some((score, k));
        }
    }
    // Text with no chrome above its body (a bare article, or text this function already
    // cleaned) starts with its title, unless a short kicker stands over a clearly longer
    // headline that leads straight into the body. Choosing the first line here is what makes
    // cleaning cleaned text change nothing.
    // (A date line between the headline and the body is chrome too: 区政府办公室 /
    // headline / 发布日期：… / body is a page, and its headline is the one over the date.)
    let upto = last_candidate.map_or(0, |c| c + 1).max(first.unwrap_or(0));
    let bare = (0..upto).all(|k| verdict[k].is_none())
        && lines[..upto].iter().all(|l| l.hint.heading == 0);
    if bare {
        best = candidates.first().map(|&c0| {
            let k = match candidates.get(1) {
                Some(&c1)
                    if candidates.len() == 2
                        && first == Some(c1 + 1)
                        && shapes[c1].len * 10 >= shapes[c0].len * 13 =>
                {
                    c1
                }
                _ => c0,
            };
            (0, k)
        });
    }
    if let Some(k) = (0..n).find(|&k| lines[k].hint.headline) {
        best = Some((0, k));
    }
    // a repeated title: the copy nearest the body is the one that stays
    let title = best.map(|(_, k)| {
        let c = shapes[k].compact.as_str();
        (k..limit)
            .rev()
            .find(|&j| shapes[j].compact == c)
            .unwrap_or(k)
    });

    let mut drop: Vec<Option<Why>> = vec![None; n];
    let title_c = title.map(|t| shapes[t].compact.clone());
    let is_title_copy = |k: usize| title_c.as_deref().is_some_and(|t| shapes[k].compact == t);

    let body_start = first.unwrap_or_else(|| title.map_or(0, |t| t + 1));
    let body_end = last.unwrap_or(n.saturating_sub(1));

    // above the title everything goes; headline lines just above a copy of it are kickers
    if let Some(t) = title {
        for k in 0..t {
            drop[k] = Some(match verdict[k] {
                Some(v) => v.reason,
                None if is_title_copy(k) => RepeatedTitle,
                None => Navigation,
            });
        }
        for anchor in (0..=t).filter(|&k| is_title_copy(k)) {
            let mut j = anchor;
            let mut taken = 0;
            while j > 0 && taken < 3 {
                j -= 1;
                if verdict[j].is_some() || is_title_copy(j) || !headline_shaped(shapes[j]) {
                    break;
                }
                drop[j] = Some(Kicker);
                taken += 1;
            }
        }
    }

    let from = title.map_or(0, |t| t + 1);
    let mut tail_open = true;
    let mut after_image = false;
    for k in from..n {
        let v = verdict[k];
        let s = &shapes[k];
        drop[k] = if k < body_start {
            // between the title and the body: meta lines, a subtitle, or headings of the body
            match v {
                Some(v) => Some(v.reason),
                None if is_title_copy(k) => Some(RepeatedTitle),
                None if lines[k].text().starts_with(['—', '-'])
                    && s.len <= 60
                    && !s.ends_sentence =>
                {
                    Some(Subtitle)
                }
                None if Some(k) == title.map(|t| t + 1)
                    && headline_shaped(s)
                    && verdict
                        .get(k + 1)
                        .is_some_and(|v| v.is_some_and(|v| matches!(v.reason, Meta | Date))) =>
                {
                    Some(Subtitle)
                }
                None => None,
            }
        } else if k <= body_end {
            match v {
                // without any prose there is no body to protect from weak verdicts
                Some(v) if v.strong || first.is_none() => Some(v.reason),
                _ if is_title_copy(k) => Some(RepeatedTitle),
                _ if after_image && s.len <= 30 && !s.ends_sentence => Some(Caption),
                _ => None,
            }
        } else {
            match v {
                Some(v) => {
                    tail_open = false;
                    Some(v.reason)
                }
                None if tail_open && !is_title_copy(k) => None,
                None => Some(
                    if title_c.as_deref().is_some_and(|t| s.compact.contains(t)) {
                        RepeatedTitle
                    } else {
                        Other
                    },
                ),
            }
        };
        after_image = drop[k] == Some(Image);
    }

    for (d, l) in drop.iter_mut().zip(lines) {
        if l.keep {
            *d = None;
        }
    }
    Layout {
        drop,
        title,
        spread_date,
    }
}
