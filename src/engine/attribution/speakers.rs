//! Subject phrase → speaker: a named person with the role written before the
//! name, an organization (快手方面 → 快手), an anonymous source (业内人士), a
//! joint subject (A与B), a media outlet in 《》, or a pronoun / anaphor left for
//! [`super::coref`].

use super::super::lexicon::Lexicon as EntityLexicon;
use super::super::lexicon::Words;
use super::super::model::SpeakerKind;
use super::lexicon::Lexicon;
use super::text::{is_comma_or_colon, is_han, Text};

/// Organization suffixes used until the entity lexicon can be called.
const ORG_SUFFIXES: &[&str] = &[
    "公司", "集团", "委员会", "部", "局", "委", "会", "院", "所", "署", "厅", "办", "处", "中心", "银行", "基金",
    "证券", "保险", "协会", "学会", "商会", "大学", "学院", "政府", "法院", "检察院", "报", "社", "台", "网",
    "科技", "组织", "联盟", "机构", "实验室", "俱乐部", "队", "党", "方", "公报", "办公室", "研究院", "研究所",
    "联合国", "欧盟", "集团公司", "工厂", "医院", "学校", "电视台", "通讯社", "杂志",
    // A meeting speaks as a body (中央经济工作会议强调, 全会指出).
    "会议", "全会",
    // A working group (测评组, 专家组, 联合调查组).
    "组",
];

/// Pronouns that stand for a person speaker.
const PERSON_PRONOUNS: &[&str] = &["他", "她", "其", "他本人", "她本人", "本人"];

/// Abstractions that speak only as a figure of speech (历史告诉我们).
const NOT_SOURCES: &[&str] = &["历史", "事实", "实践", "经验", "现实", "时间", "岁月", "未来", "数字", "土地", "设施", "生活"];

/// Texts that speak for the person who wrote or delivered them.
const AUTHORED: &[&str] = &[
    "批示", "指示", "重要批示", "重要指示", "贺信", "贺电", "贺词", "唁电", "慰问信", "回信", "复信", "来信", "信中", "讲话",
    "重要讲话", "主旨讲话", "致辞", "书面致辞", "演讲", "署名文章", "文章",
];

/// Determiners before an anonymous descriptor or anaphor (一位业内人士, 上述人士).
const DETERMINERS: &[&str] = &[
    "不愿透露姓名的", "不愿具名的", "不具名的", "一家", "一位", "一名", "一些", "许多", "多位", "多名", "部分", "不少", "某位",
    "各大", "大多数", "多数",
    "有关", "某", "有", "一个", "一种", "有些", "众多", "一",
];

/// Verbs that modify a descriptor (相关人士, 知情人士, 接近…的人士) rather than
/// signal a wrongly cut subject.
const MODIFIER_VERBS: &[&str] = &[
    "相关", "有关", "知情", "负责", "主管", "分管", "退休", "从业", "受访", "参会", "参展", "接近", "熟悉", "了解",
    "投资", "研究", "调研", "执法", "办案", "管理", "监管", "销售", "售楼", "营销", "运营", "咨询", "理财", "参与",
];

/// A verb word of two or more chars starting at char `i` that is not a
/// modifier (相关, 知情). One-char "verbs" inside names are mostly jieba
/// mis-tags (网信|办).
fn is_action_verb(t: &Text, i: usize) -> bool {
    // jieba tags some organization names as verbs (以军/v): an organization is no action.
    if !(t.boundary[i] && t.tag(i) == "v") || t.org[i] {
        return false;
    }
    let mut e = i + 1;
    while e < t.len() && !t.boundary[e] {
        e += 1;
    }
    e - i >= 2 && !MODIFIER_VERBS.iter().any(|w| t.at(i, w))
}

/// What a subject phrase names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// One or more (joint) named or anonymous sources.
    Named(Vec<Found>),
    /// 他/她/其: the nearest person before.
    Pronoun,
    /// 上述X / 该X / 这位X: an earlier speaker described by X.
    Anaphor(String),
    /// 声明还称 / 该公报指出: a text just named speaks for the
    /// source that issued it, the nearest speaker before.
    Document,
}

/// Texts a body issues, speaking for it when they open a clause
/// (以军发表声明称…。声明还称…). (报道 is the outlet's: see attribution's
/// `last_outlet`.)
const DOCUMENTS: &[&str] = &[
    "声明", "公报", "通报", "公告", "通告", "新闻稿", "社论", "评论", "决议", "联合声明", "新闻公报", "联合公报",
    "评论文章", "白皮书",
];

/// Determiners that may stand inside an unnamed source's phrase, after a
/// place or body (城南一家楼盘销售总监): the descriptor follows them.
const INNER_DETERMINERS: &[&str] = &["一家", "一位", "一名"];

/// Determiners before a document (该声明, 这份公报).
const DOCUMENT_DETERMINERS: &[&str] = &["该", "这份", "这篇", "此份", "上述", "此"];

/// The document subject `a..z` as a source of its own (公报指出 with no
/// issuer named before it): what [`analyse`] finds without the document rule.
/// (A bare document word, 文章说 with no issuer anywhere, names no one.)
pub fn document_itself(t: &Text, lex: &Lexicon, person: &[bool], a: usize, z: usize) -> Option<Subject> {
    if DOCUMENTS.contains(&t.sub(a, z)) {
        return None;
    }
    single(t, lex, person, a, z).map(|f| Subject::Named(vec![f]))
}

/// True when `s` is a text someone wrote or gave ([`AUTHORED`]: 文章, 讲话, 贺信).
pub fn is_authored(s: &str) -> bool {
    AUTHORED.contains(&s)
}

/// True when `s` names a text as in [`DOCUMENTS`] (with a determiner, or 中: 声明中).
pub fn is_document(s: &str) -> bool {
    DOCUMENTS.contains(&document_word(s))
}

/// `s` without a determiner before it and 中 after it (该声明中 → 声明).
pub fn document_word(s: &str) -> &str {
    let s = DOCUMENT_DETERMINERS.iter().find_map(|d| s.strip_prefix(d)).unwrap_or(s);
    s.strip_suffix('中').unwrap_or(s)
}

/// One source named in a subject phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Canonical name as written (媒体名 without 《》).
    pub name: String,
    /// Person, organization or anonymous.
    pub kind: SpeakerKind,
    /// The role written before the name, if any.
    pub role: Option<String>,
    /// The subject as written when it differs from `name` (快手方面, 《某某报》).
    pub alias: Option<String>,
    /// Where the name is (char range).
    pub at: (usize, usize),
}

/// Classifies the subject phrase `a..z`. `person` marks chars inside person
/// names (entities or jieba `nr`).
pub fn analyse(t: &Text, lex: &Lexicon, person: &[bool], a: usize, z: usize) -> Option<Subject> {
    let s = t.sub(a, z);
    // One char is a pronoun (他) or the last part of a joined foreign name (杨 of 赛迪斯-杨).
    let one_char_name = s.chars().count() == 1 && is_person_name(t, person, a, z);
    if s.chars().count() > 50 || s.chars().count() < 2 && !PERSON_PRONOUNS.contains(&s) && !one_char_name {
        return None;
    }
    // The writer or an interviewee speaking of themselves (我认为) is not a
    // source we can name; a subject cut inside a work title is no subject.
    if s.contains(['我', '咱', '你']) || s.rfind('《') > s.rfind('》') || s.starts_with('》') {
        return None;
    }
    // 批示指出 / 贺信强调: a text someone just wrote or gave speaks for its
    // author, the person named before (某某作出重要批示。批示指出：…).
    // A bare form of address (先生表示) stands for the person last named,
    // as a pronoun does; it names no organization.
    if is_document(s) {
        return Some(Subject::Document);
    }
    if PERSON_PRONOUNS.contains(&s) || AUTHORED.contains(&s) || matches!(s, "对方" | "先生" | "女士" | "小姐") {
        return Some(Subject::Pronoun);
    }
    // 历史告诉我们 / 事实证明: abstractions that "speak" only as a figure of speech.
    if NOT_SOURCES.contains(&s) {
        return None;
    }
    // 此次A与B宣布达成合作: a clause about the event itself, told by the reporter.
    if ["此次", "这次", "本次"].iter().any(|w| s.starts_with(w)) {
        return None;
    }
    // A date or time alone (19日) is no source.
    if s.chars().next().is_some_and(super::subject::is_numeral) && s.ends_with(['日', '月', '年', '号', '时']) {
        return None;
    }
    // 总书记强调 / 总理指出: a bare title stands for the speaker holding it.
    // (Not a descriptor of unnamed sources: 发言人表示 with nobody named is anonymous.)
    if lex.title_suffix(s) == Some(s) && s.chars().count() <= 6 && lex.anonymous.longest_suffix(s).is_none() {
        return Some(Subject::Anaphor(s.to_string()));
    }
    for d in ["上述", "该", "这位", "这名", "此位", "那位"] {
        if let Some(rest) = s.strip_prefix(d) {
            // 该公司CEO Oliver Grant: the phrase names the person after all.
            let k = a + d.chars().count();
            if let Some(f) = titled_person(t, lex, person, k, z).filter(|f| f.role.is_some() && f.at.0 > k) {
                return Some(Subject::Named(vec![f]));
            }
            if !rest.is_empty() && rest.chars().count() <= 20 {
                return Some(Subject::Anaphor(rest.to_string()));
            }
        }
    }
    if (a..z).any(|i| is_conjunction(t, i)) {
        if let Some(parts) = joint(t, lex, person, a, z) {
            return Some(Subject::Named(parts));
        }
    }
    single(t, lex, person, a, z).map(|f| Subject::Named(vec![f]))
}

/// True when char `i` joins two sources: 、, or 和/与/及/同 as a word of its
/// own. Not inside an organization's name (绿色和平), nor inside a word
/// (陪同, 和平, 与会).
fn is_conjunction(t: &Text, i: usize) -> bool {
    match t.c[i] {
        '、' => true,
        '和' | '与' | '及' | '同' => t.boundary[i] && t.boundary[i + 1] && !(t.org[i] && i > 0 && t.org[i - 1]),
        _ => false,
    }
}

/// A joint subject: parts split at 和/与/及/、, each a person or organization.
fn joint(t: &Text, lex: &Lexicon, person: &[bool], a: usize, z: usize) -> Option<Vec<Found>> {
    let mut parts = Vec::new();
    let mut p = a;
    for i in a..z {
        if is_conjunction(t, i) {
            parts.push((p, i));
            p = i + 1;
        }
    }
    parts.push((p, z));
    if parts.len() < 2 || parts.iter().any(|&(x, y)| y <= x) {
        return None;
    }
    // 中共中央政治局常委、全国政协主席某某: titles listed before one name are
    // one role, not a joint subject.
    let (lx, last) = (EntityLexicon::get(), parts[parts.len() - 1]);
    // (Not names with their titles after them: 温家宝总理、李克强副总理.)
    let titles_only = parts[..parts.len() - 1].iter().all(|&(x, y)| lx.title_at_end(t.sub(x, y)).is_some() && !single(t, lex, person, x, y).is_some_and(|f| f.kind == SpeakerKind::Person));
    if titles_only && titled_person(t, lex, person, last.0, last.1).is_some() {
        return None;
    }
    let mut out = Vec::new();
    for &(x, y) in &parts {
        let f = single(t, lex, person, x, y).or_else(|| {
            // A short bare noun next to a named organization is one too (远航零售与星河科技).
            let w = t.sub(x, y);
            (w.chars().count() <= 6 && w.chars().all(is_han)).then(|| Found {
                name: w.to_string(),
                kind: SpeakerKind::Organization,
                role: None,
                alias: None,
                at: (x, y),
            })
        })?;
        if f.kind == SpeakerKind::Anonymous {
            return None;
        }
        out.push(f);
    }
    out.iter().any(|f| f.role.is_some() || is_org_name(&f.name) || f.kind == SpeakerKind::Person).then_some(out)
}

/// Verbs that cite another source's words (据X援引Y报道, 援引Y的话称).
pub(super) const CITING: &[&str] = &["援引", "引述", "引用", "转引"];

/// Where the last citing verb written as a word starts in `a..end` (char
/// indices): what follows it names the source whose words are cited.
pub(super) fn last_citing_verb(t: &Text, a: usize, end: usize) -> Option<usize> {
    (a..end).rev().find(|&j| t.boundary[j] && CITING.iter().any(|v| t.at(j, v)))
}

/// The outlets of 据X报道 / 据X援引Y报道 (the phrase after 据, before the
/// cue): each part named in the text is a source, known to the lexicons or
/// not (据雅虎体育报道): after 据 and before 报道 only an outlet can stand.
pub fn reported_by(t: &Text, lex: &Lexicon, person: &[bool], a: usize, z: usize) -> Option<Vec<Found>> {
    let mut parts = Vec::new();
    let mut p = a;
    for i in a..z {
        if CITING.iter().any(|w| t.at(i, w)) && i > p {
            parts.push((p, i));
            p = i + 2;
        }
    }
    parts.push((p, z));
    let mut out = Vec::new();
    for (x, y) in parts {
        if y <= x {
            return None;
        }
        let w = t.sub(x, y);
        let plain = w.chars().count() <= 12 && !w.contains('的') && w.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '《' | '》'));
        match analyse(t, lex, person, x, y) {
            // (法国《回声报》和美国政治新闻网: a joint subject is several outlets.)
            Some(Subject::Named(found)) if !found.is_empty() => out.extend(found),
            _ if plain => out.push(org(w, None, x, y)),
            _ => return None,
        }
    }
    Some(out)
}

/// One source in `a..z`.
fn single(t: &Text, lex: &Lexicon, person: &[bool], a: usize, z: usize) -> Option<Found> {
    let s = t.sub(a, z);
    let n = z - a;
    // X的报道《…》 / X的文章: the outlet or body behind a publication.
    // (Each of them has a 的: most phrases have none, and one char search rules them out.)
    if is_familiar_form(s) {
        return Some(Found { name: s.to_string(), kind: SpeakerKind::Person, role: None, alias: None, at: (a, z) });
    }
    let has_de = s.contains('的');
    for w in ["的报道", "的文章", "的报告", "的声明", "的评论", "发布的报告"].into_iter().filter(|_| has_de) {
        if let Some(i) = s.find(w) {
            // The publication ends the phrase or is followed by its title (not 的评论员).
            let rest = &s[i + w.len()..];
            if i > 0 && (rest.is_empty() || rest.starts_with('《')) {
                let zi = a + s[..i].chars().count();
                return single(t, lex, person, a, zi);
            }
        }
    }
    // 《某某报》 / 美国《某某报》: the outlet named in the marks.
    if let (Some(o), true) = (s.find('《'), s.ends_with('》')) {
        let name = &s[o + '《'.len_utf8()..s.len() - '》'.len_utf8()];
        if !name.is_empty() && !name.contains('《') {
            return Some(org(name, Some(s), a, z));
        }
    }
    if let Some(base) = s.strip_suffix("方面") {
        if !base.is_empty() {
            let zi = z - 2;
            // 竞争对手云帆物流方面: a common-noun descriptor before the named
            // organization; the organization is the source, the whole an alias.
            let mut k = zi;
            while k > a && t.org[k - 1] {
                k -= 1;
            }
            // (jieba tags such descriptors n, vn, even v: 竞争/vn 对手/v.)
            if k > a && zi - k >= 2 && k - a <= 4 && (a..k).all(|i| matches!(t.tag(i), "n" | "vn" | "v")) {
                return Some(org(t.sub(k, zi), Some(s), k, zi));
            }
            return Some(match single(t, lex, person, a, zi) {
                Some(mut f) if f.kind != SpeakerKind::Anonymous => {
                    f.alias = Some(s.to_string());
                    f.kind = SpeakerKind::Organization;
                    f
                }
                _ => org(base, Some(s), a, zi),
            });
        }
    }
    // 乌方 / 巴方: a country's one-char short form and 方 is that side, a body
    // (not 李方, a name: only the short forms of countries).
    if n == 2 && s.ends_with('方') && COUNTRY_SHORT.contains(&t.c[a]) {
        return Some(org(s, None, a, z));
    }
    if let Some(f) = addressed_person(t, a, z) {
        return Some(f);
    }
    if let Some(f) = described_person(t, lex, a, z) {
        return Some(f);
    }
    if let Some(f) = titled_person(t, lex, person, a, z) {
        return Some(f);
    }
    if let Some(f) = anonymous(t, lex, a, z) {
        return Some(f);
    }
    // Two or three capitalised Latin words alone (Henk Rogers说) are a
    // person's name; a body so written is usually in the lexicon (New York Times).
    if latin_name_start(t, a, z) == Some(a) && !is_org_name(s) {
        return Some(Found { name: s.to_string(), kind: SpeakerKind::Person, role: None, alias: None, at: (a, z) });
    }
    // A name in Latin letters before a form of address (MARIA FACHAL女士表示).
    let latin = s.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '.' | '-')) && s.chars().filter(char::is_ascii_alphabetic).count() >= 3;
    if latin && n <= 30 && ["先生", "女士", "小姐"].iter().any(|w| t.at(z, w)) {
        return Some(Found { name: s.to_string(), kind: SpeakerKind::Person, role: None, alias: None, at: (a, z) });
    }
    if n <= 12 && is_person_name(t, person, a, z) {
        return Some(Found { name: s.to_string(), kind: SpeakerKind::Person, role: None, alias: None, at: (a, z) });
    }
    // A name tagged as a person at the end, with a role in front (ending with
    // a title or 的), or a whole short phrase ending in a person-tagged word.
    if person[z - 1] && n > 2 {
        let mut k = z;
        while k > a && person[k - 1] {
            k -= 1;
        }
        // 男主角吴|海涛: jieba cut the surname off as a word of its own.
        let lone_surname = |k: usize| k > a + 1 && t.tok_start(k - 1) == k - 1 && t.boundary[k] && EntityLexicon::get().is_surname(t.sub(k - 1, k));
        if z - k == 2 && lone_surname(k) && ends_with_person_noun(t, a, k - 1) {
            k -= 1;
        }
        let role = t.sub(a, k);
        let noun_role = ends_with_person_noun(t, a, k);
        let role_ok = lex.title_suffix(role).is_some() || role.ends_with('的') || noun_role;
        if z - k >= 2 && k > a && role_ok && is_person_name(t, person, k, z) {
            // A descriptive noun keeps only its own phrase, not the clause
            // before it (在…下来参加展会的北京某中学高二学生 → 北京某中学高二学生).
            let role = match role.rfind('的') {
                Some(d) if noun_role && lex.title_suffix(role).is_none() && d + '的'.len_utf8() < role.len() => &role[d + '的'.len_utf8()..],
                _ => role,
            };
            return Some(Found {
                name: t.sub(k, z).to_string(),
                kind: SpeakerKind::Person,
                role: Some(role.to_string()),
                alias: None,
                at: (k, z),
            });
        }
        let plain = |i: usize| !matches!(t.tag(i).chars().next(), Some('v' | 'd' | 'p' | 'c' | 'r' | 'u' | 'm' | 'a' | 'f'));
        // jieba often cuts the first char off a transliterated name (托|卡耶夫).
        if n <= 6 && s.chars().all(is_han) && ((a..z).all(plain) || k == a + 1) {
            return Some(Found { name: s.to_string(), kind: SpeakerKind::Person, role: None, alias: None, at: (a, z) });
        }
    }
    // A short subject starting with a surname that jieba kept as one unknown
    // word (王新安) is a person.
    if (2..=3).contains(&n)
        && s.chars().all(is_han)
        && EntityLexicon::get().surname_at_start(s).is_some()
        && t.tok_start(a) == a
        && t.boundary[z]
        && (a..z).all(|i| t.tok_start(i) == a)
        && matches!(t.tag(a), "nr" | "nz" | "x" | "nrt" | "nrfg")
        && !is_org_name(s)
        && !EntityLexicon::get().never_a_person(s)
    {
        return Some(Found { name: s.to_string(), kind: SpeakerKind::Person, role: None, alias: None, at: (a, z) });
    }
    let has_verb = (a..z).any(|i| t.tag(i).starts_with('v') && !t.org[i]);
    // (Or the end of an organization the entity pass found: 雅虎体育/vn.)
    let noun_end = matches!(t.tag(z - 1).chars().next(), Some('n' | 'j' | 'e' | 'x')) || is_org_name(s) || t.org[z - 1];
    if !noun_end || ["此次", "这次", "本次", "之所以", "还是"].iter().any(|w| s.starts_with(w)) {
        return None;
    }
    // (Not the last word when it ends the name as a body: 省|招办/v.)
    let ends_name = |i: usize| (i + 1..z).all(|j| !t.boundary[j]) && is_org_name(t.sub(i, z)) && i > a;
    let action = (a..z).any(|i| is_action_verb(t, i) && !ends_name(i));
    if is_org_name(s) && n <= 24 && !s.contains('的') && !action {
        return Some(org(s, None, a, z));
    }
    // Otherwise only a phrase that ends in an organization the entity pass
    // or jieba knows (苹果, 美联储): a bare common noun (沙尘, 权威) is no source.
    // (A bare noun right before a cue and its comma, 会议指出，…, is a body speaking.)
    // 环保团体绿色和平 / 当地媒体新华网: a descriptor before a named organization;
    // the organization is the source.
    if t.org[z - 1] && !has_verb {
        let mut k = z;
        while k > a && t.org[k - 1] {
            k -= 1;
        }
        // (Also a modifier ending in 的 right before it: 一向谨慎的某某公司.)
        if k > a && z - k >= 2 && (!s.contains('的') || t.c[k - 1] == '的') {
            return Some(org(t.sub(k, z), None, k, z));
        }
    }
    // An armed group speaking as a body (黎巴嫩真主党武装); a listed group
    // inside the phrase (也门胡塞武装 → 胡塞武装) was taken just above.
    if s.ends_with("武装") && n <= 12 && n > 2 && !has_verb && !s.contains('的') {
        return Some(org(s, None, a, z));
    }
    let comma_after = t.c.get(z).is_some_and(|_| {
        let mut k = z;
        while k < t.len() && !matches!(t.c[k], '，' | ',' | '：' | ':' | '。' | '\n') {
            k += 1;
        }
        k < t.len() && k - z <= 6 && is_comma_or_colon(t.c[k])
    });
    // An unknown name written wholly in transliteration chars, three to
    // five of them, right before its cue is a person (锡伯杜笑答), unless
    // it is a listed place or body.
    let lx = EntityLexicon::get();
    if (3..=5).contains(&n) && comma_after && !has_verb && s.chars().all(|c| lx.is_translit(c)) && !lx.is_place(s) && !t.org[z - 1] && !is_org_name(s) {
        return Some(Found { name: s.to_string(), kind: SpeakerKind::Person, role: None, alias: None, at: (a, z) });
    }
    // (A listed country or city speaks as its government, whatever jieba
    // tagged it: 哈萨克斯坦/nrt称.)
    // (Not a common word jieba's dictionary tags nr, 周密/nr 分析，: an adverbial.)
    let known = t.org[z - 1]
        || matches!(t.tag(z - 1), "nt" | "nz" | "j" | "ns" | "eng")
        || s.ends_with('方')
        || comma_after && !EntityLexicon::get().is_not_name(s)
        || EntityLexicon::get().is_place(s);
    if n <= 8 && known && !has_verb && s.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric()) && !s.contains('的') {
        return Some(org(s, None, a, z));
    }
    None
}

/// One-char short forms of countries written before 方 (the side), 军 or
/// 媒 in the news: 中方, 俄方, 乌方, 以方, 巴方, 沙方.
const COUNTRY_SHORT: &[char] = &[
    '中', '俄', '美', '日', '韩', '朝', '英', '法', '德', '意', '西', '葡', '荷', '比', '瑞', '波', '捷', '匈', '希', '土', '乌',
    '白', '塞', '克', '哈', '吉', '塔', '蒙', '印', '巴', '孟', '斯', '尼', '阿', '伊', '叙', '约', '黎', '以', '沙', '卡',
    '越', '老', '柬', '泰', '缅', '马', '新', '菲', '澳', '加', '墨', '古', '委', '秘', '智', '埃', '利', '苏', '南', '肯', '坦',
];

/// Last chars of common nouns for people (影评人, 村民, 组织者, 球员, 主角,
/// 恩师, 网友, 车主, 游客, 用户): such a noun right before a name describes
/// the person, as a title would.
const PERSON_NOUN_ENDS: &[char] = &['人', '民', '者', '员', '生', '手', '角', '师', '友', '工', '主', '客', '户', '士', '官', '迷'];

/// True when `a..k` ends with a jieba noun of two or more chars for a person
/// (村民葛某: 村民/n), so that what follows it is the name.
fn ends_with_person_noun(t: &Text, a: usize, k: usize) -> bool {
    if k < a + 2 || !t.boundary[k] {
        return false;
    }
    let ts = t.tok_start(k - 1);
    ts >= a && k - ts >= 2 && t.tag(ts).starts_with('n') && !t.tag(ts).starts_with("nr") && PERSON_NOUN_ENDS.contains(&t.c[k - 1])
}

/// Professions written before a name like a title (著名法学家某某).
const PROFESSIONS: &[&str] = &[
    "学家", "作家", "画家", "艺术家", "评论家", "企业家", "收藏家", "鉴定家", "音乐家", "设计师", "工程师", "教师", "医师",
    "会计师", "建筑师", "规划师", "咨询师", "策划师", "摄影师", "经济师",
];

/// A named person after a descriptor of sources (业内资深人士某某, 专家某某):
/// the descriptor is the role and the 2–3 chars from a surname the name,
/// whatever jieba made of them (杨梅 is also a fruit).
fn described_person(t: &Text, lex: &Lexicon, a: usize, z: usize) -> Option<Found> {
    for n in [3, 2] {
        if z < a + n + 2 {
            continue;
        }
        let k = z - n;
        let (role, name) = (t.sub(a, k), t.sub(k, z));
        let surname = EntityLexicon::get().surname_at_start(name).is_some_and(|l| l < name.len());
        // The role: a source descriptor (业内人士), a profession (法学家, 设计师),
        // or the organization the person speaks for (某某证券某某).
        let descriptor = lex.anonymous.longest_suffix(role).is_some_and(|d| ["人士", "专家", "学者", "分析师", "律师", "评论员", "观察人士"].contains(&d));
        let profession = PROFESSIONS.iter().any(|w| role.ends_with(w));
        // (After an organization only a word jieba reads as a name: 卫生部, 成员国
        // and 武装 also start with surname characters.)
        let name_tagged = (k..z).all(|i| t.tag(i).starts_with("nr") || t.tag(i) == "x") && !is_org_name(name);
        let affiliation = t.org[k - 1] && (a..k).all(|i| t.org[i]) && name_tagged && !t.org[k];
        if surname && name.chars().all(is_han) && t.boundary[k] && t.boundary[z] && (descriptor || profession || affiliation) {
            return Some(Found { name: name.to_string(), kind: SpeakerKind::Person, role: Some(role.to_string()), alias: None, at: (k, z) });
        }
    }
    None
}

/// A person known by surname and form of address (韩先生, 业主刘女士): the name
/// is the pair, what comes before it the role.
fn addressed_person(t: &Text, a: usize, z: usize) -> Option<Found> {
    let s = t.sub(a, z);
    let form = ["先生", "女士", "小姐"].into_iter().find(|f| s.ends_with(f))?;
    let k = z - form.chars().count();
    if k == a || EntityLexicon::get().surname_at_start(t.sub(k - 1, k)).is_none() {
        return None;
    }
    // The surname stands alone: jieba starts a word there, or it opens the phrase.
    if k - 1 > a && t.tok_start(k - 1) != k - 1 {
        return None;
    }
    let role = t.sub(a, k - 1).trim_end_matches('的');
    // A short description is a role (业主, 码头商户); a determiner (另一位) or a
    // whole clause before the name is not.
    let is_role = !role.is_empty() && role.chars().count() <= 10 && !DETERMINERS.iter().any(|d| role.contains(d)) && !role.contains('了');
    Some(Found {
        name: t.sub(k - 1, z).to_string(),
        kind: SpeakerKind::Person,
        role: is_role.then(|| role.to_string()),
        alias: None,
        at: (k - 1, z),
    })
}

fn org(name: &str, alias: Option<&str>, a: usize, z: usize) -> Found {
    Found {
        name: name.to_string(),
        kind: SpeakerKind::Organization,
        role: None,
        alias: alias.filter(|x| *x != name).map(str::to_string),
        at: (a, z),
    }
}

/// True when `s` ends with an organization suffix.
pub fn is_org_name(s: &str) -> bool {
    let lx = EntityLexicon::get();
    if lx.known_org(s).is_some() {
        return true;
    }
    let n = s.chars().count();
    // A place's department (加沙地带卫生部门, 黎巴嫩公共卫生部门): the place
    // makes 部门 a named body, where 有关部门 stays a description.
    if let Some(head) = s.strip_suffix("部门").filter(|h| !h.contains(['和', '与', '等', '及', '、'])) {
        // (A province or city may carry its 省/市: 云南省卫生部门.)
        let is_place = |p: &str| lx.is_place(p) || p.strip_suffix(['省', '市']).is_some_and(|q| lx.is_place(q));
        if head.char_indices().map(|(i, _)| i).skip(2).chain([head.len()]).take(5).any(|i| is_place(&head[..i])) {
            return true;
        }
    }
    // A listed suffix shorter than `s` (one walk back from the end instead
    // of a comparison per suffix): the suffixes are whole chars, so `s`
    // ends with one of k < n chars exactly when `s.ends_with(x) && s != x`.
    n >= 2 && (org_suffixes().any_suffix(s, |k| k < n) || lx.org_suffix_at_end(s).is_some_and(|(i, _)| i > 0))
}

/// [`ORG_SUFFIXES`] as a backward word list, built once.
fn org_suffixes() -> &'static Words {
    static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| Words::backward(ORG_SUFFIXES))
}

/// Builds the suffix list now (the engine does this at start-up).
pub fn warm_up() {
    org_suffixes();
}

/// `role` + `name` where the role ends with a job title (京东零售集团CEO徐雷), or
/// `name` + title (习近平主席, 彭唯良检察官).
fn titled_person(t: &Text, lex: &Lexicon, person: &[bool], a: usize, z: usize) -> Option<Found> {
    // Name then title: strip the title and retry on what is left.
    if let Some(title) = lex.title_suffix(t.sub(a, z)) {
        let k = z - title.chars().count();
        if k > a {
            if let Some(mut f) = titled_person(t, lex, person, a, k) {
                f.role.get_or_insert_with(|| title.to_string());
                return Some(f);
            }
            if k - a <= 4 && is_person_name(t, person, a, k) {
                return Some(Found {
                    name: t.sub(a, k).to_string(),
                    kind: SpeakerKind::Person,
                    role: Some(title.to_string()),
                    alias: None,
                    at: (a, k),
                });
            }
            // 某某大学某中心Linda Tsung博士: a name in Latin letters before the title.
            if let Some(j) = latin_name_start(t, a, k) {
                return Some(Found { name: t.sub(j, k).to_string(), kind: SpeakerKind::Person, role: Some(title.to_string()), alias: None, at: (j, k) });
            }
            // 某某大学某学院高某某教授: an organization, a name, its title.
            if let Some(mut f) = described_person(t, lex, a, k).filter(|f| f.role.as_deref().is_some_and(|r| t.org[a] && r.chars().count() >= 2)) {
                f.role = Some(title.to_string());
                return Some(f);
            }
        }
    }
    // 该公司CEO Henk Rogers / 造型师Rachel Zoe: a title, then a name in Latin
    // letters (an all-capital or one-word run is more often a body: EA, Google).
    if let Some(k) = latin_name_start(t, a, z) {
        let role = t.sub(a, k).trim_end();
        if !role.is_empty() && lex.title_suffix(role).is_some() {
            return Some(Found { name: t.sub(k, z).to_string(), kind: SpeakerKind::Person, role: Some(role.to_string()), alias: None, at: (k, z) });
        }
    }
    // Role then name: the last split where the role ends with a title and the
    // rest is a plausible name.
    for k in (a + 1..z.saturating_sub(1)).rev() {
        let rest = t.sub(k, z);
        if z - k > 12 {
            break;
        }
        if lex.title_suffix(t.sub(a, k)).is_some() && plausible_name(lex, rest) && name_tokens_ok(t, k, z) {
            // (A relative clause before the role is no part of it: 一直致力于
            // 城市更新的|全国政协委员.)
            let r = (a..k).rev().find(|&d| t.c[d] == '的').filter(|&d| d + 2 <= k && (a..d).any(|i| t.boundary[i] && t.tag(i).starts_with('v'))).map_or(a, |d| d + 1);
            return Some(Found {
                name: rest.to_string(),
                kind: SpeakerKind::Person,
                role: Some(t.sub(r, k).to_string()),
                alias: None,
                at: (k, z),
            });
        }
    }
    None
}

/// Where a personal name in Latin letters ends `a..z`: two or three
/// capitalised words (Rachel Zoe, Henk Rogers), at most 30 chars.
fn latin_name_start(t: &Text, a: usize, z: usize) -> Option<usize> {
    let capitalised = |w: &[char]| w.len() >= 2 && w[0].is_ascii_uppercase() && w[1..].iter().all(|c| c.is_ascii_lowercase());
    // Walk back word by word (CEO Oliver Grant: the name is the last two).
    let (mut k, mut words, mut best) = (z, 0, None);
    while words < 3 {
        let end = k;
        while k > a && t.c[k - 1].is_ascii_alphabetic() {
            k -= 1;
        }
        if !capitalised(&t.c[k..end]) {
            break;
        }
        words += 1;
        if words >= 2 && z - k <= 30 {
            best = Some(k);
        }
        if k > a + 1 && t.c[k - 1] == ' ' && t.c[k - 2].is_ascii_alphabetic() {
            k -= 1;
        } else {
            break;
        }
    }
    // (After a word in lower case it is some other phrase: the Grand Tour.)
    best.filter(|&k| k == a || !(t.c[k - 1] == ' ' && t.c[k - 2].is_ascii_lowercase()))
}

/// Two or three capitalised Latin words, at most 30 bytes: a personal name
/// (Rachel Zoe, Henk Rogers), as `latin_name_start` finds them in the text.
pub(crate) fn is_latin_name(s: &str) -> bool {
    let capitalised = |w: &str| w.len() >= 2 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w[1..].bytes().all(|b| b.is_ascii_lowercase());
    let words = s.split(' ').count();
    (2..=3).contains(&words) && s.len() <= 30 && s.split(' ').all(capitalised)
}

/// A name written after a title: 2–4 Han chars, or a transliteration with -/·.
fn plausible_name(lex: &Lexicon, s: &str) -> bool {
    let n = s.chars().count();
    let translit = s.contains(['-', '·', '•']);
    let ok_chars = s.chars().all(|c| is_han(c) || matches!(c, '-' | '·' | '•'));
    ok_chars
        && (2..=if translit { 12 } else { 7 }).contains(&n)
        && lex.title_suffix(s).is_none()
        && lex.anonymous.longest_suffix(s).is_none()
        && !is_org_name(s)
        && !s.starts_with(['的', '和', '与', '及', '等', '、', '同', '跟', '向', '对'])
}

/// A Chinese name (2–3 chars) starts with a surname; a longer unseparated
/// transliteration (纳波利塔诺) is not made of ordinary words (变更公告).
fn name_tokens_ok(t: &Text, a: usize, z: usize) -> bool {
    let s = t.sub(a, z);
    if s.contains(['-', '·', '•']) || (a..z).all(|i| t.tag(i).starts_with("nr")) {
        return true;
    }
    let lx = EntityLexicon::get();
    if z - a <= 3 && lx.surname_at_start(s).is_some() {
        return true;
    }
    // Every jieba word of two or more chars inside the name must be a name or unknown.
    let mut i = a;
    while i < z {
        let mut j = i + 1;
        while j < z && !t.boundary[j] {
            j += 1;
        }
        let tag = t.tag(i);
        if j - i >= 2 && t.tok_start(i) == i && !(tag.starts_with("nr") || tag.starts_with("ns") || tag == "x" || tag == "nz" || tag == "nrt") {
            return false;
        }
        i = j;
    }
    z - a >= 3
}

/// A bare person name: tagged as a person by the entities or jieba, or a
/// transliterated name with a separator.
pub fn is_person_name(t: &Text, person: &[bool], a: usize, z: usize) -> bool {
    let s = t.sub(a, z);
    let n = z - a;
    // A one-char last part of a joined foreign name (杨 of 赛迪斯-杨) stands for it.
    if n == 1 {
        return is_han(t.c[a]) && short_of_full(t, s);
    }
    if !(2..=12).contains(&n) || !s.chars().all(|c| is_han(c) || matches!(c, '-' | '·' | '•')) {
        return false;
    }
    (a..z).all(|i| person[i])
        || (s.contains(['-', '·', '•']) && !s.starts_with(['-', '·']))
        || surname_split(t, a, z)
        || short_of_full(t, s)
        || is_familiar_form(s)
}

/// 小王 / 老李: a one-char surname with a familiar prefix, a person's short form.
fn is_familiar_form(s: &str) -> bool {
    s.chars().count() == 2 && s.starts_with(['小', '老']) && EntityLexicon::get().surname_at_start(&s[3..]) == Some(3)
}

/// 米尔萨普 when the text also writes 保罗-米尔萨普: the surname of a
/// transliterated full name.
fn short_of_full(t: &Text, s: &str) -> bool {
    t.follows_separator(s)
}

/// 周|明远: a 2–3 char subject that jieba cut after a surname (it did not know
/// the name as a word), the rest not a function word.
fn surname_split(t: &Text, a: usize, z: usize) -> bool {
    let s = t.sub(a, z);
    if !(2..=3).contains(&(z - a)) || !s.chars().all(is_han) {
        return false;
    }
    let lx = EntityLexicon::get();
    // (jieba's dictionary tags some common words and places nr: 白皮书, 黎巴嫩.)
    if lx.never_a_person(s) {
        return false;
    }
    let Some(sl) = lx.surname_at_start(s) else { return false };
    let k = a + s[..sl].chars().count();
    // 但|康利 inside 但康利/nr: the subject rules skipped a connective jieba
    // glued onto the name, so the name starts inside that word.
    let glued = a > 0 && t.tok_start(a) == a - 1 && super::subject::is_glued_connective(t.c[a - 1]);
    if glued && (a..z).all(|i| t.tok_start(i) == a - 1) && t.boundary[z] && matches!(t.tag(a), "nr" | "nrt" | "x") {
        return true;
    }
    // jieba may also cut inside the given name (刘长|根): a person-tagged
    // start with the rest glued to it is the same name.
    if t.tag(a).starts_with("nr") && t.tok_start(a) == a && z - a == 3 && !is_org_name(s) {
        return true;
    }
    // 李|明说: a one-char surname token, and the given name's only char
    // glued to the cue after it.
    if z - a == 2 && t.tag(a).starts_with("nr") && t.tok_start(a) == a && t.boundary[a + 1] && !t.boundary[z] && t.tok_start(z) == a + 1 && t.person_entity[a + 1] {
        return true;
    }
    k < z
        && t.boundary[k]
        && (t.tok_start(a) == a || glued)
        && (k..z).all(|i| !matches!(t.tag(i).chars().next(), Some('v' | 'p' | 'd' | 'u' | 'c' | 'r' | 'm' | 'q' | 'f')))
}

/// An anonymous source: the phrase ends with a descriptor (人士, 专家) and names
/// nobody; the name drops determiners and anything up to the last 的.
fn anonymous(t: &Text, lex: &Lexicon, a: usize, z: usize) -> Option<Found> {
    let s = t.sub(a, z);
    // A job title with nobody named is anonymous too when the phrase is
    // clearly unnamed (一家新开门店的店长, 某公司经理).
    // (Also a determiner inside: 城南一家楼盘销售总监.)
    let unnamed = s.contains(['的', '某']) || DETERMINERS.iter().any(|d| s.starts_with(d)) || INNER_DETERMINERS.iter().any(|d| s.contains(d));
    let core = s.strip_suffix('们').unwrap_or(s);
    // 有关部门 / 当地应急部门 are unnamed; a place's department (云南省卫生部门)
    // is a body, and 军方和情报部门 joins named sources.
    if core.ends_with("部门") && (is_org_name(core) || core.contains(['和', '与', '等', '及', '、'])) {
        return None;
    }
    if lex.anonymous.longest_suffix(core).is_none() && !(unnamed && lex.title_suffix(s).is_some()) {
        return None;
    }
    let mut name = s;
    let mut start = a;
    // 学者们 / 代表们: the group is named by its descriptor.
    if let Some(x) = name.strip_suffix('们').filter(|x| lex.anonymous.longest_suffix(x).is_some()) {
        name = x;
    }
    if let Some(i) = name.rfind('的') {
        start = a + name[..i].chars().count() + 1;
        name = &name[i + '的'.len_utf8()..];
    }
    // 城南一家楼盘销售总监 → 楼盘销售总监: the descriptor after a determiner inside.
    if let Some((i, d)) = INNER_DETERMINERS.iter().filter_map(|d| name.rfind(d).map(|i| (i, d))).max() {
        if i > 0 && i + d.len() < name.len() {
            start += name[..i + d.len()].chars().count();
            name = &name[i + d.len()..];
        }
    }
    // (A determiner is a word of its own: 一直有消息 has no 一 to drop.)
    while let Some(d) = DETERMINERS.iter().find(|d| name.starts_with(*d) && name.len() > d.len() && t.boundary[start + d.chars().count()]) {
        name = &name[d.len()..];
        start += d.chars().count();
    }
    // A descriptor is a noun phrase: a verb in it means the subject was cut wrong.
    // Two action verbs mean a clause, not a descriptor (one may be a jieba mis-tag: 分行).
    if (start..z).filter(|&i| is_action_verb(t, i)).count() >= 2 {
        return None;
    }
    // (Nor a number: 望40岁前做爸爸 is a heading's clause.)
    if name.chars().count() > 30 || name.is_empty() || name.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(Found {
        name: name.to_string(),
        kind: SpeakerKind::Anonymous,
        role: None,
        alias: (name != s).then(|| s.to_string()),
        at: (a, z),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_list_walk_matches_the_comparisons() {
        let words = [
            "", "会", "学会", "学生会", "国家统计局", "方", "对方", "联合国", "联合国大会", "研究所", "某研究所", "集团公司",
            "公司", "腾讯", "王某", "电视台", "台", "abc网", "网", "社会", "欧盟", "欧盟委员会", "研究院所",
        ];
        for w in words {
            let n = w.chars().count();
            let scan = ORG_SUFFIXES.iter().any(|x| w.ends_with(x) && w != *x);
            assert_eq!(org_suffixes().any_suffix(w, |k| k < n), scan, "{w}");
        }
    }
}
