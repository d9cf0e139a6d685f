//! Status: a plan (`target`) or a result (`actual`). Read from cue words in
//! the clause and the sentence, the paragraph so far, the section heading,
//! the tense of the period, and at last the text as a whole. Each weighs in;
//! the sign of the sum decides.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::words::{WordList, find, prefix_in, suffix_in, words};
use crate::analysis::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    TargetStrong,
    TargetWeak,
    ActualStrong,
    ActualWeak,
    /// 预计: a plan about the future, an estimate of a past result.
    Estimate,
}

/// A cue word in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub kind: CueKind,
}

impl Cue {
    /// The weight towards `target` (positive) or `actual` (negative).
    pub fn weight(&self, strong: f32, weak: f32, estimate_past: bool) -> f32 {
        match self.kind {
            CueKind::TargetStrong => strong,
            CueKind::TargetWeak => weak,
            CueKind::ActualStrong => -strong,
            CueKind::ActualWeak => -weak,
            CueKind::Estimate if estimate_past => -strong,
            CueKind::Estimate => strong,
        }
    }
}

struct CueTable {
    words: WordList,
    kinds: HashMap<&'static str, CueKind>,
}

static CUES: LazyLock<CueTable> = LazyLock::new(|| {
    let w = words();
    let mut kinds = HashMap::default();
    let mut all: Vec<&'static str> = Vec::new();
    for (list, kind) in [
        (&w.target_strong, CueKind::TargetStrong),
        (&w.actual_strong, CueKind::ActualStrong),
        (&w.target_weak, CueKind::TargetWeak),
        (&w.actual_weak, CueKind::ActualWeak),
    ] {
        for word in list.iter() {
            kinds.entry(word).or_insert(kind);
            all.push(word);
        }
    }
    kinds.insert("预计", CueKind::Estimate);
    CueTable {
        words: WordList::of(all),
        kinds,
    }
});

/// Every cue word in `s`, leaving out the ones that are parts of other
/// words (主要, 需要, 将近) and nouns of a share (占年度投资计划的89.4%: 计划
/// is the plan, not a plan cue), pushed onto `out` with their offsets in `s`
/// moved by `offset`: the cues of every paragraph go into one vector,
/// without one of their own.
#[allow(clippy::string_slice, reason = "start and end bound a word found in s")]
pub fn cues_into(s: &str, offset: usize, out: &mut Vec<Cue>) {
    let table = &*CUES;
    for (start, word) in table.words.occurrences(s) {
        let end = start + word.len();
        let Some(&kind) = table.kinds.get(word) else {
            continue;
        };
        let before = s[..start].chars().next_back();
        let after = &s[end..];
        let part_of_word = match word {
            "要" => {
                before.is_some_and(|c| {
                    [
                        '主', '重', '需', '只', '必', '首', '紧', '纪', '摘', '概', '提', '简',
                    ]
                    .contains(&c)
                }) || ["求", "素", "点", "害", "闻", "件", "务", "案"]
                    .iter()
                    .any(|w| after.starts_with(w))
            }
            "将" => after.starts_with('近') || before == Some('即'),
            "共" => {
                ["同", "享", "建", "治", "产党", "青团", "识", "赢"]
                    .iter()
                    .any(|w| after.starts_with(w))
                    || before.is_some_and(|c| ['公', '总'].contains(&c))
            }
            // 计划总投资277亿元的莆炎高速: the project's planned cost, a
            // fact about it, not a plan of the text's. 营养改善计划惠及26万学生,
            // 三年行动计划累计开工, “十二五”规划27项指标: the name of a
            // programme or a plan document; 计划生育, 有计划地: no plan.
            "计划" | "规划" => {
                ["单列", "总投资", "生育"]
                    .iter()
                    .any(|w| after.starts_with(w))
                    || matches!(before, Some('”' | '有'))
                    || suffix_in(&s[..start], &words().plan_names).is_some()
            }
            // 今年以来共争取上级资金12.5亿元, 争取到中央新增投资43.55亿元:
            // funds or projects won, a result; 争取 of a goal is followed by
            // a verb or a figure
            // (全力争取到…: 力争 inside 全力争取, of funds won as above)
            "力争" => after.starts_with("取到"),
            // 实现有需求的村100%覆盖, 发现有…: 现 closes the word before
            "现有" => {
                before.is_some_and(|c| ['实', '发', '体', '出', '展', '表', '呈'].contains(&c))
            }
            "争取" => prefix_in(after, &words().funds_won).is_some() || names_funds(after),
            _ => false,
        };
        if part_of_word {
            continue;
        }
        // 计划的, 目标的: the noun a share is taken of; 编制三年行动计划，: a
        // plan word ending its clause is a noun, not a verb of planning.
        if matches!(kind, CueKind::TargetStrong | CueKind::TargetWeak)
            && (after.starts_with('的')
                || after.is_empty()
                || after.starts_with(['，', '。', '；', ',', '、', '”', '》']))
        {
            continue;
        }
        out.push(Cue {
            start: start + offset,
            end: end + offset,
            kind,
        });
    }
}

/// 完成年度计划112%, 超过年度计划12.8个百分点, 占年度计划的89.4%: a plan
/// right before a figure, after a verb of doing or exceeding a few words
/// back, is what the figure measures the work against (预期目标8%左右 in a
/// plan has no such verb).
fn share_of_plan(head: &str, after: &str) -> bool {
    let after = after.strip_prefix('的').unwrap_or(after);
    let from = head.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
    let near = head.get(from..).unwrap_or("");
    after.starts_with(|c: char| c.is_ascii_digit())
        && ["完成", "超过", "超出", "高出", "占"]
            .iter()
            .any(|w| near.contains(w))
}

/// 争取闽宁协作资金1亿元, 争取基础设施投资基金额度91.4亿元: what 争取 is
/// followed by, within its clause, is a sum of funds right before its
/// figure: funds won, whoever gave them. (争取新建项目10个 strives.)
fn names_funds(after: &str) -> bool {
    const FUNDS: &[&str] = &["资金", "基金", "额度", "债券", "补助", "贷款", "资助"];
    after
        .char_indices()
        .take(20)
        .find(|&(_, c)| c.is_ascii_digit() || matches!(c, '，' | '。' | '；' | '、' | ','))
        .filter(|&(_, c)| c.is_ascii_digit())
        .and_then(|(i, _)| after.get(..i))
        .is_some_and(|words| FUNDS.iter().any(|f| words.ends_with(f)))
}

/// A plan word that names what a figure is compared with (比预期目标,
/// 超计划, 高于目标), not a plan; `text` is the one `cue` was read from.
pub fn compared(text: &str, cue: &Cue) -> bool {
    let Some(head) = text.get(..cue.start) else {
        return false;
    };
    match cue.kind {
        CueKind::TargetStrong | CueKind::TargetWeak => {
            [
                "比", "较", "超", "超出", "高出", "高于", "低于", "快于", "慢于", "多于", "少于",
                "超过",
            ]
            .iter()
            .any(|w| head.ends_with(w))
                || share_of_plan(head, text.get(cue.end..).unwrap_or(""))
        }
        // 由目前的34%提高到42%: the start of a change, not the time of its end
        _ => head.ends_with(['从', '由']),
    }
}

/// The strongest, then latest, cue of a list: what a paragraph carries into
/// its next sentences.
pub fn carried(cues: &[Cue]) -> Option<Cue> {
    let strong = cues
        .iter()
        .rev()
        .find(|c| matches!(c.kind, CueKind::TargetStrong | CueKind::ActualStrong));
    strong
        .or_else(|| cues.iter().rev().find(|c| c.kind != CueKind::Estimate))
        .copied()
}

/// The status a heading gives the section under it.
pub fn of_heading(heading: &str) -> Option<Status> {
    const ACTUAL: &[&str] = &[
        "回顾",
        "成就",
        "成绩",
        "过去",
        "总结",
        // 一年来, 五年来, 近年来
        "年来",
        "成效",
        "完成情况",
        "执行情况",
    ];
    const TARGET: &[&str] = &[
        "目标",
        "任务",
        "安排",
        "打算",
        "计划",
        "重点工作",
        "部署",
        "展望",
        "建议",
        "主要工作",
    ];
    // “九五”计划回顾, 确定任务的完成情况: a plan word followed by a word of
    // review names what is reviewed.
    let reviewed = |w: &str| {
        heading.match_indices(w).all(|(at, _)| {
            // 全面完成全年主要目标任务: the plan done, said of a year past
            let head = heading.get(..at).unwrap_or("");
            let from = head.char_indices().rev().nth(9).map_or(0, |(i, _)| i);
            let before = head.get(from..).unwrap_or("");
            let striven = ["确保", "努力", "力争", "争取"]
                .iter()
                .any(|c| before.contains(c));
            if before.contains("完成") && !striven {
                return true;
            }
            // 坚持把稳增长作为首要任务: a principle the work followed, said
            // in reviews and plans alike; the section above decides.
            if before.contains("作为") {
                return true;
            }
            // 我们锚定目标团结奋进: the aim the work held to, a slogan of
            // reviews and plans alike (围绕上述目标，今年将… leads plans in)
            if ["锚定", "瞄准", "对标", "紧盯", "奔着"]
                .iter()
                .any(|v| before.contains(v))
            {
                return true;
            }
            let mut after = heading.get(at + w.len()..).unwrap_or("");
            while let Some(rest) = TARGET
                .iter()
                .chain(&["的"])
                .find_map(|t| after.strip_prefix(t))
            {
                after = rest;
            }
            // 目标任务全面完成, “六稳”目标基本实现: an adverb may stand
            // before the verb (确保全年目标实现 is still a plan)
            let near: String = after.chars().take(4).collect();
            ACTUAL
                .iter()
                .chain(&["执行", "完成"])
                .any(|a| near.contains(a))
                || (near.contains("实现") && !striven)
        })
    };
    // Where the first word of each kind stands; 主要成就和2020年工作回顾 vs
    // 目标任务: with both, the first word decides.
    // Found by plain scans (`str::find` sets up a searcher for every word
    // of every heading), and a word asked whether it is reviewed only where
    // it is written: a word written nowhere is all reviewed, and dropped
    // either way.
    let actual = ACTUAL.iter().filter_map(|w| find(heading, w)).min();
    let target = TARGET
        .iter()
        .filter_map(|w| find(heading, w).filter(|_| !reviewed(w)))
        .min();
    match (actual, target) {
        (Some(a), Some(t)) if a < t => Some(Status::Actual),
        (Some(_), None) => Some(Status::Actual),
        (_, Some(_)) => Some(Status::Target),
        (None, None) => None,
    }
}

/// The leaning of the whole text: its title, then the balance of its strong
/// cue words. Used only when nothing nearer says.
pub fn of_document(title: &str, cues: &[Cue]) -> Status {
    const TITLE_ACTUAL: &[&str] = &["回顾", "五年", "成就", "成绩", "收获", "成效", "综述"];
    const TITLE_TARGET: &[&str] = &["目标", "计划", "部署", "打算", "展望", "力争", "规划"];
    let mut score = 0.0f32;
    if TITLE_ACTUAL.iter().any(|w| title.contains(w)) {
        score -= 3.0;
    }
    if TITLE_TARGET.iter().any(|w| title.contains(w)) {
        score += 3.0;
    }
    for c in cues {
        score += match c.kind {
            CueKind::TargetStrong => 0.3,
            CueKind::ActualStrong => -0.3,
            CueKind::TargetWeak => 0.1,
            CueKind::ActualWeak => -0.1,
            CueKind::Estimate => 0.0,
        };
    }
    // A text with no leaning states plans: figures of the past carry 已,
    // 完成, 累计 or a past year.
    if score >= 0.0 {
        Status::Target
    } else {
        Status::Actual
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(s: &str) -> Vec<Cue> {
        let mut out = Vec::new();
        cues_into(s, 0, &mut out);
        out
    }

    #[test]
    fn words_inside_other_words_are_not_cues() {
        assert!(cues("主要经济指标").is_empty());
        assert!(cues("占年度投资计划的89.4%").is_empty());
        assert_eq!(cues("力争增长9%")[0].kind, CueKind::TargetStrong);
    }

    #[test]
    fn headings() {
        assert_eq!(of_heading("一、2022年工作回顾"), Some(Status::Actual));
        assert_eq!(of_heading("二、2023年工作安排"), Some(Status::Target));
        assert_eq!(
            of_heading("2017年 经济社会发展 预期目标"),
            Some(Status::Target)
        );
        assert_eq!(of_heading("产业提档升级"), None);
        assert_eq!(
            of_heading("一、2000年工作和“九五”计划回顾"),
            Some(Status::Actual)
        );
        assert_eq!(
            of_heading("一、五次会议确定任务的完成情况和五年工作回顾"),
            Some(Status::Actual)
        );
        assert_eq!(
            of_heading("（八）节能减排目标任务全面完成，生态环保建设实现新飞跃。"),
            None
        );
        assert_eq!(
            of_heading("一是经济运行持续回升向好，全面完成全年主要目标任务。"),
            None
        );
        assert_eq!(of_heading("二是确保完成全年目标任务"), Some(Status::Target));
        assert_eq!(of_heading("2016年目标任务完成情况"), Some(Status::Actual));
        assert_eq!(of_heading("（一）“六稳”目标基本实现"), None);
        assert_eq!(of_heading("一年来的主要工作是："), Some(Status::Actual));
        assert_eq!(of_heading("（一）确保全年目标实现"), Some(Status::Target));
        assert_eq!(
            of_heading("（一）坚持把保持经济平稳较快发展作为首要任务"),
            None
        );
    }
}
