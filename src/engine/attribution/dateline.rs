//! The dateline that opens a news report (新华网北京7月26日电, 新浪体育讯,
//! 中广网呼和浩特8月3日消息, 本报讯), or the picture mark (图) that ends a
//! headline. Articles pasted from archives often arrive
//! as one line, headline glued to the dateline; the dateline is where the
//! body begins, so no statement, subject or role reaches across it.

use super::text::{is_han, Text};

/// How far into the text a dateline may start (chars): after a headline only.
const MAX_START: usize = 120;

/// Words that end a dateline.
const ENDINGS: &[&str] = &["日电", "日消息", "日讯", "时消息", "体育讯", "娱乐讯", "财经讯", "科技讯", "教育讯", "游戏讯", "房产讯", "家居讯", "时尚讯", "汽车讯", "本报讯", "新闻讯"];

/// The first chars of [`ENDINGS`] (a test keeps them in step).
const ENDING_FIRST: [char; 13] = ['日', '时', '体', '娱', '财', '科', '教', '游', '房', '家', '汽', '本', '新'];

/// The char index where the opening dateline starts, when a headline comes
/// before it on the same line (so index > 0 and not right after a break).
pub fn start(t: &Text) -> Option<usize> {
    let n = t.len().min(MAX_START + 30);
    // 某某事件(图) / (组图): a headline's picture mark, the body right after it.
    // (Each place is tested on its char first: most chars open no listed word.)
    if let Some(i) = (1..n).find(|&i| matches!(t.c[i], '(' | '（') && ["(图)", "（图）", "(组图)", "（组图）"].iter().any(|w| t.at(i, w))) {
        let len = if t.at(i + 1, "组") { 4 } else { 3 };
        if i + len < t.len() && !super::text::is_para(t.c[i + len]) && (0..i).all(|k| !super::text::is_para(t.c[k])) {
            return Some(i + len);
        }
    }
    let (end, ending) = (0..n).filter(|&i| ENDING_FIRST.contains(&t.c[i])).find_map(|i| ENDINGS.iter().find(|w| t.at(i, w)).map(|w| (i, *w)))?;
    let after = t.c.get(end + ending.chars().count()).copied();
    let mut framed = after.is_none_or(|c| !is_han(c));
    // The date (7月26日, 2009年11月5日, 北京时间4月26日) before 电/消息/讯.
    let mut s = end + 1;
    if t.at(end, "日") || t.at(end, "时") {
        while s > 0 && (t.c[s - 1].is_ascii_digit() || matches!(t.c[s - 1], '月' | '日' | '年') || ('０'..='９').contains(&t.c[s - 1])) {
            s -= 1;
        }
        if t.ends_at(s, "北京时间") {
            s -= 4;
        } else if t.ends_at(s, "时间") {
            s -= 2;
        }
        // The place (北京, 呼和浩特, 俄罗斯叶卡捷琳堡): one jieba word of place names.
        if s > 0 && t.tag(s - 1) == "ns" {
            framed = true;
            s = t.tok_start(s - 1);
            if s > 0 && t.tag(s - 1) == "ns" {
                s = t.tok_start(s - 1);
            }
        }
    } else {
        // 新浪体育讯 / 本报讯: the outlet and section are the ending itself.
        framed = true;
        s = end;
        if t.at(end, "本报讯") {
            s = end;
        } else if t.ends_at(end, "新浪") || t.ends_at(end, "搜狐") || t.ends_at(end, "网易") || t.ends_at(end, "腾讯") {
            s = end - 2;
        }
    }
    // The outlet (中新网, 新华网, 人民网, 中新社, 本报): a short word ending in
    // 网/社/报/台, possibly with (微博) after it.
    let mut o = s;
    if t.ends_at(o, "(微博)") || t.ends_at(o, "（微博）") {
        o -= 4;
    }
    if o > 0 && matches!(t.c[o - 1], '网' | '社' | '报' | '台') {
        let k = t.tok_start(o - 1);
        if o - k >= 2 && o - k <= 6 {
            s = k;
            framed = true;
        }
    }
    // 7月26日电力供应: a date and 电… inside a sentence, not a dateline.
    if !framed {
        return None;
    }
    // Only a dateline after a headline on the same line is a new start.
    if s == 0 || s > MAX_START || !is_han(t.c[s - 1]) && !t.c[s - 1].is_ascii_alphanumeric() && !matches!(t.c[s - 1], '）' | ')' | '”' | '》') {
        return None;
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{dict, segment};

    fn at(text: &str) -> Option<String> {
        let jieba = dict::jieba();
        let tokens = segment::tag(&jieba, text);
        let chars = crate::engine::chars::Chars::new(text, &tokens);
        let t = Text::over(&chars);
        start(&t).map(|s| t.sub(s, t.len()).chars().take(8).collect())
    }

    #[test]
    fn ending_first_chars_cover_every_ending() {
        for w in ENDINGS {
            assert!(w.chars().next().is_some_and(|c| ENDING_FIRST.contains(&c)), "{w}");
        }
    }

    #[test]
    fn a_dateline_after_a_glued_headline() {
        assert_eq!(at("星河科技发布新电池新华网北京7月26日电 星河科技今天发布").as_deref(), Some("新华网北京7月2"));
        assert_eq!(at("主帅辞职球队陷入低谷新浪体育讯北京时间4月26日消息").as_deref(), Some("新浪体育讯北京时"));
        assert_eq!(at("楼市政策或将调整 房价小幅震荡2009年11月5日消息，住房").as_deref(), Some("2009年11月"));
    }

    #[test]
    fn a_picture_mark_ends_the_headline() {
        assert_eq!(at("星河公园的猫成了明星(图)据本地媒体报道，").as_deref(), Some("据本地媒体报道，"));
    }

    #[test]
    fn no_dateline_at_the_start_or_after_a_break() {
        assert_eq!(at("新华网北京7月26日电 星河科技今天发布"), None);
        assert_eq!(at("星河科技发布新电池\n新华网北京7月26日电 星河科技今天发布"), None);
        assert_eq!(at("他说7月26日电力供应恢复"), None);
    }
}
