//! Organizations: well-known names, jieba `nt` words, names ending in an
//! organization suffix (快手科技, 美国商务部, 青川市数据研究中心), units of a
//! known organization (商务部外贸司, 新浪体育), media in 《》 (from works).

use super::ctx::Ctx;
use crate::engine::chars::{mark, pos, tok, TokFacts};
use crate::engine::lexicon::{flag, KnownOrg, Words};
use crate::engine::lexicon::FxHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;
use crate::engine::model::{Entity, EntityKind, Subkind};
use crate::engine::segment::Token;
use crate::engine::span::{Span, SpanSet};

/// Words after 组织 that show it is the noun (世界卫生组织表示, 某组织和…),
/// whatever jieba tagged it.
const ORG_WORD_AFTER: &[&str] = &[
    "表示", "称", "说", "指出", "认为", "宣布", "发布", "发表", "强调", "呼吁", "警告", "透露", "介绍", "报告", "的", "和", "与", "及", "是",
];

/// Words after a name that show it acts as an organization (苹果公司, 联想方面).
const ORG_CONTEXT_AFTER: &[&str] = &[
    "公司", "集团", "方面", "官方", "旗下", "股价", "股份", "市值", "财报", "平台", "创始人", "董事长", "总裁", "CEO", "首席",
    "发言人", "报道", "消息", "援引", "发布",
];

/// Words that end like an organization but are ordinary words (全部, 格局, 冠军).
const NOT_ORG: &[&str] = &[
    "全部", "内部", "外部", "东部", "西部", "南部", "北部", "中部", "总部", "干部", "局部", "部分", "头部", "腹部", "胸部",
    "底部", "顶部", "背部", "面部", "尾部", "基部", "本部", "一部", "细部", "格局", "布局", "结局", "当局", "大局", "饭局",
    "赌局", "骗局", "政局", "时局", "开局", "出局", "残局", "终局", "部署", "公司", "上司", "好处", "到处", "处处", "坏处",
    "用处", "长处", "短处", "益处", "难处", "客厅", "餐厅", "大厅", "展厅", "球队", "军队", "部队", "排队", "车队", "团队",
    "梯队", "组队", "带队", "率队", "领队", "归队", "入队", "离队", "整队", "列队", "冠军", "亚军", "季军", "大军", "将军", "友军", "敌军", "参军", "联军", "主办", "举办", "创办",
    "承办", "开办", "兴办", "申办", "合办", "协办", "督办", "查办", "代办", "包办", "中心", "核心", "重心", "信心", "决心",
    "关心", "小心", "用心", "市中心", "报", "日报", "电报", "情报", "回报", "汇报", "举报", "预报", "申报", "通报", "画报",
    "海报", "快报", "简报", "公报", "喜报", "捷报", "警报", "年报", "季报", "月报", "周报", "财报", "晚报", "早报", "学报",
    "党", "政党", "入党", "建党", "全党", "死党", "朋党", "委", "局", "部", "厅", "署", "司", "办", "处", "队", "军", "网络", "变局", "困局", "乱局", "危局", "新局", "迷局", "全局", "棋局", "官司", "上司",
    "电子", "能源", "汽车", "基金", "银行", "保险", "证券", "科技", "投资", "资本", "地产", "物流", "娱乐", "传媒", "实业",
    "联盟", "协会", "学会", "商会", "工会", "集团", "控股", "股份", "电商", "零售", "商城", "超市", "百货", "商场", "酒店",
    "频道", "网站", "杂志", "周刊", "国会", "议会", "政府", "智库", "实验室", "学院", "大学", "中学", "小学", "医院",
    "俱乐部", "委员会", "基金会", "研究院", "研究所", "研究中心", "事务所", "工作室", "办公室", "联合会", "分公司",
    "子公司", "支行", "分行", "人大", "政协", "电信", "移动", "石油", "石化", "航空", "快递", "信托", "期货", "创投",
    "置业", "影业", "药业", "制药", "电器", "工场", "支队", "大队", "中队", "处长", "学会", "盎司",
    "随队", "领队", "归队", "离队", "入队", "购物中心", "党组织", "团组织", "基层组织", "基层党组织",
    "东部", "西部", "南部", "北部",
];

/// The word lists above as tries, built once.
struct Lists {
    not_org: Words,
    generic_head: Words,
    context_after: Words,
    walk_stop: Words,
    products: Words,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        not_org: Words::forward(NOT_ORG),
        generic_head: Words::forward(GENERIC_HEAD),
        context_after: Words::forward(ORG_CONTEXT_AFTER),
        walk_stop: Words::forward(WALK_STOP),
        products: Words::forward(PRODUCTS),
    })
}

/// Builds the word-list tries now (the engine does this at start-up).
pub fn warm_up() {
    lists();
}

/// Modifiers that begin a description, not a name (原中国银行 → 中国银行).
const HEAD_STOP: &[char] = &['原', '前', '现', '各', '全', '该', '本', '每', '某', '其', '此', '这', '那', '首', '多', '诸', '两', '他', '她', '我', '你', '贵'];

/// Modifiers that make a suffix word a category, not a name (上市公司, 商业银行).
const GENERIC_HEAD: &[&str] = &[
    "上市", "商业", "国有", "股份制", "开放式", "封闭式", "地方", "外资", "中资", "民营", "私营", "国立", "私立", "公立",
    "理工", "医科", "师范", "房地产", "医保", "社保", "养老", "投资", "证券", "货币", "指数", "保险", "信托", "金融",
    "科技", "互联网", "大型", "小型", "中小", "各大", "有关", "相关", "主要", "这家", "一家", "多家", "其他", "当地",
    "海外", "境外", "境内", "国外", "外国", "跨国", "合资", "独资", "控股", "子", "母", "总", "分", "该", "本", "贸易",
    "外贸", "物流", "咨询", "高", "新一轮", "高水平", "国防", "电商", "中介", "经纪", "担保", "小额贷款", "村镇", "农村", "城市", "城商", "股票", "债券", "混合",
    "QDII", "ETF", "LOF", "货币市场", "私募", "公募", "创业", "风险", "科研", "高等", "职业", "综合", "重点", "名牌",
    "恐怖", "国际", "非政府", "社会", "民间", "地区", "区域", "武装", "反对", "执政", "在野", "各", "两", "学生", "青年",
    "妇女", "少年", "基层", "犯罪", "黑社会", "极端", "公益", "慈善", "军事", "利益", "官立", "公办", "民办",
    "日用", "实木", "红木", "板式", "古典", "品牌", "国产", "进口", "欧式", "中式", "美式",
];

/// True when word `w` (an organization suffix starting at byte `i`) is an
/// ordinary word: a one-char suffix ending a common word (大变局 ends in 变局,
/// 中东部 in 东部), or a modifier in front (每盎司, 各部).
fn ordinary_word(ctx: &Ctx, w: &str, i: usize) -> bool {
    let _ = ctx;
    let one_char = w[i..].chars().count() == 1;
    let last2 = w.char_indices().rev().nth(1).map_or("", |(p, _)| &w[p..]);
    one_char && lists().not_org.contains(last2) || w.starts_with(HEAD_STOP)
}

/// True when `head` + `suffix` names a kind of organization, not one (上市公司,
/// 开放式基金, 美国大学).
fn generic_name(ctx: &Ctx, head: &str, suffix: &str) -> bool {
    lists().generic_head.contains(head)
        || ctx.lx.is_not_name(head)
        || ctx.lx.is_place(head)
            && !ctx.lx.is_region(head)
            && matches!(
                suffix,
                "大学" | "学院" | "银行" | "公司" | "企业" | "基金" | "中学" | "小学" | "医院" | "科技" | "网络" | "物流"
                    | "能源" | "电子" | "汽车" | "电商" | "零售" | "资本" | "实业" | "娱乐" | "传媒"
            )
}

/// Function characters jieba may glue to the front of an unknown name.
const GLUED_FUNCTION: &[char] = &['由', '了', '在', '与', '和', '对', '向', '从', '把', '被', '的', '是', '将', '及', '为', '给', '让', '据'];

/// Tags of proper names: a company name needs one of these in its head.
fn is_proper_tag(tag: &str) -> bool {
    // Not `j`: jieba tags many common abbreviations so (房地产/j).
    matches!(tag, "ns" | "nt" | "nz" | "nr" | "nrt" | "nrfg" | "eng")
}

/// A Han word outside jieba's dictionary (tag `x` but not punctuation).
fn is_oov_word(t: &Token) -> bool {
    t.tag == "x" && t.chars >= 2 && t.word.chars().all(super::ctx::is_han)
}

/// Words that are never inside an organization's name, however jieba tags
/// them: the verb before it (会见, 祝贺, 出席 …).
const WALK_STOP: &[&str] = &[
    "会见", "会晤", "出席", "祝贺", "热烈祝贺", "致电", "致信", "复信", "贺信", "访问", "考察", "接见", "看望", "宴请",
    "抗议", "曝光", "加盟", "加入", "离开", "前往", "代表", "率领", "愿同", "同", "与",
    // Results between two teams (甲队战胜乙队).
    "战胜", "击败", "不敌", "负于", "迎战", "对阵", "力克", "逼平", "战平", "输给", "淘汰",
];

/// Product words a home-furnishing brand is named with (org_suffixes.txt).
const PRODUCTS: &[&str] = &["瓷砖", "陶瓷", "卫浴", "洁具", "地板", "橱柜", "家具", "床垫", "涂料", "门业", "木业", "灯饰", "厨电", "家居", "建材"];

/// Nouns after 中心 that make it mean "central" (中心任务, 中心城市).
const CENTRAL: &[&str] = &["任务", "工作", "环节", "城市", "城区", "地带", "地位", "位置", "议题", "问题", "作用", "思想", "内容", "位置"];

/// Verbs that are words of institution names (巴塞罗那自治大学, 某某开发建设
/// 管理委员会); any other verb after a name is the predicate (某国成为…组织).
const NAME_VERBS: &[&str] = &[
    "自治", "联合", "合作", "开发", "建设", "管理", "监督", "发展", "研究", "指挥", "保护", "解放", "改革", "交流", "促进",
    "服务", "救助", "援助", "检验", "检测", "监测",
];

/// Verbs that end the head of a body's name, right before its suffix
/// (彩票发行中心, 犯罪侦查局, 综合执法局, 执行委员会).
const SUFFIX_VERBS: &[&str] = &["发行", "执法", "侦查", "稽查", "监察", "执行", "审批", "规划", "保障", "开发", "建设", "管理", "监督", "研究", "指挥", "保护", "促进", "服务", "检验", "检测", "监测"];

/// An attribute word (公共, 国立) or a verb of [`NAME_VERBS`] that may stand
/// inside a name, between a proper name and the rest.
fn bridge_word(t: &Token) -> bool {
    t.word.chars().count() == 2 && (t.tag == "b" || t.tag == "v" && NAME_VERBS.contains(&t.word))
}

/// Tags a multi-word organization name may be built from.
fn is_name_tag(tag: &str) -> bool {
    is_proper_tag(tag) || matches!(tag, "n" | "nw" | "l" | "j")
}

/// Finds organizations; `works` carries the media already found in 《》.
pub fn find(ctx: &Ctx, works: &[Entity]) -> Vec<Entity> {
    let mut out = Vec::new();
    let toks = ctx.tokens;
    let push = |out: &mut Vec<Entity>, a: usize, b: usize, sub: Subkind| {
        if a < b {
            out.push(Entity { kind: EntityKind::Organization, subkind: Some(sub), span: Span::new(a, b) });
        }
    };
    let work_spans = SpanSet::new(works.iter().filter(|w| w.kind == EntityKind::Work).map(|w| w.span));
    let in_work = |span: Span| work_spans.overlaps(span);
    // Tokens that may name the outlet of a dateline, noted in this pass for
    // `media_sources` (a second pass over every token's facts cost more).
    let mut outlets = Vec::with_capacity(ctx.chars.facts.len() / 8);
    for (k, f) in ctx.chars.facts.iter().enumerate() {
        if may_be_dateline_outlet(f) {
            outlets.push(k);
        }
        // Most tokens can start or end no organization: the token itself is not read.
        let known = f.first & flag::ORG_FIRST != 0;
        let suffix = (f.last & flag::SUFFIX_LAST != 0 || f.bits & tok::LAST_ZHANG != 0) && f.pos & pos::X == 0 && f.bits & tok::LONG == 0;
        if !known && !suffix && f.bits & tok::FANG_AFTER == 0 && f.pos & pos::NT == 0 {
            continue;
        }
        // 1. Well-known names, aligned on token boundaries, longest first.
        if let Some((end, _, org)) = known.then(|| known_at(ctx, k)).flatten() {
            let span = Span::new(toks[k].span.start, end);
            if !org.ambiguous || has_org_context(ctx, span) {
                // 新浪体育: the unit as written, not also the bare portal name inside it.
                let unit_follows = matches!(org.subkind, Subkind::Media | Subkind::Company)
                    && ["体育", "财经", "科技", "娱乐", "新闻", "汽车", "视频", "房产", "中国"].iter().any(|u| ctx.after(span.end).starts_with(u));
                if !unit_follows {
                    push(&mut out, span.start, span.end, org.subkind);
                }
                // A country's own party, army or ministry (智利共产党, 美国国防部):
                // the place written right before a public body is part of its name.
                if org.subkind == Subkind::Government && k > 0 {
                    let p = &toks[k - 1];
                    if p.span.end == span.start && p.tag == "ns" && ctx.lx.is_place(p.word) {
                        push(&mut out, p.span.start, span.end, org.subkind);
                    }
                }
                // A unit of a known media or portal: 新浪体育, 腾讯科技.
                if matches!(org.subkind, Subkind::Media | Subkind::Company) {
                    let after = ctx.after(end);
                    if let Some(unit) = ["体育", "财经", "科技", "娱乐", "新闻", "汽车", "视频", "房产", "中国"].iter().find(|u| after.starts_with(*u)) {
                        push(&mut out, span.start, end + unit.len(), Subkind::Media);
                    }
                }
            }
        }
        let t = &toks[k];
        // 1b. X方面表示: a name speaking as a body.
        if let Some(sub) = (f.bits & tok::FANG_AFTER != 0).then(|| speaks_as_body(ctx, k)).flatten() {
            push(&mut out, t.span.start, t.span.end, sub);
        }
        // 2. jieba's organization tag, when the word also looks like one.
        if f.pos & pos::NT != 0 && !in_work(t.span) {
            if let Some(sub) = nt_subkind(ctx, t) {
                push(&mut out, t.span.start, t.span.end, sub);
            }
        }
        // 3. A name ending in an organization suffix.
        if let Some((sub, end)) = suffix.then(|| suffix_token(ctx, k)).flatten() {
            // 国华置业 inside 国华置业有限公司: only the full name.
            let inner = end == t.span.end
                && toks.get(k + 1).is_some_and(|n| matches!(n.word, "有限公司" | "股份有限公司" | "公司" | "集团" | "控股" | "股份" | "有限" | "有限责任公司"));
            if let Some(start) = head_start(ctx, k, sub, end).filter(|_| !inner) {
                push(&mut out, start, end, sub);
            }
        }
    }
    // Media named in 《》 (works.rs decided from the context).
    out.extend(works.iter().filter(|e| e.kind == EntityKind::Organization).cloned());
    let named = national_bodies(ctx, &out);
    out.extend(named);
    out.extend(media_sources(ctx, &outlets));
    let listed = list_members(ctx, &out);
    out.extend(listed);
    drop_clipped(ctx, &mut out);
    out
}

/// One-char country abbreviations written before a body (黎真主党, 叙政府).
const COUNTRY_ABBR: &[char] = &[
    '美', '俄', '英', '法', '德', '日', '韩', '朝', '印', '巴', '以', '伊', '叙', '黎', '乌', '土', '埃', '沙', '澳', '加',
    '意', '越', '泰', '菲', '墨',
];

/// Bodies whose country is written before them and is part of the name as
/// the text gives it: a place (黎巴嫩公共卫生部, also with an attribute word
/// between) or a one-char country abbreviation cut off by jieba (黎 | 真主党);
/// and a body named inside another one (联合国 | 世界旅游组织).
fn national_bodies(ctx: &Ctx, orgs: &[Entity]) -> Vec<Entity> {
    let toks = ctx.tokens;
    let mut out = Vec::new();
    for o in orgs.iter().filter(|o| o.subkind == Some(Subkind::Government) || o.subkind == Some(Subkind::Other)) {
        let Some(k) = ctx.token_starting(o.span.start) else { continue };
        let prev = k.checked_sub(1).map(|i| &toks[i]);
        let start = match prev {
            // (A two-char body is often a side's army or office, 乌军 in 顿涅茨克乌军.)
            Some(p) if ctx.lx.is_place(p.word) && o.subkind == Some(Subkind::Government) && o.span.len() >= 9 => Some(p.span.start),
            Some(p) if p.word.chars().count() == 1 && p.word.starts_with(COUNTRY_ABBR) && (k < 2 || toks[k - 2].tag == "x") => Some(p.span.start),
            Some(p) if matches!(p.tag, "b" | "vn") && p.word.chars().count() == 2 && k >= 2 && ctx.lx.is_place(toks[k - 2].word) => {
                Some(toks[k - 2].span.start)
            }
            _ => None,
        };
        if let Some(start) = start {
            out.push(Entity { kind: EntityKind::Organization, subkind: o.subkind, span: Span::new(start, o.span.end) });
        }
        // 俄罗斯驻英国大使馆: a mission is named by the country it represents.
        let mission = ["使馆", "领事馆", "代表处"].iter().any(|w| ctx.slice(o.span.start, o.span.end).ends_with(w));
        if mission && k >= 2 && toks[k - 1].word == "驻" && ctx.lx.is_place(toks[k - 2].word) {
            out.push(Entity { kind: EntityKind::Organization, subkind: o.subkind, span: Span::new(toks[k - 2].span.start, o.span.end) });
        }
    }
    // 联合国世界旅游组织: a body of a known organization, written together.
    // (The organizations by start, in their order within a start: pairing
    // each with every other one was quadratic in a long list of names.)
    let mut by_start: Vec<(usize, usize)> = orgs.iter().enumerate().map(|(i, o)| (o.span.start, i)).collect();
    by_start.sort_unstable();
    for a in orgs {
        let from = by_start.partition_point(|&(s, _)| s < a.span.end);
        let starting = by_start[from..].iter().take_while(|&&(s, _)| s == a.span.end).map(|&(_, i)| &orgs[i]);
        for b in starting {
            crate::engine::work::add(1);
            let joined = ctx.slice(a.span.start, b.span.end);
            let body = ctx.lx.org_suffix_at_end(ctx.slice(b.span.start, b.span.end)).is_some();
            if body && joined.chars().count() <= 16 && ctx.lx.known_org(ctx.slice(a.span.start, a.span.end)).is_some() {
                out.push(Entity { kind: EntityKind::Organization, subkind: b.subkind, span: Span::new(a.span.start, b.span.end) });
            }
        }
    }
    out
}

/// True when token facts `f` allow the token to be a dateline's outlet
/// (某某网, 某某社): 网 and 社 end organization suffixes (新闻网, 报社: a test
/// checks), and the tags are proper or noun classes.
fn may_be_dateline_outlet(f: &TokFacts) -> bool {
    f.last & flag::SUFFIX_LAST != 0 && f.pos & (pos::NZ | pos::NT | pos::X | pos::NOUNISH) != 0
}

/// Outlets named where a report is credited: 据台湾“某某新闻网”报道 (the name
/// in quotation marks), and the dateline 某某网北京7月10日消息 / 某某社8月4日电
/// (its outlet among the tokens `outlets`, in text order, which
/// [`may_be_dateline_outlet`] allows).
fn media_sources(ctx: &Ctx, outlets: &[usize]) -> Vec<Entity> {
    let mut out = Vec::new();
    let media = |a: usize, b: usize| Entity { kind: EntityKind::Organization, subkind: Some(Subkind::Media), span: Span::new(a, b) };
    // The “ in text order, from the char view's quotation marks: the same
    // offsets as `text.match_indices('“')`, whose byte search for '“' stops
    // at every char sharing its last UTF-8 byte (most of a Chinese text).
    let opening = ctx.chars.marks_of(mark::QUOTE).filter(|&ci| ctx.chars.c[ci] == '“').map(|ci| ctx.chars.b[ci]);
    for q in opening {
        let inner = q + '“'.len_utf8();
        let Some(len) = ctx.after(inner).char_indices().take(13).find(|&(_, c)| c == '”').map(|(i, _)| i) else { continue };
        let close = inner + len + '”'.len_utf8();
        let after = ctx.after(close);
        // The clause before the mark opens with 据 (据台湾“…”报道).
        let before = ctx.before(q);
        let ju = before.char_indices().rev().take(6).find(|&(_, c)| c == '据').is_some_and(|(i, _)| {
            ctx.slice(i, q).chars().all(super::ctx::is_han)
        });
        if len > 0 && ju && ["报道", "消息", "称", "援引", "披露"].iter().any(|w| after.starts_with(w)) {
            out.push(media(inner, inner + len));
        }
    }
    // Datelines: the outlet token right before [place] + date + 电/消息/讯.
    for &k in outlets {
        let t = &ctx.tokens[k];
        // (The token's char count and last char come from the char view:
        // counting and decoding them for every token cost more than the rest
        // of this scan.)
        // (Two chars for a site only, 红网9月24日讯; 该社 refers back.)
        let last = ctx.chars.c[t.at + t.chars - 1];
        if t.chars < 2 || t.chars == 2 && (last != '网' || matches!(ctx.chars.c[t.at], '该' | '本' | '此')) || !matches!(last, '网' | '社') || !matches!(t.tag, "nz" | "nt" | "x" | "n" | "j") {
            continue;
        }
        let mut rest = ctx.after(t.span.end);
        if let Some(p) = ctx.tokens.get(k + 1).filter(|p| p.tag == "ns") {
            rest = ctx.after(p.span.end);
        }
        let date_len = rest.char_indices().take_while(|&(_, c)| c.is_ascii_digit() || matches!(c, '月' | '日')).last().map_or(0, |(i, c)| i + c.len_utf8());
        let dated = date_len > 0 && rest[..date_len].ends_with('日');
        if dated && ["电", "消息", "讯"].iter().any(|w| rest[date_len..].starts_with(w)) {
            out.push(media(t.span.start, t.span.end));
        }
    }
    out
}

/// Drops organizations that are the tail of a longer one ending at the same
/// place (信息化部 in 工业和信息化部, 商务部 in 美国商务部), and names cut out of
/// a number (十国集团 in 二十国集团): each surface form is counted as written.
fn drop_clipped(ctx: &Ctx, out: &mut Vec<Entity>) {
    // Earliest start of any organization ending at each end offset: one pass, then O(1) checks.
    // (Sized for every organization up front: grown by inserts, it was rehashed several times.)
    let mut first_start: HashMap<usize, usize, BuildHasherDefault<FxHasher>> = HashMap::with_capacity_and_hasher(out.len(), Default::default());
    for e in out.iter() {
        let v = first_start.entry(e.span.end).or_insert(e.span.start);
        *v = (*v).min(e.span.start);
    }
    out.retain(|e| {
        let longer = first_start.get(&e.span.end).is_some_and(|&s| s < e.span.start);
        let cut_number = ctx.char_before(e.span.start).is_some_and(is_numeral) && ctx.char_at(e.span.start).is_some_and(is_numeral);
        !longer && !cut_number
    });
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二两三四五六七八九十百千万亿".contains(c)
}

/// Items of 、-lists in which most items are already organizations: the
/// others are organizations too (甲平台、乙平台、某新平台等).
fn list_members(ctx: &Ctx, orgs: &[Entity]) -> Vec<Entity> {
    // The first organization ending at each place, and every organization's
    // span: looked up per list item (a scan of all organizations per item was
    // quadratic in a long list).
    let mut first_ending: HashMap<usize, Span, BuildHasherDefault<FxHasher>> = HashMap::with_capacity_and_hasher(orgs.len(), Default::default());
    for o in orgs {
        first_ending.entry(o.span.end).or_insert(o.span);
    }
    let spans: std::collections::HashSet<Span, BuildHasherDefault<FxHasher>> = orgs.iter().map(|o| o.span).collect();
    let org_ending = |b: usize| first_ending.get(&b).copied();
    let mut out = Vec::new();
    let mut items: Vec<(Span, bool)> = Vec::new();
    let flush = |items: &mut Vec<(Span, bool)>, out: &mut Vec<Entity>| {
        let known = items.iter().filter(|i| i.1).count();
        if items.len() >= 3 && known * 2 > items.len() {
            for &(span, is_org) in items.iter() {
                let w = ctx.slice(span.start, span.end);
                let n = w.chars().count();
                if !is_org && (2..=5).contains(&n) && w.chars().all(super::ctx::is_han) && !w.contains(['的', '了', '是', '在']) {
                    out.push(Entity { kind: EntityKind::Organization, subkind: Some(Subkind::Company), span });
                }
            }
        }
        items.clear();
    };
    for ci in ctx.chars.marks_of(mark::LIST) {
        let (p, c) = (ctx.chars.b[ci], ctx.chars.c[ci]);
        if c != '、' {
            continue;
        }
        let after = p + c.len_utf8();
        if items.last().is_none_or(|l: &(Span, bool)| l.0.end != p) {
            flush(&mut items, &mut out);
            // The item before the first separator: an organization, or the word there.
            let left = org_ending(p).map(|s| (s, true)).or_else(|| {
                let k = ctx.tokens.binary_search_by_key(&p, |t| t.span.end).ok()?;
                Some((ctx.tokens[k].span, false))
            });
            match left {
                Some(l) => items.push(l),
                None => continue,
            }
        }
        // The item after: up to the next separator or list end, at most 8 chars.
        let rest = ctx.after(after);
        let len = rest
            .char_indices()
            .take(9)
            .find(|&(_, ch)| matches!(ch, '、' | '，' | '。' | '等' | '和' | '及' | '与' | ',' | '；' | ';' | '）' | ')' | '\n' | '：' | '”'))
            .map(|(i, _)| i);
        let Some(len) = len.filter(|&l| l > 0) else {
            flush(&mut items, &mut out);
            continue;
        };
        let span = Span::new(after, after + len);
        let is_org = spans.contains(&span);
        crate::engine::work::add(1);
        items.push((span, is_org));
    }
    flush(&mut items, &mut out);
    out
}

/// The longest well-known organization starting at token `k`, ending on a
/// token boundary: (its byte end, index of its last token, entry).
fn known_at(ctx: &Ctx, k: usize) -> Option<(usize, usize, KnownOrg)> {
    let toks = ctx.tokens;
    // (The caller tested the first char's ORG_FIRST flag: the walk's first
    // step can succeed.)
    // One walk through the lexicon over up to five tokens: a name ends at
    // a token end, and no name goes on once the walk leaves the lexicon.
    let mut walk = ctx.lx.org_cursor();
    let mut best = None;
    // The tokens' chars from the char view, not decoded again from the
    // text: jieba's tokens follow each other without gaps, so the chars
    // from one token's end to the next one's are that token's.
    let c = &ctx.chars.c;
    for (m, t) in toks.iter().enumerate().skip(k).take(5) {
        let Some(w) = c.get(t.at..t.at + t.chars) else { break };
        // jieba glues a following 等/和/与 onto a name's last char (工业和信息化部 | 部等,
        // 商务部和): the name then ends inside the token, before that char.
        if m > k && w.len() == 2 && is_glued_after(w[1]) && walk.step(w[0]) {
            if let Some(org) = walk.value() {
                return Some((t.span.start + w[0].len_utf8(), m, org));
            }
            break;
        }
        if !w.iter().all(|&ch| walk.step(ch)) {
            break;
        }
        if let Some(org) = walk.value() {
            best = Some((t.span.end, m, org));
        }
    }
    best
}

/// Function chars jieba may glue onto the last char of the word before them.
fn is_glued_after(c: char) -> bool {
    matches!(c, '等' | '和' | '与' | '及' | '将' | '也' | '已' | '于' | '对' | '在' | '就' | '还' | '都')
}

/// Context that makes an ambiguous name (苹果, 联想) an organization.
fn has_org_context(ctx: &Ctx, span: Span) -> bool {
    let after = ctx.after(span.end);
    if lists().context_after.starts(after) {
        return true;
    }
    // Team names that are also words (热火, 爵士) in a text about sport.
    if ctx.sports {
        if let Some(o) = ctx.lx.known_org(ctx.slice(span.start, span.end)) {
            if o.subkind == Subkind::Other {
                return true;
            }
        }
    }
    let before = ctx.before(span.start);
    before.ends_with('据') || before.ends_with('《') || after.starts_with('》')
}

/// Subkind of an `nt` token that looks like an organization, or `None`.
fn nt_subkind(ctx: &Ctx, t: &Token) -> Option<Subkind> {
    let w = t.word;
    if t.chars < 2 || lists().not_org.contains(w) {
        return None;
    }
    // jieba sometimes tags a preposition + noun as nt (对外部).
    if w.starts_with(['对', '向', '从', '在', '给', '把', '被', '与', '和', '及']) {
        return None;
    }
    if let Some(org) = ctx.lx.known_org(w) {
        return Some(org.subkind);
    }
    // 中央政治局常委 names a post, not a body.
    if ctx.lx.title_at_end(w).is_some() {
        return None;
    }
    if let Some((i, sub)) = ctx.lx.org_suffix_at_end(w) {
        if several_missions(w) {
            return None;
        }
        if i > 0 && !generic_name(ctx, &w[..i], &w[i..]) && !ordinary_word(ctx, w, i) {
            return Some(sub);
        }
    }
    if w.ends_with('网') || w.ends_with("社") || w.ends_with("台") {
        return Some(Subkind::Media);
    }
    None
}

/// If token `k` ends an organization name (is a suffix, or a word ending in
/// one), its subkind and the byte end of the name.
fn suffix_token(ctx: &Ctx, k: usize) -> Option<(Subkind, usize)> {
    let t = &ctx.tokens[k];
    let w = t.word;
    // The caller read the token's facts: not tagged x, at most eight chars,
    // and ending in an organization suffix's last char or in 长 (部长), as
    // every case below needs.
    // The longest suffix the word ends with, from one walk of the suffix
    // trie: it starts at 0 exactly when the word is a suffix itself (what
    // `org_suffix(w)` answers, with the same subkind), and it is reused below.
    let at_end = ctx.lx.org_suffix_at_end(w);
    if let Some((0, sub)) = at_end {
        // A bare one-char suffix (部, 局) only after a name-like token: handled by head_start.
        return Some((sub, t.span.end));
    }
    // 部长/局长: the body is the suffix char (美国国安部长 → 美国国安部).
    if matches!(w, "部长" | "局长" | "厅长" | "署长" | "司长") {
        // Only after a proper name (美国国安部长), and not after the body itself (法律司司长).
        let prev = ctx.tokens.get(k.checked_sub(1)?)?;
        if !matches!(prev.tag, "ns" | "nz" | "nt" | "j") || prev.word.ends_with(&w[..3]) {
            return None;
        }
        let ch = w.chars().next()?;
        let sub = ctx.lx.org_suffix(&w[..ch.len_utf8()])?;
        return Some((sub, t.span.start + ch.len_utf8()));
    }
    // Person names ending like a suffix (彭小军) are people. Cheap checks first: this runs
    // for every token.
    if !is_name_tag(t.tag) || matches!(t.tag, "nr" | "nrt" | "nrfg") {
        return None;
    }
    let (i, sub) = at_end?;
    if lists().not_org.contains(w) || ctx.lx.title_at_end(w).is_some() {
        return None;
    }
    if w.starts_with(['对', '向', '从', '在', '给', '把', '被', '与', '和', '及']) || w.ends_with("官司") || w.ends_with("上司") {
        return None;
    }
    // The word itself carries a name before the suffix (移民局, 经济部). A one-char suffix
    // ending a two-char word is usually just a word (官司, 变局), also inside a longer one
    // (大变局, 战略部署).
    let suffix_chars = w[i..].chars().count();
    if i == 0 || (suffix_chars == 1 && w.chars().count() < 3) {
        return None;
    }
    if ordinary_word(ctx, w, i) || generic_name(ctx, &w[..i], &w[i..]) {
        return None;
    }
    Some((sub, t.span.end))
}

/// Start of the organization name ending with suffix token `k` at byte
/// `end`: walks back over name-like tokens, then starts the name at the first
/// proper or well-known word (通告美国司法部 → 美国司法部). `None` when no
/// plausible name.
fn head_start(ctx: &Ctx, k: usize, sub: Subkind, end: usize) -> Option<usize> {
    let toks = ctx.tokens;
    let suffix_word = ctx.slice(toks[k].span.start, end);
    let suffix_whole = ctx.lx.org_suffix(suffix_word).is_some();
    let is_known = |w: &str| ctx.lx.known_org(w).is_some_and(|o| !o.ambiguous) || ctx.lx.is_place(w);
    // An out-of-dictionary Han word (jieba's HMM grouped it; tag x) is a name too (鹏华).
    // Only right before the suffix, where it is the name itself (鹏华 | 基金), not a
    // jargon word further out (建仓 | 指数 | 基金).
    // 国际 opens an international body's name (国际移民组织, 国际能源机构).
    let international = |w: &str| w == "国际" && matches!(suffix_word, "组织" | "机构");
    let is_proper = |t: &Token| is_proper_tag(t.tag) || is_known(t.word) || international(t.word);
    let mut j = k;
    while j > 0 && k - j < 4 {
        let p = &toks[j - 1];
        let w = p.word;
        let name_like = is_name_tag(p.tag) || is_known(w) || is_oov_word(p) || matches!(w, "有限" | "股份" | "责任" | "有限责任")
            // 京东零售集团: a verbal noun right after a proper name.
            // 京东零售集团, 文化市场综合执法局: verbal nouns inside a longer name.
            || p.tag == "vn"
            // 巴塞罗那自治大学, 黎巴嫩公共卫生部: a verb or attribute word
            // between a proper name and the rest.
            // (Or between plain nouns of a longer name, right before the
            // suffix: 福利彩票发行中心, 经济犯罪侦查局, 综合执法局.)
            || (bridge_word(p) && j >= 2 && is_proper(&toks[j - 2]) && !matches!(toks[j - 2].tag, "nr" | "nrfg" | "nrt"))
            || (j == k && j >= 2 && p.tag == "v" && SUFFIX_VERBS.contains(&w) && (is_name_tag(toks[j - 2].tag) || toks[j - 2].tag == "vn") && !matches!(toks[j - 2].tag, "nr" | "nrfg" | "nrt"))
            // 伊朗|原子能|组织, 国际|移民|组织: one plain noun saying what an
            // international or national body works on, after a place or 国际.
            || (matches!(suffix_word, "组织" | "机构") && j == k && p.tag == "n" && j >= 2 && {
                let q = &toks[j - 2];
                international(q.word) || ctx.lx.is_place(q.word)
            });
        // A dateline (…日讯, …日电) ends before the name.
        let dateline = w.ends_with('讯') || w.ends_with("日电") || w.eq_ignore_ascii_case("vs");
        // Verbs of diplomacy and greeting (jieba tags 会见 n here) end the
        // name: 某某会见 | 某国某党.
        if lists().walk_stop.contains(w) {
            break;
        }
        if !name_like || dateline || ctx.lx.is_title(w) || w.starts_with(HEAD_STOP) || end - p.span.start > 16 * 3 {
            break;
        }
        j -= 1;
    }
    // An out-of-dictionary Han word (jieba's HMM grouped it; tag x) is a name
    // too (鹏华 | 基金, 德和永道 | 投资 | 咨询 | 公司): right before the suffix, or
    // opening a clause; not a jargon word further in (建仓 | 指数 | 基金).
    let is_proper_at = |i: usize| {
        let t = &toks[i];
        let opens = i == j && clause_open(ctx, j) && t.word.chars().count() >= 3;
        // (Not two chars that jieba's HMM grouped across a verb or a
        // function word: 诉至|法院, 后经|医院, 先到|街道办事处.)
        let clause_glue = t.chars == 2 && t.word.starts_with(['诉', '后', '先', '经', '几', '配', '到', '去', '来', '叫', '放', '被', '把', '向', '从', '由', '在', '于', '据', '跟', '给', '让']);
        let oov_name = is_oov_word(t) && !clause_glue && !lists().generic_head.contains(t.word) && (i + 1 == k || opens);
        is_proper_tag(t.tag) || is_known(t.word) || oov_name || international(t.word)
    };
    // A brand named with its product (某某瓷砖): the brand is the one proper
    // or unknown word right before the product word, opening its phrase
    // (after punctuation, a conjunction or a place); 实木地板, 福建省陶瓷 and
    // 购某某地板 are not brands.
    if lists().products.contains(suffix_word) {
        let h = k.checked_sub(1)?;
        let b = &toks[h];
        let n = b.word.chars().count();
        let brand = matches!(b.tag, "nz" | "nr" | "nrt" | "x" | "eng" | "nt")
            && (2..=4).contains(&n)
            && !ctx.lx.is_place(b.word)
            && !lists().generic_head.contains(b.word)
            && !lists().not_org.contains(b.word);
        let before = h.checked_sub(1).map(|i| &toks[i]);
        let opens = before.is_none_or(|p| matches!(p.tag, "x" | "c" | "p" | "v") || matches!(p.word, "、" | "和" | "及" | "与"));
        let place = before.filter(|p| ctx.lx.is_place(p.word));
        // (Materials and grades are no brand: 实木, 红木, 日用, 卫生.)
        let material = ["实木", "红木", "板式", "日用", "卫生", "这套", "那套", "五折", "大家"].iter().any(|w| b.word.contains(w));
        return match (brand && !material, opens, place) {
            (true, _, Some(p)) => Some(p.span.start),
            // 购|某某地板: jieba glued the verb before the brand onto it.
            (true, true, None) if b.word.starts_with(['购', '买', '自', '使', '从', '以', '到', '选']) && n >= 3 => {
                Some(b.span.start + b.word.chars().next().map_or(0, char::len_utf8))
            }
            (true, true, None) => Some(b.span.start),
            _ => None,
        };
    }
    let first_proper = (j..k).find(|&i| is_proper_at(i));
    // A person's name further out, with common nouns between it and another
    // proper name, is the headline's subject, not the body's first word
    // (某某集训敬业 | 新浪 | 娱乐讯): the name starts at the later one.
    let first_proper = first_proper.map(|f| {
        let later = (f + 1..k).find(|&i| is_proper_at(i) && !toks[i - 1].tag.starts_with("nr"));
        // (A Chinese full name only, surname and two chars: 方太 | 集团 |
        // 杭州 | 分公司 and 帕尔马 | 大学 | 孔子 | 学院 keep their first word.)
        let full_name = matches!(toks[f].tag, "nr" | "nrfg") && toks[f].chars == 3 && ctx.lx.surname_at_start(toks[f].word).is_some();
        match later {
            Some(i) if full_name && i > f + 1 => i,
            _ => f,
        }
    });
    // 维拓|时代|建筑设计|有限公司: a registered company's name opens with its
    // trade name, here the unknown word nearest the suffix.
    let registered = matches!(suffix_word, "有限公司" | "股份有限公司" | "有限责任公司" | "集团有限公司" | "股份公司");
    let first_proper = first_proper.or_else(|| registered.then(|| (j..k).rev().find(|&i| is_oov_word(&toks[i]) && !lists().generic_head.contains(toks[i].word))).flatten());
    let generic_ok = matches!(sub, Subkind::Government) || matches!(suffix_word, "研究中心" | "中心" | "委员会" | "研究院" | "研究所");
    // 政府 names one body only after a proper name (以色列政府); 地方政府 is a category.
    if suffix_word == "政府" && first_proper.is_none() {
        return None;
    }
    let start = match first_proper {
        Some(i) => toks[i].span.start,
        // No proper name: a public body may be descriptive (移民局, 土地储备中心), keeping
        // only the nearest word; a company may not (空壳公司).
        // The suffix word is itself a name (美国司法部): just that word.
        None if !suffix_whole && (generic_ok || is_proper(&toks[k])) => toks[k].span.start,
        // A descriptive name that opens a clause or follows a preposition (据X, 在X): all of it.
        None if generic_ok && k > j && clause_open(ctx, j) => toks[j].span.start,
        // (Not when a verb governs that word: 跨 | 部门 | 委员会.)
        None if generic_ok && k > j && toks[k - 1].tag == "n" && !(k >= 2 && toks[k - 2].tag.starts_with('v')) => {
            toks[k - 1].span.start
        }
        // 绿城集团: a company named with a common word, opening its clause.
        None if matches!(suffix_word, "集团" | "控股" | "有限公司" | "股份有限公司" | "集团公司")
            && k == j + 1
            && toks[j].tag == "n"
            && toks[j].word.chars().count() == 2
            && clause_open(ctx, j)
            && !lists().generic_head.contains(toks[j].word)
            && !lists().not_org.contains(toks[j].word) =>
        {
            toks[j].span.start
        }
        None => return None,
    };
    // jieba glues a preposition to an unknown name (由林达 集团): drop it.
    let mut start = start;
    if let Some(i) = ctx.token_starting(start) {
        let w = toks[i].word;
        if w.chars().count() >= 3 && matches!(toks[i].tag, "nr" | "nrt" | "x" | "nz") && w.starts_with(GLUED_FUNCTION) {
            start += w.chars().next().map_or(0, char::len_utf8);
        }
    }
    // 而据 | 纽约时报: a token made only of function chars (而据, 另据) opens no
    // name, nor does an enumerator (一是 | 基金).
    while let Some(i) = ctx.token_starting(start) {
        let w = toks[i].word;
        let enumerator = matches!(w, "一是" | "二是" | "三是" | "四是" | "五是" | "其一" | "其二" | "其三");
        if i < k && (enumerator || w.chars().all(|c| GLUED_FUNCTION.contains(&c) || matches!(c, '而' | '另' | '又' | '并'))) {
            start = toks[i].span.end;
        } else {
            break;
        }
    }
    // QDII | 基金, A50 | 基金: a product code or category word as the whole head;
    // 购物 | 中心: a category word as the whole name.
    let head = ctx.slice(start, toks[k].span.start);
    let code = head.chars().all(|c| c.is_ascii_alphanumeric()) && suffix_word == "基金";
    if !head.is_empty() && (lists().generic_head.contains(head) || code || lists().not_org.contains(ctx.slice(start, end))) {
        return None;
    }
    if several_missions(ctx.slice(start, end)) {
        return None;
    }
    // 中心任务 / 中心城市: 中心 is "central" there, not a body.
    if suffix_word == "中心" && toks.get(k + 1).is_some_and(|n| CENTRAL.contains(&n.word)) {
        return None;
    }
    // 组织 names a body only as a noun after a name of its own (世界贸易组织),
    // not as a verb (某省组织开展…) or after a party or league (党组织).
    // (jieba tags 组织 a verb in 国际移民组织表示 too: before a speech cue,
    // a date, punctuation or a conjunction it is the noun.)
    // (Not after a body, which then organizes something: 某某局组织…, nor after a verb.)
    let after_body = k > 0 && {
        let p = &toks[k - 1];
        p.tag == "v" || p.tag == "nt" || ctx.lx.org_suffix_at_end(p.word).is_some() || ctx.lx.known_org(p.word).is_some()
    };
    let date_after = |n: &Token| n.tag == "t" || n.tag == "m" && toks.get(k + 2).is_some_and(|d| d.word.starts_with(['日', '月']));
    let noun_use = toks[k].tag == "n"
        || !after_body && toks.get(k + 1).is_none_or(|n| {
            // (Or a date or time before the cue: 某组织27日表示, 某组织今天称.)
            // (Or its abbreviation in brackets: 某某组织（某某）15日称.)
            ORG_WORD_AFTER.contains(&n.word) || date_after(n) || matches!(n.word, "，" | "。" | "；" | "," | "（" | "(")
        });
    if suffix_word == "组织" && (!noun_use || head.ends_with(['党', '团']) || ctx.lx.is_place(head) || ctx.lx.known_org(head).is_some()) {
        return None;
    }
    let head_chars = ctx.slice(start, toks[k].span.start).chars().count();
    if suffix_whole && suffix_word.chars().count() == 1 {
        // 中东 + 部 reads 东部 (a direction), not a ministry.
        let last2_start = ctx.before(toks[k].span.start).char_indices().next_back().map_or(0, |(i, _)| i);
        if lists().not_org.contains(ctx.slice(last2_start, end)) {
            return None;
        }
    }
    if suffix_whole {
        // 集团 alone is no name; a one-char suffix (部, 局, 报) needs a two-char head.
        let min = if suffix_word.chars().count() == 1 { 2 } else { 1 };
        if head_chars < min {
            return None;
        }
    }
    Some(start)
}

/// 驻外使馆 / 驻华使馆 / 波兰等国使馆: a name for a kind of mission, or for
/// several, not for one embassy (俄罗斯驻英国大使馆 names its country first).
fn several_missions(name: &str) -> bool {
    name.strip_suffix("使馆").map(|h| h.trim_end_matches('大')).is_some_and(|head| {
        head.starts_with(['驻', '外']) || head.contains('等') || head.contains("多国") || head.contains("各国")
    })
}

/// True when token `j` opens a clause: text start, after punctuation, or after
/// a preposition or conjunction.
fn clause_open(ctx: &Ctx, j: usize) -> bool {
    j == 0 || {
        let p = &ctx.tokens[j - 1];
        p.tag == "x" || p.tag == "p" || p.tag == "c"
    }
}

/// Token `k` is an organization when it speaks as a body: 某公司方面表示,
/// 某平台方面回应. Only proper-name tokens (not 双方, 政府).
fn speaks_as_body(ctx: &Ctx, k: usize) -> Option<Subkind> {
    let t = &ctx.tokens[k];
    // Most tokens are not followed by 方: one char test first.
    if ctx.chars.c.get(t.at + t.chars) != Some(&'方') {
        return None;
    }
    let after = ctx.after(t.span.end);
    let rest = after.strip_prefix("方面")?;
    let cue = ["表示", "称", "回应", "透露", "介绍", "回复", "证实", "否认", "指出", "对", "向", "则", "也", "发布", "公告"];
    if !cue.iter().any(|c| rest.starts_with(c)) {
        return None;
    }
    let n = t.word.chars().count();
    let proper = matches!(t.tag, "nz" | "nt" | "nrt" | "eng" | "x" | "j") || ctx.lx.known_org(t.word).is_some();
    if !(2..=8).contains(&n) || !proper || ctx.lx.is_place(t.word) || t.word.chars().any(|c| !c.is_alphanumeric()) {
        return None;
    }
    Some(ctx.lx.org_suffix_at_end(t.word).map_or(Subkind::Company, |x| x.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suffix_at_zero_is_the_word_as_a_suffix() {
        // suffix_token reads org_suffix(w) off org_suffix_at_end(w).
        let lx = crate::engine::lexicon::Lexicon::get();
        let listed = include_str!("../lexicon/org_suffixes.txt").lines().filter(|l| !l.starts_with('#'));
        let words: Vec<String> = listed.filter_map(|l| l.split('\t').next()).map(str::trim).filter(|w| !w.is_empty()).map(String::from).collect();
        let more = ["部长", "美国商务部", "研究中心", "中心", "长", "快手科技", "有限公司", "学生会", "会", "网", "新华社", "王"];
        for w in words.iter().map(String::as_str).chain(more) {
            let exact = lx.org_suffix_at_end(w).filter(|&(i, _)| i == 0).map(|(_, sub)| sub);
            assert_eq!(exact, lx.org_suffix(w), "{w}");
        }
        assert!(words.len() > 20);
    }

    #[test]
    fn outlet_endings_end_organization_suffixes() {
        // media_sources skips tokens whose last char ends no suffix.
        let lx = crate::engine::lexicon::Lexicon::get();
        for c in ['网', '社'] {
            assert!(lx.char_flags(c) & flag::SUFFIX_LAST != 0, "{c}");
        }
    }
}
