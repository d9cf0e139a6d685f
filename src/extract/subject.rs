//! Subjects: who a figure is about when the text names it (开发区,
//! 二七区, 曹妃甸区), read from a place name before the indicator words.

use std::sync::LazyLock;

use super::words::{CharSet, WordList, suffix_in, words};

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
    if phrase
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
        if count > 8 || !is_cjk(c) || NOT_IN_NAME.contains(c as u32) {
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

fn not_place(head: &str) -> bool {
    let w = words();
    w.not_place.contains(head) || suffix_in(head, &w.not_place_end).is_some()
}

/// A verb or a comparison cannot start a name: 新增市场主体, 高于全省.
const NOT_START: &[&str] = &[
    "新增", "新建", "建设", "推进", "完成", "实现", "引进", "培育", "打造", "加快", "做到", "推动",
    "高于", "低于", "超过", "建议", "争创", "占", "比", "较", "和", "与", "及", "完善", "突出",
    "抓好", "精心", "加强", "深化", "落实", "坚持", "强化", "编制", "统筹", "支持", "创建",
];
/// Their first characters, so that most phrases are not compared with
/// every word (this runs for every figure).
static NOT_START_FIRST: CharSet = CharSet::of(&[
    '新', '建', '推', '完', '实', '引', '培', '打', '加', '做', '高', '低', '超', '争', '占', '比',
    '较', '和', '与', '及', '突', '抓', '精', '深', '落', '坚', '强', '编', '统', '支', '创',
]);

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

pub fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

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
    fn every_word_that_cannot_start_a_name_is_indexed() {
        for w in NOT_START {
            let c = w.chars().next().map_or(0, |c| c as u32);
            assert!(NOT_START_FIRST.contains(c), "{w}");
        }
    }
}
