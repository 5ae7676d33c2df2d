//! Figures: amounts with units, percentages, dates, counts, ranges.
//!
//! One left-to-right pass over the characters. A figure is a number
//! (Arabic, full-width or Chinese numerals, with 万/亿 magnitudes and
//! 余/多 approximations) followed by a unit from [`units`]; dates chain
//! (2019年6月5日), compound measures chain (6尺8寸, 2米03), ranges join
//! (4%-10%, 3至5倍) and per-unit rates extend (1.8万元/平方米). Numbers
//! written in Chinese numerals need a stricter unit so words like 一方,
//! 一直, 十分, 第一次 stay out. Extents follow the gold guidelines: no
//! leading 约/近/超过, the unit included, 第 included for ranks (第28位).

mod units;

use super::chars::{mark, Chars};
use super::model::{Entity, EntityKind, Subkind};
use super::segment::Token;
use super::span::Span;
use units::{unit_at, UnitClass};

/// Finds the figures in `text`.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Entity> {
    // Tokens are not needed: numbers are found char by char, which also catches
    // numbers jieba glues to neighbouring words.
    let _ = tokens;
    find_in(&Chars::new(text, &[]))
}

/// [`find`] over the text's shared char view: only the chars that can
/// start a figure, and the 《》 and what closes them, are visited (the
/// others neither start a figure nor change the title state).
pub fn find_in(view: &Chars) -> Vec<Entity> {
    let text = view.s;
    // The view's own chars and offsets (copying them into pairs per text
    // cost more than the figure rules themselves).
    let chars = Cs { c: &view.c, b: &view.b };
    let mut out = Vec::new();
    // The first char not yet passed over (a figure or a number skips ahead).
    let mut i = 0;
    // Inside a 《title》 numbers belong to the name (《三十年河东》).
    let mut in_title = false;
    for p in view.marks_of(mark::FIGURE | mark::TITLE) {
        if p < i {
            continue;
        }
        i = p;
        match chars.c[i] {
            '《' => in_title = true,
            '》' | '\n' | '。' => in_title = false,
            _ => {}
        }
        // A figure starts with a digit, a Chinese numeral, 第 or 百 (百分之).
        let c = chars.c[i];
        if in_title || !(is_arabic(c) || is_cn_digit(c) || c == '第' || c == '百') {
            i += 1;
            continue;
        }
        match figure_at(text, chars, i) {
            Some((end, subkind)) => {
                let start_b = chars.b[i];
                let end_b = byte_at(text, chars, end);
                out.push(Entity { kind: EntityKind::Figure, subkind: Some(subkind), span: Span::new(start_b, end_b) });
                i = end.max(i + 1);
            }
            // No figure starts inside a number either: skip the whole number
            // (rescanning every suffix of a long digit run was quadratic).
            None if is_arabic(chars.c[i]) => i = number_at(chars, i).map_or(i + 1, |n| n.end.max(i + 1)),
            None => i += 1,
        }
    }
    out
}

/// The chars of a text and their byte offsets (a [`Chars`] view's `c` and
/// `b`, which holds the text length at index `c.len()`).
#[derive(Clone, Copy)]
pub(crate) struct Cs<'a> {
    c: &'a [char],
    b: &'a [usize],
}

impl Cs<'_> {
    /// Number of chars.
    fn len(&self) -> usize {
        self.c.len()
    }

    /// Byte offset and char at char index `i`, if there is one.
    fn get(&self, i: usize) -> Option<(usize, char)> {
        Some((*self.b.get(i)?, *self.c.get(i)?))
    }

    /// The chars from index `i` on, if `i` is at most the length.
    pub(crate) fn chars_from(&self, i: usize) -> Option<&[char]> {
        self.c.get(i..)
    }
}

/// Byte offset of char index `i` (text length past the end).
fn byte_at(text: &str, chars: Cs, i: usize) -> usize {
    chars.get(i).map_or(text.len(), |c| c.0)
}

fn is_arabic(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Chinese digits that can start a number (magnitudes 百千万亿 cannot:
/// 千万, 百姓, 万一 are words).
fn is_cn_digit(c: char) -> bool {
    matches!(c, '〇' | '零' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

fn is_cn_numeral(c: char) -> bool {
    is_cn_digit(c) || matches!(c, '百' | '千' | '万' | '亿')
}

fn is_ascii_word(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

/// A scanned number: where it ends (char index) and what it was made of.
struct Num {
    end: usize,
    arabic: bool,
    /// The number is the single character 一 (一个小时 yes, 一方/一次 no).
    just_one: bool,
}

/// Scans a number starting at char `i`: digits with a decimal point or
/// thousands commas, then magnitudes and 余/多/几; or Chinese numerals.
fn number_at(chars: Cs, i: usize) -> Option<Num> {
    let c = chars.get(i)?.1;
    let mut j = i;
    if is_arabic(c) {
        while j < chars.len() && is_arabic(chars.c[j]) {
            j += 1;
        }
        // Decimal point or thousands separator, only between digits.
        while j + 1 < chars.len() && matches!(chars.c[j], '.' | '．' | ',' | '，') && is_arabic(chars.c[j + 1]) {
            let sep = chars.c[j];
            let mut k = j + 1;
            while k < chars.len() && is_arabic(chars.c[k]) {
                k += 1;
            }
            // A comma groups exactly three digits (1,234); otherwise it is punctuation.
            if matches!(sep, ',' | '，') && k - (j + 1) != 3 {
                break;
            }
            j = k;
        }
        // Magnitudes and approximations: 3.4万, 4万亿, 30多万, 200余, also
        // set off by a space as some outlets write them (9000 万, 50 多个).
        if chars.get(j).is_some_and(|c| c.1 == ' ') && chars.get(j + 1).is_some_and(|c| matches!(c.1, '万' | '亿' | '余' | '多')) {
            j += 1;
        }
        while j < chars.len() && matches!(chars.c[j], '万' | '亿' | '千' | '百' | '余' | '多') {
            j += 1;
        }
        Some(Num { end: j, arabic: true, just_one: false })
    } else if is_cn_digit(c) {
        while j < chars.len() && (is_cn_numeral(chars.c[j]) || (j > i && matches!(chars.c[j], '余' | '多' | '几'))) {
            j += 1;
        }
        Some(Num { end: j, arabic: false, just_one: j == i + 1 && c == '一' })
    } else {
        None
    }
}

/// `i`, or `i + 1` when a single space there separates a number from the Han
/// unit after it (12 月 12 日, 10 集): the style of some outlets.
fn past_space(chars: Cs, i: usize) -> usize {
    let han_next = chars.get(i + 1).is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c.1));
    if chars.get(i).is_some_and(|c| c.1 == ' ') && han_next {
        i + 1
    } else {
        i
    }
}

/// Words after a score that say it was one (以91-98不敌, 91-98告负).
const RESULT_AFTER: &[&str] = &["不敌", "负于", "输给", "战胜", "击败", "赢下", "取胜", "获胜", "落败", "告负", "险胜", "大胜", "惜败", "力克", "胜出", "的比分", "逆转"];

/// A game score written as two bare numbers (91-98, 3:1), recognised by
/// what frames it: 以 or 比分 before it, or a result verb after it.
fn score_at(text: &str, chars: Cs, start: usize, first: &Num) -> Option<usize> {
    let sep = chars.get(first.end)?.1;
    if !matches!(sep, '-' | '－' | ':' | '：' | '比') || first.end - start > 3 {
        return None;
    }
    let second = number_at(chars, first.end + 1)?;
    if !second.arabic || second.end - (first.end + 1) > 3 || chars.get(second.end).is_some_and(|c| is_arabic(c.1) || c.1 == '.') {
        return None;
    }
    let before = text.get(..chars.b[start]).unwrap_or("");
    let after = text.get(byte_at(text, chars, second.end)..).unwrap_or("");
    let framed = before.ends_with('以') || before.ends_with("比分") || before.ends_with("比分为") || RESULT_AFTER.iter().any(|w| after.starts_with(w));
    framed.then_some(second.end)
}

/// A figure starting at char `i`: its end (char index) and subkind.
fn figure_at(text: &str, chars: Cs, i: usize) -> Option<(usize, Subkind)> {
    // 百分之六十: a percentage written out. (The char first: most figures
    // start with a digit, and the string compare cost more than the rest
    // of this test.)
    if chars.c[i] == '百' && text.get(chars.b[i]..).is_some_and(|s| s.starts_with("百分之")) {
        let num = number_at(chars, i + 3)?;
        return Some((num.end, Subkind::Percent));
    }
    // 第28位: an ordinal with Arabic digits is a rank; 第一次 is a word.
    let (start, ordinal) = if chars.c[i] == '第' { (i + 1, true) } else { (i, false) };
    let c = chars.get(start)?.1;
    if ordinal && !is_arabic(c) {
        return None;
    }
    // Digits glued to Latin letters are part of a name or code (G20, A4, iPhone12).
    if is_arabic(c) && start > 0 && is_ascii_word(chars.c[start - 1]) {
        return None;
    }
    // Codes like EB-5, COVID-19: a hyphen after Latin letters.
    if is_arabic(c) && start > 1 && chars.c[start - 1] == '-' && chars.c[start - 2].is_ascii_alphanumeric() {
        return None;
    }
    // 第十七届, 第一次: ordinals in Chinese numerals are words or names.
    if !is_arabic(c) && start > 0 && chars.c[start - 1] == '第' {
        return None;
    }
    // A Chinese numeral inside a word (统一, 唯一, 万一): the previous char is a numeral too, or a
    // common word-forming char; only start a Chinese number after a non-numeral.
    if !is_arabic(c) && start > 0 && is_cn_numeral(chars.c[start - 1]) {
        return None;
    }
    let num = number_at(chars, start)?;
    // 一一, 三三两两: reduplicated numerals are adverbs.
    if !num.arabic && num.end > start + 1 && chars.c[start + 1] == c && c != '十' {
        return None;
    }
    if num.arabic && chars.get(num.end).is_some_and(|c| is_ascii_word(c.1) && !units_ascii_follow(text, chars, num.end)) {
        return None;
    }
    // 三分之一, 十分之一: a fraction written out.
    if !num.arabic && text.get(byte_at(text, chars, num.end)..).is_some_and(|s| s.starts_with("分之")) {
        if let Some(den) = number_at(chars, num.end + 2).filter(|d| !d.arabic) {
            return Some((den.end, Subkind::Percent));
        }
    }
    // 1920×1080像素, 30/25/24帧: several numbers sharing one unit (the unit is required).
    let mut last = num.end;
    while num.arabic
        && chars.get(last).is_some_and(|c| matches!(c.1, '×' | '*' | '/' | '／'))
        && chars.get(last + 1).is_some_and(|c| is_arabic(c.1))
    {
        last = number_at(chars, last + 1).map_or(last, |n| n.end);
    }
    let compound = last > num.end;
    let at = if num.arabic { past_space(chars, last) } else { last };
    let unit = unit_at(text, chars, at);
    let (mut end, mut class) = match unit {
        Some((len, class))
            if unit_allowed(&num, class, text, chars, at, len) && !line_number(text, chars, at, len) =>
        {
            (at + len, class)
        }
        _ if compound => return None,
        // 3亿, 30万, 两千亿: a magnitude is enough to make an amount.
        _ if matches!(chars.c[num.end - 1], '万' | '亿') && (num.arabic || num.end - start >= 2) => (num.end, UnitClass::Count),
        _ => {
            // A bare number may open a range whose second half has the unit (3-5年).
            if num.arabic {
                if let Some((e, cl)) = range_tail(text, chars, num.end, true) {
                    return Some((e, subkind_of(cl)));
                }
                if let Some(e) = score_at(text, chars, start, &num) {
                    return Some((e, Subkind::Quantity));
                }
            }
            return None;
        }
    };
    // Chains: dates (2019年6月5日), times (7点30分), measures (6尺8寸, 2米03), quarters.
    while let Some((e, cl)) = chain_tail(text, chars, end, class) {
        end = e;
        class = cl;
    }
    // Per-unit rates: 1.8万元/平方米, 500元每吨.
    if matches!(class, UnitClass::Money | UnitClass::Measure | UnitClass::Count) {
        if let Some((_, sep)) = chars.get(end) {
            if matches!(sep, '/' | '／' | '每') {
                if let Some((len, _)) = unit_at(text, chars, end + 1) {
                    end += 1 + len;
                }
            }
        }
    }
    // Ranges: 4%-10%, 500元至1000元/平方米 (dates stay apart: 1994年—2001年 are two figures).
    if !matches!(class, UnitClass::Date) {
        // Only a range of like with like (4%-10%), not 18%到9月.
        if let Some((e, cl)) = range_tail(text, chars, end, false).filter(|r| r.1 == class) {
            end = e;
            class = cl;
        }
    }
    Some((end, subkind_of(class)))
}

/// True for 10号线 (a metro line, not a date) and 3648×2736分辨率 (分 opens a word).
fn line_number(text: &str, chars: Cs, at: usize, len: usize) -> bool {
    let unit = text.get(chars.b[at]..byte_at(text, chars, at + len)).unwrap_or("");
    let next = chars.get(at + len).map(|c| c.1);
    (unit == "号" && next.is_some_and(|c| matches!(c, '线' | '楼' | '院' | '文'))) || (unit == "分" && next == Some('辨'))
}

/// True when ASCII letters right after a number are a unit (km, kg, GB).
fn units_ascii_follow(text: &str, chars: Cs, i: usize) -> bool {
    unit_at(text, chars, i).is_some()
}

/// Whether `class` may follow this number: Chinese numerals take only the
/// unambiguous units, and a lone 一 only durations (一个小时, not 一方 or 一次).
fn unit_allowed(num: &Num, class: UnitClass, text: &str, chars: Cs, at: usize, len: usize) -> bool {
    if num.arabic {
        return true;
    }
    let unit = text.get(chars.b[at]..byte_at(text, chars, at + len)).unwrap_or("");
    if num.just_one {
        return matches!(unit, "个小时" | "个月" | "小时" | "年" | "周" | "天" | "个多月" | "分钟" | "个星期" | "星期");
    }
    // 两次, 五次 count; 二次 is mostly a word (二次开发, 二次元).
    if unit == "次" {
        let lone_two = at >= 1 && chars.c[at - 1] == '二' && (at < 2 || !is_cn_numeral(chars.c[at - 2]));
        return !lone_two;
    }
    units::cn_numeral_ok(unit, class)
}

/// After a range connector at `i`: the second number and its unit.
/// `need_unit`: the first half had no unit, so the second must have one.
fn range_tail(text: &str, chars: Cs, i: usize, need_unit: bool) -> Option<(usize, UnitClass)> {
    let (_, c) = chars.get(i)?;
    if !matches!(c, '-' | '—' | '–' | '~' | '～' | '至' | '到' | '－') {
        return None;
    }
    let num = number_at(chars, i + 1)?;
    if !num.arabic {
        return None;
    }
    match unit_at(text, chars, num.end) {
        Some((len, class)) => {
            let mut end = num.end + len;
            if let Some((_, sep)) = chars.get(end) {
                if matches!(sep, '/' | '／') {
                    if let Some((l2, _)) = unit_at(text, chars, end + 1) {
                        end += 1 + l2;
                    }
                }
            }
            Some((end, class))
        }
        None if !need_unit => None,
        None => None,
    }
}

/// What may follow a figure ending in `class` at `i` and joins it.
fn chain_tail(text: &str, chars: Cs, i: usize, class: UnitClass) -> Option<(usize, UnitClass)> {
    let rest = text.get(byte_at(text, chars, i)..)?;
    let unit_before = text.get(..byte_at(text, chars, i)).unwrap_or("");
    match class {
        UnitClass::Date => {
            // 9月中上旬, 8月份, 2009年第二季度, 2010年上半年
            for tail in ["中上旬", "中下旬", "上旬", "中旬", "下旬", "上半年", "下半年", "份", "初", "底", "末"] {
                if rest.starts_with(tail) && (tail != "份" || unit_before.ends_with('月')) {
                    if tail.ends_with("半年") && !unit_before.ends_with('年') {
                        continue;
                    }
                    return Some((i + tail.chars().count(), UnitClass::Date));
                }
            }
            if unit_before.ends_with('年') {
                for q in ["第一季度", "第二季度", "第三季度", "第四季度", "一季度", "二季度", "三季度", "四季度", "前三季度"] {
                    if rest.starts_with(q) {
                        return Some((i + q.chars().count(), UnitClass::Date));
                    }
                }
            }
            // 2019年6月, 6月5日, 7点30分 (12 月 12 日 with spaces)
            let i = if chars.get(i).is_some_and(|c| c.1 == ' ') && chars.get(i + 1).is_some_and(|c| is_arabic(c.1)) { i + 1 } else { i };
            let num = number_at(chars, i)?;
            let at = past_space(chars, num.end);
            let (len, cl) = unit_at(text, chars, at)?;
            let unit = text.get(chars.b[at]..byte_at(text, chars, at + len))?;
            let ok = (unit_before.ends_with('年') && unit.starts_with('月'))
                || (unit_before.ends_with('月') && matches!(unit, "日" | "号"))
                || (matches!(unit_before.chars().last(), Some('点' | '时')) && matches!(unit, "分" | "分钟"));
            (ok && (cl == UnitClass::Date || unit.starts_with('分'))).then_some((at + len, UnitClass::Date))
        }
        UnitClass::Count => {
            // 1胜3负, 5胜2平1负: a win-loss record.
            if !matches!(unit_before.chars().last(), Some('胜' | '平')) {
                return None;
            }
            let num = number_at(chars, i).filter(|n| n.arabic)?;
            let next = chars.get(num.end)?.1;
            matches!(next, '负' | '平').then_some((num.end + 1, UnitClass::Count))
        }
        UnitClass::Measure => {
            // 6尺8寸, 2米03, 1小时20分钟
            let num = number_at(chars, i)?;
            if !num.arabic && !unit_before.ends_with('尺') {
                return None;
            }
            if unit_before.ends_with('米') && num.arabic && unit_at(text, chars, num.end).is_none() {
                return Some((num.end, UnitClass::Measure));
            }
            let (len, cl) = unit_at(text, chars, num.end)?;
            let unit = text.get(chars.b[num.end]..byte_at(text, chars, num.end + len))?;
            let ok = (unit_before.ends_with('尺') && unit == "寸") || (unit_before.ends_with("英尺") && unit == "英寸");
            ok.then_some((num.end + len, cl))
        }
        _ => None,
    }
}

fn subkind_of(class: UnitClass) -> Subkind {
    match class {
        UnitClass::Percent => Subkind::Percent,
        UnitClass::Money => Subkind::Money,
        UnitClass::Date => Subkind::Date,
        UnitClass::Measure | UnitClass::Count => Subkind::Quantity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_pairs_read_from_the_view() {
        let view = Chars::new("共3名", &[]);
        let cs = Cs { c: &view.c, b: &view.b };
        let pairs: Vec<(usize, char)> = "共3名".char_indices().collect();
        assert_eq!(cs.len(), pairs.len());
        for i in 0..=pairs.len() {
            assert_eq!(cs.get(i), pairs.get(i).copied(), "{i}");
            assert_eq!(cs.chars_from(i).map(<[char]>::len), Some(pairs.len() - i));
        }
        assert_eq!(cs.chars_from(pairs.len() + 1), None);
        assert_eq!(byte_at("共3名", cs, 3), "共3名".len());
    }

    fn figs(text: &str) -> Vec<&str> {
        find(text, &[]).iter().map(|e| e.span.slice(text)).collect()
    }

    #[test]
    fn amounts_percentages_dates() {
        assert_eq!(figs("公司去年营收达到8亿元，增长60.5%。"), ["8亿元", "60.5%"]);
        assert_eq!(figs("他在2019年6月加入，3月31日离开。"), ["2019年6月", "3月31日"]);
        assert_eq!(figs("共有3.4万个岗位"), ["3.4万个"]);
        assert_eq!(figs("房价1.8万元/平方米"), ["1.8万元/平方米"]);
    }

    #[test]
    fn ranges_and_compounds() {
        assert_eq!(figs("涨幅在4%-10%之间"), ["4%-10%"]);
        assert_eq!(figs("期限3-5年"), ["3-5年"]);
        assert_eq!(figs("身高6尺8寸(2米03)"), ["6尺8寸", "2米03"]);
        assert_eq!(figs("排名第28位"), ["第28位"]);
        assert_eq!(figs("《三年计划》用了5年"), ["5年"]);
        assert_eq!(figs("2009年第二季度"), ["2009年第二季度"]);
    }

    #[test]
    fn chinese_numerals_only_with_units() {
        assert_eq!(figs("等了两个月，又过了一个小时"), ["两个月", "一个小时"]);
        assert!(figs("这是第一次，一方面一直一定要统一").is_empty());
        assert!(figs("七国集团十分重视").is_empty());
    }

    #[test]
    fn no_numbers_glued_to_latin_and_no_panic() {
        assert!(figs("G20峰会").is_empty());
        for s in ["", "3", "第", "百分之", "3-", "3.", "2米", "１２％", "𠀀3𠀀年"] {
            let _ = figs(s);
        }
        assert_eq!(figs("１２％"), ["１２％"]);
    }
}
