//! Statistics tables pasted as text: a header row naming the columns
//! (`指标名称 单位 1-6月 同比增长（%）`, `| 序号 | 指标 | 单位 | 2011年 | 2016年 |
//! 五年累计 | 五年平均增长（%） |`) and under it one row per indicator. The
//! figures of a row have no words around them: what each means comes from
//! its column's header, its unit from the unit column or the name
//! (`地区生产总值（亿元）`). A figure's evidence is its row up to the figure's
//! cell.

use crate::analysis::{Comparator, Quantity, Span, Status, Target, WarningCode};
use crate::numbers::{self, UnitKind};

use super::indicator::{self, Matcher};
use super::period::{self, Period};
use super::text::Part;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    /// 序号: the row's number, no figure.
    Ordinal,
    Name,
    Unit,
    /// Amounts (a year, a month span, 本月, 累计, 绝对值…), goals when the
    /// header says 目标/计划/预期.
    Value {
        period: Option<Period>,
        goal: bool,
        /// 累计, 五年累计: a sum over the years of the other columns.
        cumulative: bool,
    },
    /// Rates of change (同比增长（%）, 增速, ±%), averages when it says 平均/年均.
    Growth {
        period: Option<Period>,
        average: bool,
        goal: bool,
    },
}

/// A table's header: its columns, in order.
pub struct Header {
    columns: Vec<Column>,
}

/// The longest line a table's header or row may be, in bytes.
const MAX_LINE: usize = 600;

/// The cells of a table line: between bars (`| a | b |`), else between runs
/// of spaces or tabs. `None` for a line that cannot be a table's.
fn cells(line: &str) -> Option<Vec<&str>> {
    let line = line.trim();
    if line.len() > MAX_LINE || line.contains(['。', '，', '；']) {
        return None;
    }
    let cells: Vec<&str> = if line.starts_with(['|', '｜']) {
        let inner = line
            .trim_start_matches(['|', '｜'])
            .trim_end_matches(['|', '｜']);
        inner.split(['|', '｜']).map(str::trim).collect()
    } else {
        line.split(['\t', ' ', '\u{3000}'])
            .filter(|c| !c.is_empty())
            .collect()
    };
    (cells.len() >= 3).then_some(cells)
}

/// The header a line is, if it names a column of indicators and at least
/// one of figures.
pub fn header(line: &str) -> Option<Header> {
    // (asked of every paragraph: the length first, then the words)
    if line.trim().len() > MAX_LINE || !["指标", "项目", "名称"].iter().any(|w| line.contains(w))
    {
        return None;
    }
    let cells = cells(line)?;
    let mut columns = Vec::with_capacity(cells.len());
    for cell in &cells {
        let cell = plain(cell);
        let goal = ["目标", "计划", "预期", "预计"]
            .iter()
            .any(|w| cell.contains(w));
        let period = period::mentions(cell)
            .into_iter()
            .find(|m| !m.baseline)
            .map(|m| m.period);
        let column = if ["序号", "编号"].contains(&cell) {
            Column::Ordinal
        } else if ["指标", "项目", "名称", "指标名称", "项目名称", "主要指标"].contains(&cell)
        {
            Column::Name
        } else if ["单位", "计量单位"].contains(&cell) {
            Column::Unit
        } else if ["增长", "增速", "增幅", "±", "比上年", "同比"]
            .iter()
            .any(|w| cell.contains(w))
        {
            let average = cell.contains("平均") || cell.contains("年均");
            Column::Growth {
                period,
                average,
                goal,
            }
        } else {
            let cumulative = cell.contains("累计");
            Column::Value {
                period,
                goal,
                cumulative,
            }
        };
        columns.push(column);
    }
    let names = columns.iter().filter(|c| **c == Column::Name).count();
    let figures = columns
        .iter()
        .filter(|c| matches!(c, Column::Value { .. } | Column::Growth { .. }))
        .count();
    (names == 1 && figures >= 1).then_some(Header { columns })
}

/// A table's markdown rule (`| --- | --- |`).
pub fn is_rule(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('|') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// What reads a table's rows: the header, and what the text around the
/// table says of its time.
pub struct Reader<'a> {
    pub header: &'a Header,
    pub matcher: &'a Matcher,
    pub present: Option<i32>,
    /// Dated late in its year (see [`period::resolve`]).
    pub late: bool,
    /// The period the table's caption or the text before it gives.
    pub caption: Option<Period>,
    /// The unit a line before the table states for all of it (单位：亿元).
    pub unit: Option<&'a str>,
}

/// The unit a line states for a whole table: `单位：亿元`, `（单位：万元）`. Not
/// a list of units (`单位：亿元、%`), which the rows must tell apart.
pub fn stated_unit(line: &str) -> Option<&str> {
    let at = line.find("单位")?;
    let rest = line.get(at + "单位".len()..)?.trim_start();
    let rest = rest.strip_prefix(['：', ':'])?.trim_start();
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '）' | ')' | '，' | '。' | '；'))
        .unwrap_or(rest.len());
    let unit = rest.get(..end)?;
    let n = unit.chars().count();
    ((1..=4).contains(&n) && !unit.contains(['、', ',', '/'])).then_some(unit)
}

impl Reader<'_> {
    /// The targets of one row, `None` when the line is no row of this
    /// table (the table has ended).
    pub fn row(&self, text: &str, row: Part) -> Option<Vec<Target>> {
        let line = row.of(text);
        let cells = cells(line)?;
        if cells.len() != self.header.columns.len() {
            return None;
        }
        let mut name = "";
        let mut unit = "";
        for (cell, column) in cells.iter().zip(&self.header.columns) {
            match column {
                Column::Name => name = plain(cell),
                Column::Unit => unit = plain(cell),
                _ => {}
            }
        }
        // 地区生产总值（亿元）: the unit in the name when no column has it,
        // else the one the text before the table states
        let (name, unit) = match split_unit(name) {
            Some((n, u)) if unit.is_empty() => (n, u),
            _ if unit.is_empty() => (name, self.unit.unwrap_or("")),
            _ => (name, unit),
        };
        if !name.chars().any(super::subject::is_cjk) || name.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        // The years of the value columns bound a cumulative or average
        // column's time: 2011年 … 2016年 … 五年平均增长 is 2012-2016.
        let years: Vec<i32> = self
            .header
            .columns
            .iter()
            .filter_map(|c| match c {
                Column::Value {
                    period: Some(Period::Year(y)),
                    ..
                } => Some(*y),
                _ => None,
            })
            .collect();
        let span_of_years = match (years.iter().min(), years.iter().max()) {
            (Some(&a), Some(&b)) if a < b => Some(Period::Years(a + 1, b)),
            _ => None,
        };
        let indicator = indicator::name_str(name, self.matcher);
        let mut out = Vec::new();
        for (cell, column) in cells.iter().zip(&self.header.columns) {
            let Some(value) = number(cell) else { continue };
            // The evidence runs from the row's start to the end of the
            // figure's cell (cells are slices of `line`).
            let end = (cell.as_ptr() as usize + cell.len()).saturating_sub(line.as_ptr() as usize);
            let (quantity, unit_base, value, period, goal) = match *column {
                Column::Value {
                    period,
                    goal,
                    cumulative,
                } => {
                    let (v, u, kind) = scaled(value, unit);
                    let q = if kind == UnitKind::Percent {
                        Quantity::Share
                    } else {
                        Quantity::Level
                    };
                    let period = period.or(if cumulative { span_of_years } else { None });
                    (q, u, v, period, goal)
                }
                Column::Growth {
                    period,
                    average,
                    goal,
                } => {
                    let period = period.or(if average { span_of_years } else { None });
                    (Quantity::Growth, "%".to_string(), value, period, goal)
                }
                _ => continue,
            };
            let period = period.or(self.caption);
            let resolved = period.and_then(|p| period::resolve(p, self.present, self.late, None));
            let status =
                if goal || resolved.is_some_and(|r| self.present.is_some_and(|p| r.from > p)) {
                    Status::Target
                } else {
                    Status::Actual
                };
            let mut warnings = Vec::new();
            if resolved.is_none() {
                warnings.push(WarningCode::NoPeriod);
            }
            out.push(Target {
                indicator: indicator.clone(),
                surface: name.to_string(),
                quantity,
                value,
                value_high: None,
                unit: unit_base,
                comparator: Comparator::Eq,
                status,
                period: resolved.map(|r| r.format()),
                baseline: None,
                subject: None,
                evidence: line.get(..end).unwrap_or(line).to_string(),
                span: Span(row.start, row.start + end),
                source_span: None,
                warnings,
            });
        }
        Some(out)
    }
}

/// A cell without markdown's emphasis and escapes and a trailing note mark
/// (`**2016年**`, `63（\*）`).
fn plain(cell: &str) -> &str {
    let cell = cell.trim().trim_matches('*').trim();
    let cell = ["（\\*）", "(\\*)", "（*）", "(*)", "\\*", "*"]
        .iter()
        .find_map(|m| cell.strip_suffix(m))
        .unwrap_or(cell);
    cell.trim()
}

/// The number a cell holds: digits with a sign and a point, nothing else
/// (a dash or an empty cell has none).
fn number(cell: &str) -> Option<f64> {
    let mut cell = plain(cell);
    // 8.4（可比价）: a note on how the figure is counted
    if let Some(open) = cell.find(['（', '('])
        && cell.ends_with(['）', ')'])
    {
        cell = cell.get(..open).unwrap_or(cell).trim_end();
    }
    let cell = cell.trim_end_matches(['%', '％']);
    let digits = cell.strip_prefix(['+', '＋']).unwrap_or(cell);
    let (sign, digits) = match digits.strip_prefix(['-', '－', '—']) {
        Some(rest) => (-1.0, rest),
        None => (1.0, digits),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    digits.parse::<f64>().ok().map(|v| sign * v)
}

/// `地区生产总值（亿元）` → (`地区生产总值`, `亿元`).
fn split_unit(name: &str) -> Option<(&str, &str)> {
    let inner = name.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let unit = inner.get(open..)?.trim_start_matches(['（', '(']);
    let head = inner.get(..open)?;
    (!unit.is_empty() && unit.chars().count() <= 6 && !head.is_empty()).then_some((head, unit))
}

/// A value in `unit` as the base unit targets use: 156.3 亿元 → 1.563e10
/// 元, read by the numbers layer; a unit it does not know stays as written.
fn scaled(value: f64, unit: &str) -> (f64, String, UnitKind) {
    let written = format!("{}{unit}", value.abs());
    let found = numbers::find_numbers(&written);
    match found.first() {
        Some(n) if n.span.0 == 0 && n.span.1 == written.len() && !unit.is_empty() => {
            (value.signum() * n.value, n.unit.to_string(), n.kind)
        }
        _ => (value, unit.to_string(), UnitKind::None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        assert!(header("指标名称 单位 1-6月 同比增长（%）").is_some());
        assert!(
            header("| 序号 | 指标 | 单位 | 2011年 | 2016年 | 五年累计 | 五年平均增长（%） |")
                .is_some()
        );
        // a sentence, or a line with no column of figures
        assert!(header("主要指标完成情况如下，地区生产总值增长6%。").is_none());
        assert!(header("| 序号 | 指标 | 单位 |").is_none());
    }

    #[test]
    fn a_row() {
        let text = "指标名称 单位 1-6月 同比增长（%）\n地区生产总值 亿元 156.3 5.8";
        let h = header("指标名称 单位 1-6月 同比增长（%）").unwrap();
        let reader = Reader {
            header: &h,
            matcher: indicator::builtin(),
            present: Some(2024),
            late: false,
            caption: Some(Period::Year(2024)),
            unit: None,
        };
        let row = Part {
            start: text.find('地').unwrap(),
            end: text.len(),
        };
        let found = reader.row(text, row).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].evidence, "地区生产总值 亿元 156.3");
        assert_eq!(found[0].value, 15_630_000_000.0);
        assert_eq!(found[0].period.as_deref(), Some("2024-01/2024-06"));
        assert_eq!(found[1].evidence, "地区生产总值 亿元 156.3 5.8");
        assert_eq!(&text[found[1].span.0..found[1].span.1], found[1].evidence);
        assert_eq!(
            (found[1].quantity, found[1].status),
            (Quantity::Growth, Status::Actual)
        );
    }

    #[test]
    fn cells_and_numbers() {
        assert_eq!(number("8.4 （可比价）"), Some(8.4));
        assert_eq!(number("63（\\*）"), Some(63.0));
        assert_eq!(number("-3.5"), Some(-3.5));
        assert_eq!(number("—"), None);
        assert_eq!(number("-"), None);
        assert_eq!(
            split_unit("地区生产总值（亿元）"),
            Some(("地区生产总值", "亿元"))
        );
        assert_eq!(stated_unit("（单位：万元）"), Some("万元"));
        assert_eq!(stated_unit("单位: 亿元"), Some("亿元"));
        assert_eq!(stated_unit("单位：亿元、%"), None);
        assert_eq!(stated_unit("本单位职工"), None);
        assert_eq!(scaled(156.3, "亿元").0, 15_630_000_000.0);
        assert_eq!(scaled(2.5, "万人").1, "人");
        // money per area is one unit (D-160), scaled like 亿元
        assert_eq!(
            scaled(4.82, "亿元/平方公里"),
            (482_000_000.0, "元/平方公里".to_string(), UnitKind::Money)
        );
        // a unit the numbers layer does not know stays as written
        assert_eq!(scaled(0.45, "吨标准煤/万元").1, "吨标准煤/万元");
    }
}
