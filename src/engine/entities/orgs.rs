//! Organizations: well-known names, jieba `nt` words, names ending in an
//! organization suffix (快手科技, 美国商务部, 青川市数据研究中心), units of a
//! known organization (商务部外贸司, 新浪体育), media in 《》 (from works).

use super::ctx::Ctx;
use crate::engine::lexicon::KnownOrg;
use crate::engine::model::{Entity, EntityKind, Subkind};
use crate::engine::segment::Token;
use crate::engine::span::Span;

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
    "梯队", "组队", "带队", "冠军", "亚军", "季军", "大军", "将军", "友军", "敌军", "参军", "联军", "主办", "举办", "创办",
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
    "东部", "西部", "南部", "北部",
];

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
];

/// True when word `w` (an organization suffix starting at byte `i`) is an
/// ordinary word: a one-char suffix ending a common word (大变局 ends in 变局,
/// 中东部 in 东部), or a modifier in front (每盎司, 各部).
fn ordinary_word(ctx: &Ctx, w: &str, i: usize) -> bool {
    let _ = ctx;
    let one_char = w[i..].chars().count() == 1;
    let last2 = w.char_indices().rev().nth(1).map_or("", |(p, _)| &w[p..]);
    one_char && NOT_ORG.contains(&last2) || w.starts_with(HEAD_STOP)
}

/// True when `head` + `suffix` names a kind of organization, not one (上市公司,
/// 开放式基金, 美国大学).
fn generic_name(ctx: &Ctx, head: &str, suffix: &str) -> bool {
    GENERIC_HEAD.contains(&head)
        || ctx.lx.is_not_name(head)
        || ctx.lx.is_place(head)
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
    t.tag == "x" && t.word.chars().count() >= 2 && t.word.chars().all(super::ctx::is_han)
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
    let in_work = |span: Span| works.iter().any(|w| w.kind == EntityKind::Work && w.span.overlaps(&span));
    for k in 0..toks.len() {
        // 1. Well-known names, aligned on token boundaries, longest first.
        if let Some((end, _, org)) = known_at(ctx, k) {
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
        if let Some(sub) = speaks_as_body(ctx, k) {
            push(&mut out, t.span.start, t.span.end, sub);
        }
        // 2. jieba's organization tag, when the word also looks like one.
        if t.tag == "nt" && !in_work(t.span) {
            if let Some(sub) = nt_subkind(ctx, t) {
                push(&mut out, t.span.start, t.span.end, sub);
            }
        }
        // 3. A name ending in an organization suffix.
        if let Some((sub, end)) = suffix_token(ctx, k) {
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
    let listed = list_members(ctx, &out);
    out.extend(listed);
    drop_clipped(ctx, &mut out);
    out
}

/// Drops organizations that are the tail of a longer one ending at the same
/// place (信息化部 in 工业和信息化部, 商务部 in 美国商务部), and names cut out of
/// a number (十国集团 in 二十国集团): each surface form is counted as written.
fn drop_clipped(ctx: &Ctx, out: &mut Vec<Entity>) {
    // Earliest start of any organization ending at each end offset: one pass, then O(1) checks.
    let mut first_start: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
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
    let text = ctx.text;
    let org_ending = |b: usize| orgs.iter().find(|o| o.span.end == b).map(|o| o.span);
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
    for (p, c) in text.char_indices() {
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
        let is_org = orgs.iter().any(|o| o.span == span);
        items.push((span, is_org));
    }
    flush(&mut items, &mut out);
    out
}

/// The longest well-known organization starting at token `k`, ending on a
/// token boundary: (its byte end, index of its last token, entry).
fn known_at(ctx: &Ctx, k: usize) -> Option<(usize, usize, KnownOrg)> {
    let toks = ctx.tokens;
    if !ctx.lx.starts_org(toks[k].word) {
        return None;
    }
    let start = toks[k].span.start;
    let mut best = None;
    // Bytes bound chars from above (at most 4 per char), so this cut is safe.
    let max_bytes = ctx.lx.max_org_chars() * 4;
    for (m, t) in toks.iter().enumerate().skip(k).take(5) {
        let s = ctx.slice(start, t.span.end);
        if s.len() > max_bytes {
            break;
        }
        if let Some(org) = ctx.lx.known_org(s) {
            best = Some((t.span.end, m, org));
        }
    }
    best
}

/// Context that makes an ambiguous name (苹果, 联想) an organization.
fn has_org_context(ctx: &Ctx, span: Span) -> bool {
    let after = ctx.after(span.end);
    if ORG_CONTEXT_AFTER.iter().any(|w| after.starts_with(w)) {
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
    if w.chars().count() < 2 || NOT_ORG.contains(&w) {
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
    if t.tag == "x" || w.chars().count() > 8 {
        return None;
    }
    if let Some(sub) = ctx.lx.org_suffix(w) {
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
    let (i, sub) = ctx.lx.org_suffix_at_end(w)?;
    if NOT_ORG.contains(&w) || ctx.lx.title_at_end(w).is_some() {
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
    let is_proper_at = |i: usize| {
        let t = &toks[i];
        is_proper_tag(t.tag) || is_known(t.word) || i + 1 == k && is_oov_word(t) && !GENERIC_HEAD.contains(&t.word)
    };
    let is_proper = |t: &Token| is_proper_tag(t.tag) || is_known(t.word);
    let mut j = k;
    while j > 0 && k - j < 4 {
        let p = &toks[j - 1];
        let w = p.word;
        let name_like = is_name_tag(p.tag) || is_known(w) || is_oov_word(p) || matches!(w, "有限" | "股份" | "责任" | "有限责任")
            // 京东零售集团: a verbal noun right after a proper name.
            // 京东零售集团, 文化市场综合执法局: verbal nouns inside a longer name.
            || p.tag == "vn";
        // A dateline (…日讯, …日电) ends before the name.
        let dateline = w.ends_with('讯') || w.ends_with("日电") || w.eq_ignore_ascii_case("vs");
        if !name_like || dateline || ctx.lx.is_title(w) || w.starts_with(HEAD_STOP) || end - p.span.start > 16 * 3 {
            break;
        }
        j -= 1;
    }
    let first_proper = (j..k).find(|&i| is_proper_at(i));
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
    // 而据 | 纽约时报: a token made only of function chars (而据, 另据) opens no name.
    while let Some(i) = ctx.token_starting(start) {
        let w = toks[i].word;
        if i < k && w.chars().all(|c| GLUED_FUNCTION.contains(&c) || matches!(c, '而' | '另' | '又' | '并')) {
            start = toks[i].span.end;
        } else {
            break;
        }
    }
    let head_chars = ctx.slice(start, toks[k].span.start).chars().count();
    if suffix_whole && suffix_word.chars().count() == 1 {
        // 中东 + 部 reads 东部 (a direction), not a ministry.
        let last2_start = ctx.before(toks[k].span.start).char_indices().next_back().map_or(0, |(i, _)| i);
        if NOT_ORG.contains(&ctx.slice(last2_start, end)) {
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
