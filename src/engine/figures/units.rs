//! Units that make a number a figure, by class, with longest-match lookup.

use crate::engine::lexicon::Trie;
use std::sync::OnceLock;

/// What kind of figure a unit makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitClass {
    /// %, ‰, 个百分点.
    Percent,
    /// 元, 美元, 欧元 …
    Money,
    /// 年, 月, 日, 点 …
    Date,
    /// Lengths, areas, weights, durations, scores: things that chain (6尺8寸).
    Measure,
    /// Counters: 个, 家, 只, 倍, 成 …
    Count,
}

const PERCENT: &[&str] = &["%", "％", "‰", "个百分点", "百分点"];
const MONEY: &[&str] = &[
    "元", "美元", "欧元", "日元", "英镑", "港元", "港币", "澳元", "加元", "卢布", "韩元", "人民币", "元人民币",
    "块钱", "美金", "新台币", "台币", "法郎", "瑞郎", "卢比", "令吉", "比索", "雷亚尔",
];
const DATE: &[&str] = &[
    "年", "年代", "年初", "年底", "年末", "年间", "月", "月份", "月初", "月底", "月末", "日", "号", "时", "点", "点钟",
    "季度", "世纪", "个季度", "周年",
];
const MEASURE: &[&str] = &[
    "米", "厘米", "毫米", "公里", "千米", "英里", "英尺", "英寸", "尺", "寸", "码", "海里", "平方米", "平米", "平方公里",
    "平方千米", "平方英尺", "亩", "公顷", "吨", "公斤", "千克", "克", "斤", "磅", "升", "毫升", "立方米", "度", "摄氏度",
    "分", "分钟", "秒", "秒钟", "小时", "个小时", "天", "周", "个星期", "星期", "个月", "个多月", "岁", "周岁", "载",
    "km", "kg", "GB", "TB", "MB", "千瓦", "兆瓦", "吉瓦", "千瓦时", "兆瓦时", "吉瓦时", "瓦时", "毫安时", "瓦", "伏", "赫兹", "帕", "分贝", "°", "℃", "°C", "mm", "cm",
    "Hz", "kHz", "MHz", "GHz", "W", "kW", "MW", "GW", "kWh", "MWh", "GWh", "mAh", "kV",
];
const COUNT: &[&str] = &[
    "个", "人", "人次", "名", "位", "家", "只", "支", "头", "条", "项", "件", "套", "台", "辆", "架", "艘", "部", "本", "篇",
    "张", "份", "次", "场", "场次", "轮", "届", "期", "批", "所", "座", "栋", "幢", "层", "户", "间", "处", "起", "例",
    "倍", "成", "折", "股", "手", "笔", "单", "款", "种", "枚", "颗", "粒", "瓶", "箱", "盒", "双", "对", "节", "集",
    "章", "页", "字", "票", "席", "帧", "像素", "个篮板", "篮板", "次助攻", "助攻", "球", "分球", "个球", "盘", "局",
    "针", "剂", "辆次", "架次", "班", "趟", "所学校", "个国家", "国", "省", "市", "县", "村", "元素", "吨级",
    "连胜", "连败", "胜", "负",
];

/// Every unit with its class, as a trie (longest match from a char).
fn table() -> &'static Trie<UnitClass> {
    static T: OnceLock<Trie<UnitClass>> = OnceLock::new();
    T.get_or_init(|| {
        // Later lists must not override earlier ones: 分 is a measure (score),
        // 个月 a duration (the trie keeps a word's first value).
        let lists = [
            (PERCENT, UnitClass::Percent),
            (MONEY, UnitClass::Money),
            (DATE, UnitClass::Date),
            (MEASURE, UnitClass::Measure),
            (COUNT, UnitClass::Count),
        ];
        Trie::new(lists.iter().flat_map(|&(list, class)| list.iter().map(move |&u| (u, class))))
    })
}

/// The longest unit starting at char index `i`: its length in chars and
/// class. One trie walk, where a lookup per candidate length hashed up to
/// the longest unit's length of strings at every number.
pub(crate) fn unit_at(text: &str, chars: super::Cs, i: usize) -> Option<(usize, UnitClass)> {
    let _ = text;
    let mut best = None;
    let rest = chars.chars_from(i)?;
    // A one-letter unit is a unit only when no letter follows it (120W, but
    // not the W of 3WAY). Longer ones are distinctive even when a product
    // name follows them (72mmUV, 18-55mmf/3.5).
    let ends_word = |n: usize| !(n == 1 && rest[0].is_ascii_alphabetic() && rest.get(1).is_some_and(|c| c.is_ascii_alphabetic()));
    table().each_match(rest.iter().copied(), |n, class| {
        if ends_word(n) {
            best = Some((n, class));
        }
    });
    best
}

/// Units that may follow a number written in Chinese numerals. The single
/// characters that double as word endings (十分, 一起, 三国, 一手, 两对) are
/// left out.
pub fn cn_numeral_ok(unit: &str, class: UnitClass) -> bool {
    match class {
        UnitClass::Percent | UnitClass::Money | UnitClass::Date => !matches!(unit, "时" | "点" | "号"),
        UnitClass::Measure => !matches!(unit, "分" | "度" | "尺" | "寸" | "码" | "克" | "升" | "秒" | "伏" | "瓦" | "帕" | "米"),
        UnitClass::Count => matches!(
            unit,
            "个" | "人" | "名" | "位" | "家" | "只" | "条" | "项" | "件" | "套" | "辆" | "倍" | "成" | "架"
                | "艘" | "所" | "座" | "人次" | "场" | "轮" | "批" | "个国家" | "张" | "折" | "连胜" | "连败"
        ),
    }
}
