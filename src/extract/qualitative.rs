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
        (?:增长|增速|增幅)?[与和].+?(?:基本)?同步
      | (?:保持|实现)?(?:较快|稳步|持续|平稳|快速|稳定|明显|显著|进一步|大幅|逐步|正)?
        (?:增长|提高|提升|改善|下降|优化|降低)
        (?:与.+?(?:基本)?同步)?
      | 同步
      | 稳中(?:提质|有升|有进|向好|有增)
      | (?:保持|总体|基本)稳定
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
    if clause.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let Some(m) = PREDICATE.find(clause) else {
        return striven(clause);
    };
    let head = &clause[..m.start()];
    // 完成省下达的节能减排任务: the duty is the object.
    if m.as_str().starts_with("完成") || m.as_str().starts_with("控制在") {
        let body = m.as_str();
        let mut object = body
            .trim_start_matches("完成")
            .trim_start_matches("控制在")
            .trim_start_matches('了');
        // the duty words, whole (项目任务 keeps its 项目)
        loop {
            let before = object;
            for w in ["以内", "之内", "内", "任务", "目标", "指标"] {
                object = object.strip_suffix(w).unwrap_or(object);
            }
            if object == before {
                break;
            }
        }
        let object = object.rsplit('的').next().unwrap_or("").trim();
        let object = object.strip_suffix("各项").unwrap_or(object);
        let object = object.strip_suffix("年度").unwrap_or(object);
        let object = object.strip_prefix("年度").unwrap_or(object);
        // 全面完成和超额完成年度目标: a second verb, no duty named
        let object = if object.contains("完成") {
            ""
        } else {
            object
        };
        // 完成省下达“十五五”碳排放强度目标: who set it, then what it is
        let (object, set_by) = match object.split_once("下达") {
            Some((_, what)) => (what.strip_prefix("年度").unwrap_or(what), true),
            None => (object, false),
        };
        // 粮食综合生产能力确保完成…, 两项指标均完成…: the words before the duty
        // that belong to the verb
        let mut subject = head.trim();
        while let Some(w) = [
            "确保",
            "力争",
            "努力",
            "坚决",
            "全面",
            "均",
            "要",
            "将",
            "较好地",
            "较好",
            "圆满",
            "顺利",
            "基本上",
            "基本",
            "超额",
            "胜利",
            "如期",
        ]
        .iter()
        .find(|w| subject.ends_with(**w))
        {
            subject = subject.strip_suffix(*w).unwrap_or(subject);
        }
        // 完成省定目标, 完成国家下达的任务: who set the duty, not what it is
        let assigner = object.ends_with('定')
            || (set_by && ["", "年度", "控制", "年度控制", "我市", "我省"].contains(&object));
        // 控制在省定范围内: what is held in bounds is the subject
        let bounds = body.starts_with("控制在") && subject.chars().count() >= 2;
        let indicator = if !assigner && !bounds && object.chars().count() >= 2 {
            object
        } else {
            subject
        };
        // 完成上述目标, 完成这些任务: the duty is named elsewhere
        let pointer = [
            "上述", "以上", "这些", "这一", "此项", "全年", "既定", "各项",
        ]
        .iter()
        .any(|w| indicator.ends_with(w));
        // 我们一定能够完成…: who does it, not what
        let people = indicator.starts_with("我们")
            || indicator.starts_with("标志着")
            || !indicator.chars().any(super::subject::is_cjk);
        if indicator.chars().count() < 2 || pointer || people {
            return None;
        }
        let start = if head.trim().is_empty() { m.start() } else { 0 };
        return Some((indicator.to_string(), start, m.end()));
    }
    if let Some(goal) = striven(clause) {
        return Some(goal);
    }
    // Otherwise the indicator is written before the predicate, and it must be
    // a known one: 城乡居民收入较快增长, not 人民生活持续改善.
    let head = super::indicator::strip_tail(head.trim_end_matches(['的', ' ']));
    let (at, canonical) = matcher_form(head, matcher)?;
    Some((canonical.to_string(), at, m.end()))
}

/// The cues of a goal striven for.
pub const STRIVE_CUES: [&str; 3] = ["力争", "力促", "确保"];

/// A standing or a step striven for (力争, 力促, 确保) that no number
/// measures: `力争跨入国家级开发区第一方阵`, `力争继续保持全省十强产业集聚区的荣誉`,
/// `确保已拆迁项目安置房全部启动`. The cue must be followed by a word of
/// reaching a place or a state; `确保安全生产` or `力争取得新突破` in
/// general terms are not read. The indicator is what follows the cue, less the
/// adverbs of the striving (继续, 全部).
#[allow(
    clippy::string_slice,
    reason = "at is a find offset of a cue in clause, plus its length"
)]
pub fn striven(clause: &str) -> Option<(String, usize, usize)> {
    const REACH: [&str; 14] = [
        "跨入",
        "迈入",
        "进入",
        "跻身",
        "保持",
        "晋级",
        "晋升",
        "启动",
        "落地",
        "进位",
        "前列",
        "第一方阵",
        "建成投用",
        "获批",
    ];
    let (at, cue) = super::words::first_of(clause, &STRIVE_CUES)?;
    let goal = clause[at + cue.len()..].trim_end_matches(['，', '；', ',', '：', ':', '。']);
    if !REACH.iter().any(|w| goal.contains(w)) {
        return None;
    }
    let mut name = goal;
    for w in ["继续", "进一步", "全面", "尽快", "早日", "在"] {
        name = name.strip_prefix(w).unwrap_or(name);
    }
    let name = name.replace("全部", "").replace("有所", "");
    let n = name.chars().count();
    if !(4..=30).contains(&n) || !name.chars().all(super::subject::is_cjk) {
        return None;
    }
    Some((name, at, at + cue.len() + goal.len()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_without_a_number_name_their_indicator() {
        let matcher = super::super::indicator::builtin();
        for (clause, indicator) in [
            ("城乡居民收入较快增长", Some("城乡居民收入")),
            ("一般公共预算收入正增长", Some("一般公共预算收入")),
            (
                "居民人均可支配收入增速与经济增长基本同步",
                Some("居民人均可支配收入"),
            ),
            ("实际利用外资保持稳定增长", Some("实际利用外资")),
            ("实际利用外资稳中提质", Some("实际利用外资")),
            // the duty is the object; who set it is not
            ("完成省下达的节能减排任务", Some("节能减排")),
            (
                "节能减排、生态环保等约束性指标完成市定目标",
                Some("节能减排、生态环保等约束性指标"),
            ),
            ("努力完成经济社会发展各项目标", Some("经济社会发展")),
            (
                "完成省下达“十五五”碳排放强度序时进度目标",
                Some("“十五五”碳排放强度序时进度"),
            ),
            ("城乡居民收入和经济增长基本同步", Some("城乡居民收入")),
            (
                "在确保完成自治区下达我市重点民生项目任务",
                Some("我市重点民生项目"),
            ),
            ("节能减排控制在省上下达目标以内", Some("节能减排")),
            (
                "城镇登记失业率、居民消费价格涨幅控制在省定范围内",
                Some("城镇登记失业率、居民消费价格涨幅"),
            ),
            ("确保完成省下达环境空气质量年度目标", Some("环境空气质量")),
            ("全面完成国家下达的年度节能减排任务", Some("节能减排")),
            ("确保全面完成和超额完成年度目标", None),
            (
                "能耗及生态环境质量指标完成省下达年度目标",
                Some("能耗及生态环境质量指标"),
            ),
            ("确保完成目标", None),
            ("较好地完成了市十五届人大三次会议确定的各项目标", None),
            ("在完成上述目标", None),
            ("确保完成全年目标任务", None),
            ("人民生活持续改善", None),
            // a standing striven for
            (
                "力争跨入国家级开发区第一方阵",
                Some("跨入国家级开发区第一方阵"),
            ),
            ("确保已拆迁项目安置房全部启动", Some("已拆迁项目安置房启动")),
            ("确保安全生产", None),
            ("力争在基础研究领域取得重大突破", None),
            ("地区生产总值增长7%", None),
        ] {
            assert_eq!(
                find(clause, matcher).map(|(i, _, _)| i).as_deref(),
                indicator,
                "{clause}"
            );
        }
    }
}
