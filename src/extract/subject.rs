//! Subjects: who a figure is about when the text names it (开发区,
//! 二七区, 曹妃甸区), read from a place name before the indicator words.

use std::sync::LazyLock;

use super::words::{CharSet, WordList, prefix_in, suffix_in, words};

/// The place a phrase starts with (`开发区`, `二七区`, `曹妃甸区`), if any.
#[allow(
    clippy::string_slice,
    reason = "end is a char_indices offset of phrase or its length"
)]
pub fn place_prefix(phrase: &str) -> Option<&str> {
    let w = words();
    if phrase.starts_with("全国") {
        return phrase.get(..6);
    }
    if phrase.starts_with([
        '各', '全', '本', '我', '每', '该', '外', '其', '对', '在', '从',
    ]) {
        return None;
    }
    // (呼和浩特市, 和平区: a name that holds a joiner is read past it)
    let joined = prefix_in(phrase, &w.joined_names).map_or(0, str::len);
    if joined == 0
        && phrase
            .chars()
            .next()
            .is_some_and(|c| NOT_START_FIRST.contains(c as u32))
        && NOT_START.iter().any(|v| phrase.starts_with(v))
    {
        return None;
    }
    let mut best = None;
    let mut count = 0;
    for (i, c) in phrase.char_indices() {
        count += 1;
        if count > 8 || !is_cjk(c) || (i >= joined && NOT_IN_NAME.contains(c as u32)) {
            break;
        }
        // Most characters end no place suffix: that is asked first.
        if count < 2 || !w.place_suffix.may_end_with(c) {
            continue;
        }
        let end = i + c.len_utf8();
        let head = &phrase[..end];
        let next = phrase[end..].chars().next();
        let cut = next.is_some_and(|n| WORD_GOES_ON.contains(n as u32));
        if !cut
            && suffix_in(head, &w.place_suffix).is_some()
            && !not_place(head)
            && !ends_with_generic(head)
            // 抓好全省: the whole province a verb is about, not a place's name
            && (count <= 2
                || !["全省", "全市", "全县", "全区", "全州"]
                    .iter()
                    .any(|w| head.ends_with(w)))
        {
            best = Some(head);
        }
    }
    best
}

/// The place a whole article is about, when it names one: the place a clause
/// of its headline or of its first paragraphs opens with (`开发区科学规划谋新篇`,
/// `1月19日，二七区委…召开`, `管城区谋划了…`, `2022年1月23日在黑龙江省第十三届
/// 人民代表大会…`). Such a place is either in the headline, whole or by its
/// short name (`细数管城这五年`, `三个二七`), or named in the text again and
/// again: a clause opening on `执行省委…` or `按照市里…` names no place, and
/// its words come back seldom. The headline's place comes first; of several
/// in the lead, the one the text names most often: the city of a meeting
/// (`漯河市第六次党代会召开后，开发区党工委…`) is named once, the zone the
/// report is about throughout. The whole country is no such place: a local
/// article names it for its meetings and honours.
pub fn of_article<'a>(
    text: &str,
    title: &str,
    heads: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(&str, usize)> = None;
    for head in heads {
        for clause in head.split(CLAUSE_MARKS) {
            let Some(place) = opening_place(clause, title) else {
                continue;
            };
            // (a level alone, 自治区, or a rank of places, 市级示范区, names
            // no place)
            if place == "全国"
                || place.starts_with("自治")
                || place.contains('级')
                || best.is_some_and(|(b, _)| b == place)
            {
                continue;
            }
            if head.trim() == title {
                return Some(place);
            }
            let stem = place
                .char_indices()
                .next_back()
                .and_then(|(i, _)| place.get(..i))
                .unwrap_or(place);
            let named = text.matches(place).count();
            if !(title.contains(stem) || named >= 3) {
                continue;
            }
            if best.is_none_or(|(_, n)| named > n) {
                best = Some((place, named));
            }
        }
    }
    best.map(|(place, _)| place)
}

/// What splits a headline or a lead into the clauses a place may open.
const CLAUSE_MARKS: &[char] = &[
    '，', ',', '。', '；', ';', '：', ':', '！', '？', ' ', '\u{3000}', '“', '”', '《', '》', '（',
    '）', '(', ')', '【', '】', '—',
];

/// Whether the lead words `led` before a place end on one that acts on what
/// follows (扎实推进无规定动物疫病区…建设): the place is then the verb's object,
/// not the topic.
pub fn governed(led: &str) -> bool {
    suffix_in(
        led.trim_end_matches(['，', ',', ' ', '：', ':']),
        &words().governs,
    )
    .is_some()
}

/// The place a clause opens with after its lead words (a date, 在, 今年), if
/// it is not the object of a verb there (推进开发区建设): a place name as
/// [`place_prefix`] reads it, or any two or three characters before a place
/// suffix (`二七区委`, whose office reads as a word going on; `管城区`, which
/// ends as the common word 老城区 does) that the headline names too.
#[allow(
    clippy::string_slice,
    reason = "at advances by lead_len and by whole characters; i is a char_indices offset"
)]
fn opening_place<'a>(clause: &'a str, title: &str) -> Option<&'a str> {
    // Lead words and the parts of a date, which lead words leave when a day
    // follows (2026年1月27日在辽宁省…).
    let mut at = 0;
    loop {
        let rest = &clause[at..];
        let lead = super::indicator::lead_len(rest);
        let after = rest[lead..].trim_start_matches(|c: char| c.is_ascii_digit());
        let date = after
            .strip_prefix(['年', '月', '日', '号'])
            .filter(|_| after.len() < rest.len() - lead);
        let moved = rest.len() - date.unwrap_or(&rest[lead..]).len();
        if moved == 0 {
            break;
        }
        at += moved;
    }
    if governed(&clause[..at]) {
        return None;
    }
    // 中共贵阳市委: the party's committee of the place
    let rest = clause[at..].trim_start_matches("中共");
    // A place the clause holds nothing else of is a name in a list or a
    // heading, not what the clause is about; a place a count follows is what
    // is counted (市级示范区8个); a year after it is the topic's time
    // (开发区2017年…).
    if let Some(place) = place_prefix(rest).filter(|p| p.len() < rest.trim_end().len()) {
        let after = &rest[place.len()..];
        let digits = after.trim_start_matches(|c: char| c.is_ascii_digit());
        return (digits.len() == after.len() || digits.starts_with('年')).then_some(place);
    }
    let (i, suffix) = rest
        .char_indices()
        .take(4)
        .skip(2)
        .find(|&(_, c)| ['区', '县', '市', '镇', '乡', '州', '旗'].contains(&c))?;
    let stem = &rest[..i];
    let place = &rest[..i + suffix.len_utf8()];
    (stem.chars().all(|c| is_cjk(c) && !NOT_IN_NAME.contains(c as u32))
        && title.contains(stem)
        && !NOT_START.iter().any(|v| stem.starts_with(v))
        // (韩正市长: a name before a title; 二七区委 goes on to an office)
        && !rest[place.len()..]
            .chars()
            .next()
            .is_some_and(|c| c != '委' && WORD_GOES_ON.contains(c as u32)))
    .then_some(place)
}

/// Whether a figure whose clause reads `clause` may be about `place`, the
/// article's: not when the clause opens on another whole area (全省 in a
/// district's article, 全国, 我国). 全区 in a district's is the district. An
/// area the figure is compared with or is a part of (高于全国, 比全省, 占全省,
/// 居全省第一) is no other scope: the figure is still the place's.
pub fn in_scope_of(clause: &str, place: &str) -> bool {
    // One pass over the clause's characters, for 全, 我 or 本 before a level:
    // this runs for every figure.
    let level = place.chars().next_back();
    let (mut before2, mut before) = (' ', ' ');
    for c in clause.chars() {
        if matches!(before, '全' | '我' | '本')
            && matches!(
                c,
                '国' | '省' | '市' | '县' | '区' | '州' | '镇' | '乡' | '旗' | '盟'
            )
            && (c == '国' || Some(c) != level)
            && !matches!(before2, '于' | '比' | '较' | '占' | '居' | '过')
        {
            return false;
        }
        (before2, before) = (before, c);
    }
    true
}

fn not_place(head: &str) -> bool {
    let w = words();
    w.not_place.contains(head) || suffix_in(head, &w.not_place_end).is_some()
}

/// A verb or a comparison cannot start a name: 新增市场主体, 高于全省.
const NOT_START: &[&str] = &[
    "新增",
    "新建",
    "建设",
    "推进",
    "完成",
    "实现",
    "引进",
    "培育",
    "打造",
    "加快",
    "做到",
    "推动",
    "高于",
    "低于",
    "超过",
    "建议",
    "争创",
    "占",
    "比",
    "较",
    "和",
    "与",
    "及",
    "完善",
    "突出",
    "抓好",
    "精心",
    "加强",
    "深化",
    "落实",
    "坚持",
    "强化",
    "编制",
    "统筹",
    "支持",
    "创建",
    // verbs whose object a place is (建成天府旅游名县2个, 安排省、市重点项目投资)
    "建成",
    "建立",
    "安排",
    "改造",
    "投入",
    "面向",
    "根据",
    "提质",
    "整合",
    "列入",
    "创成",
    "办理",
    "认定",
    "新认定",
    "获批",
    "新获批",
    "推行",
    "活化",
    "优化",
    "重点推进",
    "解决",
    "充分发挥",
    "发挥",
    "制定",
    "举办",
    "帮扶",
    "进入",
    "开工",
    "启动",
    "用好",
    "号召",
    "扶持",
    "执行",
    "改扩建",
    "新改建",
];
/// Their first characters, so that most phrases are not compared with
/// every word (this runs for every figure).
static NOT_START_FIRST: CharSet = CharSet::of_firsts(NOT_START);

/// Characters a place name does not hold: particles, time, verbs of the
/// sentence (独特资源禀赋的县, 建议今年全市).
static NOT_IN_NAME: CharSet = CharSet::of(&[
    '的', '是', '于', '年', '在', '对', '和', '与', '及', '为', '将', '要', '以', '了', '把', '被',
    '让', '等', '各', '今', '个', '有', '到', '从', '由', '占', '做',
]);

/// After a place suffix, characters that make it the start of another word:
/// 贫困乡镇, 市场, 市级, 县城.
static WORD_GOES_ON: CharSet = CharSet::of(&[
    '区', '县', '市', '省', '州', '镇', '乡', '盟', '旗', '场', '民', '域', '城', '份', '长', '委',
    '直', '属', '内', '外', '级',
]);

/// 乡镇, 城镇, 小城镇: words ending like a place that are not one. Looked up
/// by their last character: a phrase ending in a place suffix is tested
/// against the few words that end like it, not all of them.
fn ends_with_generic(head: &str) -> bool {
    const GENERIC: &[&str] = &[
        "乡镇",
        "城镇",
        "村镇",
        "集镇",
        "小镇",
        "重点镇",
        "城乡",
        "联盟",
        "夜市",
        "股市",
        "楼市",
        "车市",
        "集市",
        "上市",
        "门市",
        "超市",
        "城市",
        "都市",
        "工业区",
        "生活区",
        "核心区",
        "起步区",
        "保护区",
        "风景区",
        "住宅区",
        "校区",
        "营区",
        "湾区",
        "地区",
        "社区",
        "园区",
        "片区",
        "辖区",
        "城区",
        "市区",
        "小区",
        "景区",
        "街区",
        "山区",
        "县区",
        "省区",
        "市县",
        "各市",
        "新城区",
        "试验区",
        "自贸区",
        "保税区",
        "强市",
        "强区",
        "强县",
        "强省",
        "大市",
        "大省",
        "大县",
        "城区",
        "郊区",
        "县市",
        "区县",
    ];
    static LIST: LazyLock<WordList> = LazyLock::new(|| WordList::of(GENERIC.iter().copied()));
    suffix_in(head, &LIST).is_some()
}

pub use crate::charset::is_cjk;

/// A character a noun may open with after a sum: Chinese, and no particle or
/// conjunction (10亿元以上项目, not 10亿元的 or 10亿元和).
pub fn opens_noun(c: char) -> bool {
    is_cjk(c) && !matches!(c, '的' | '和' | '与' | '及' | '或' | '并')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places() {
        assert_eq!(place_prefix("开发区工业增加值"), Some("开发区"));
        assert_eq!(place_prefix("二七特色商业区以打造"), Some("二七特色商业区"));
        assert_eq!(place_prefix("全区地区生产总值"), None);
        assert_eq!(place_prefix("城镇居民收入"), None);
        assert_eq!(place_prefix("地区生产总值"), None);
        assert_eq!(place_prefix("全国目前有"), Some("全国"));
    }

    #[test]
    fn article_places() {
        // (text is what the place is counted in; title the headline)
        let title = "开发区科学规划谋新篇";
        assert_eq!(of_article("", title, [title]), Some("开发区"));
        let title = "国家漯河经济技术开发区明确工作重点";
        let lead = "漯河市第六次党代会召开后，开发区党工委高度重视。";
        let text = "漯河市第六次党代会召开后，开发区党工委高度重视。开发区项目43个。";
        assert_eq!(of_article(text, title, [title, lead]), Some("开发区"));
        let title = "着力打造“三个二七”";
        let lead = "1月19日，二七区委十一届二次全体(扩大)会议召开。";
        assert_eq!(of_article("", title, [title, lead]), Some("二七区"));
        let lead = "2022年1月23日在黑龙江省第十三届人民代表大会第六次会议上";
        let text = lead.repeat(3);
        assert_eq!(of_article(&text, "", [lead]), Some("黑龙江省"));
        // named once, not in the headline: no place (认真执行省委…)
        assert_eq!(of_article(lead, "", [lead]), None);
        // the object of a verb, the whole country, the whole area: no place
        let heads = [
            "扎实推进高新区建设",
            "全国文明城市",
            "全市重点项目建设会议召开",
        ];
        assert_eq!(of_article(&heads.concat().repeat(3), "", heads), None);
        // 管城区 reads as 老城区 does; the headline's 管城 makes it a name
        let lead = "作为老城区、文化区的特质禀赋,管城区谋划了发展思路";
        assert_eq!(of_article("", "细数管城这五年", [lead]), Some("管城区"));
        assert_eq!(of_article("", "", [lead]), None);
    }

    #[test]
    fn scopes() {
        assert!(in_scope_of("全区地区生产总值", "管城区"));
        assert!(in_scope_of("地区生产总值", "管城区"));
        assert!(!in_scope_of("全省地区生产总值", "管城区"));
        assert!(!in_scope_of("全国地区生产总值", "东莞市"));
        assert!(in_scope_of("全市新增就业", "东莞市"));
        // compared with the province, or a part of it: still the district's
        assert!(in_scope_of("增速高于全省2个百分点", "管城区"));
        assert!(in_scope_of("占全省的30%", "管城区"));
    }

    #[test]
    fn every_word_that_cannot_start_a_name_is_indexed() {
        for w in NOT_START {
            let c = w.chars().next().map_or(0, |c| c as u32);
            assert!(NOT_START_FIRST.contains(c), "{w}");
        }
    }
}
