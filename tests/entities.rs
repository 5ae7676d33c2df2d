//! Entity recognition on sentences written for these tests: organizations,
//! people, positions, works and figures, plus robustness on awkward input.

use pizhu::engine::{Document, Engine, EntityKind, Subkind};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::new)
}

fn texts(doc: &Document, text: &str, kind: EntityKind) -> Vec<String> {
    doc.entities.iter().filter(|e| e.kind == kind).map(|e| e.span.slice(text).to_string()).collect()
}

fn has(doc: &Document, text: &str, kind: EntityKind, want: &str) -> bool {
    texts(doc, text, kind).iter().any(|t| t == want)
}

#[test]
fn figure_cases_from_file() {
    let cases = include_str!("cases/figures.txt");
    let mut failures = Vec::new();
    for line in cases.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (sentence, want) = line.split_once('\t').unwrap_or((line, ""));
        let want: Vec<&str> = want.split('|').filter(|s| !s.is_empty()).collect();
        let doc = engine().annotate(sentence);
        let got = texts(&doc, sentence, EntityKind::Figure);
        if got != want {
            failures.push(format!("{sentence}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "figure cases failed:\n{}", failures.join("\n"));
}

#[test]
fn organization_cases_from_file() {
    let cases = include_str!("cases/organizations.txt");
    let mut failures = Vec::new();
    for line in cases.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut fields = line.split('\t');
        let sentence = fields.next().unwrap_or("");
        let list = |f: Option<&str>| f.unwrap_or("").split('|').filter(|s| !s.is_empty()).map(str::to_string).collect::<Vec<_>>();
        let (want, not) = (list(fields.next()), list(fields.next()));
        let doc = engine().annotate(sentence);
        let got = texts(&doc, sentence, EntityKind::Organization);
        let missing: Vec<&String> = want.iter().filter(|w| !got.contains(w)).collect();
        let wrong: Vec<&String> = not.iter().filter(|w| got.contains(w)).collect();
        if !missing.is_empty() || !wrong.is_empty() {
            failures.push(format!("{sentence}\n  missing {missing:?}, wrongly found {wrong:?}; got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "organization cases failed:\n{}", failures.join("\n"));
}

#[test]
fn organizations_from_lexicon_suffix_and_context() {
    let text = "腾讯与阿里巴巴旗下的蚂蚁集团签约，北京星河数据科技有限公司也参与其中。据《华尔街日报》报道，美国财政部对此表示关注。";
    let doc = engine().annotate(text);
    for want in ["腾讯", "阿里巴巴", "蚂蚁集团", "北京星河数据科技有限公司", "华尔街日报", "美国财政部"] {
        assert!(has(&doc, text, EntityKind::Organization, want), "missing {want}: {:?}", texts(&doc, text, EntityKind::Organization));
    }
    let media = doc.entities.iter().find(|e| e.kind == EntityKind::Organization && e.span.slice(text) == "华尔街日报");
    assert_eq!(media.and_then(|e| e.subkind), Some(Subkind::Media));
    assert!(has(&doc, text, EntityKind::Work, "华尔街日报"));
}

#[test]
fn generic_category_words_are_not_organizations() {
    let text = "多家上市公司和商业银行都在观望，这个大变局里谁也说不准。";
    let doc = engine().annotate(text);
    let orgs = texts(&doc, text, EntityKind::Organization);
    for bad in ["上市公司", "大变局", "变局"] {
        assert!(!orgs.iter().any(|o| o == bad), "{bad} taken as organization: {orgs:?}");
    }
}

#[test]
fn people_before_person_predicates_and_in_credits() {
    // 韦栖岚 opens a clause before 参加; 陈静 follows another name's credit (林若溪/文).
    let text = "韦栖岚参加会谈。前锋肖恩-卡特表现出色。林若溪/文陈静/图";
    let doc = engine().annotate(text);
    assert_eq!(texts(&doc, text, EntityKind::Person), ["韦栖岚", "肖恩-卡特", "林若溪", "陈静"]);
}

#[test]
fn regression_famous_full_name_before_a_noun_phrase() {
    // jieba's dictionary lists the name as a famous person's (nrfg); no title
    // or cue is next to it, only the name of a body of thought.
    let text = "各地认真学习习近平新时代中国特色社会主义思想。";
    let doc = engine().annotate(text);
    assert_eq!(texts(&doc, text, EntityKind::Person), ["习近平"]);
}

#[test]
fn two_char_name_before_a_form_of_address() {
    // A two-char name needs context on both sides, unless 先生/女士 follows it.
    let text = "我们采访了业内专家程阳先生和策划总监杜硕女士。";
    let doc = engine().annotate(text);
    for want in ["程阳", "杜硕"] {
        assert!(has(&doc, text, EntityKind::Person, want), "missing {want}: {:?}", texts(&doc, text, EntityKind::Person));
    }
}

#[test]
fn regression_transliterations_with_rarer_chars() {
    // 朔, 连, 卜, 济, 罕: transliteration chars the list lacked, so the name
    // after the title was dropped or cut (连斯基).
    let text = "德国总理朔尔茨会见乌克兰总统泽连斯基，外长阿卜杜拉和特使穆罕默德陪同。";
    let doc = engine().annotate(text);
    for want in ["朔尔茨", "泽连斯基", "阿卜杜拉", "穆罕默德"] {
        assert!(has(&doc, text, EntityKind::Person, want), "missing {want}: {:?}", texts(&doc, text, EntityKind::Person));
    }
}

#[test]
fn people_after_titles_bylines_and_with_separators() {
    let text = "（记者 周明远）公司CEO林晓峰表示，将与德国总理默茨会面。球队主帅卡尔-安德森和前锋马克·汤普森都已抵达。";
    let doc = engine().annotate(text);
    for want in ["周明远", "林晓峰", "默茨", "卡尔-安德森", "马克·汤普森"] {
        assert!(has(&doc, text, EntityKind::Person, want), "missing {want}: {:?}", texts(&doc, text, EntityKind::Person));
    }
    assert!(has(&doc, text, EntityKind::Position, "CEO"));
    assert!(has(&doc, text, EntityKind::Position, "总理"));
}

#[test]
fn common_words_starting_with_a_surname_are_not_people() {
    let text = "他解释说，这份白皮书提高了安全带的使用率，宾客们也很满意。";
    let doc = engine().annotate(text);
    let people = texts(&doc, text, EntityKind::Person);
    assert!(people.is_empty(), "false people: {people:?}");
}

#[test]
fn people_never_overlap_organizations() {
    let text = "银监会发布通知，彭小军认为影响有限。";
    let doc = engine().annotate(text);
    assert!(has(&doc, text, EntityKind::Organization, "银监会"));
    assert!(has(&doc, text, EntityKind::Person, "彭小军"));
    assert!(!has(&doc, text, EntityKind::Person, "银监会"));
}

/// Every span lies on char boundaries inside the text.
fn check_spans(text: &str) {
    let doc = engine().annotate(text);
    for e in &doc.entities {
        assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "span out of range in {text:?}");
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end), "span off a char boundary in {text:?}");
        assert!(!e.span.is_empty(), "empty span in {text:?}");
    }
}

#[test]
fn awkward_input_never_panics() {
    let inputs = [
        "",
        " ",
        "\r\n\r\n",
        "《",
        "》《》《",
        "·-·",
        "第",
        "百分之",
        "3-",
        "12.",
        "𠀀𠀁𠀂王𠀃说",
        "😀京东😀CEO😀徐某😀表示，增长30%😀",
        "<p>公司&nbsp;CEO&nbsp;王明表示</p>",
        "ＡＢＣ公司１２３元，Ｘ—Ｙ",
        "李",
        "欧阳",
        "记者",
        "部长",
        "集团",
        "保罗-",
        "-米尔",
        "张三、",
        "、李四",
        "北京市 城乡 建设 集团",
    ];
    for s in inputs {
        check_spans(s);
    }
}

mod props {
    use super::check_spans;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Random mixes of the characters the rules care about never break spans.
        #[test]
        fn random_text_keeps_spans_on_char_boundaries(s in "[王李欧阳张三公司集团部长CEO表示说《》“”·\\-0-9０-９.%％万亿元年月日第一二两个、，。 \r\n😀𠀀a-zA-Z]{0,60}") {
            check_spans(&s);
        }
    }
}

#[test]
fn fixtures_and_honorifics_are_not_people() {
    let text = "周末焦点战：波尔图vs本菲卡。王先生说他会去看。";
    let doc = engine().annotate(text);
    let people = texts(&doc, text, EntityKind::Person);
    assert!(!people.iter().any(|p| p == "王先生" || p == "波尔图"), "false people: {people:?}");
}

#[test]
fn a_name_speaking_as_a_body_is_an_organization() {
    let text = "对此，Zentrix方面表示暂不回应。";
    let doc = engine().annotate(text);
    assert!(has(&doc, text, EntityKind::Organization, "Zentrix"), "{:?}", texts(&doc, text, EntityKind::Organization));
}

#[test]
fn list_members_next_to_known_organizations_are_organizations() {
    let text = "入驻的平台包括淘宝、京东、拼多多、星芒优选等。";
    let doc = engine().annotate(text);
    assert!(has(&doc, text, EntityKind::Organization, "星芒优选"), "{:?}", texts(&doc, text, EntityKind::Organization));
}

#[test]
fn clipped_tails_and_number_cut_names_are_dropped() {
    let text = "工业和信息化部与二十国集团的代表会面。";
    let doc = engine().annotate(text);
    let orgs = texts(&doc, text, EntityKind::Organization);
    assert!(orgs.iter().any(|o| o == "工业和信息化部"), "{orgs:?}");
    assert!(!orgs.iter().any(|o| o == "信息化部" || o == "十国集团"), "{orgs:?}");
}

#[test]
fn names_after_credits_and_ju() {
    let text = "文/韩立新 据马骁介绍，新馆明年开放。";
    let doc = engine().annotate(text);
    for want in ["韩立新", "马骁"] {
        assert!(has(&doc, text, EntityKind::Person, want), "missing {want}: {:?}", texts(&doc, text, EntityKind::Person));
    }
}

#[test]
fn public_bodies_named_by_their_country() {
    // A country's government, army command or party: the place is part of the name.
    let text = "据巴西政府消息，秘鲁共产党和美国中央司令部当天都发表了声明，地方政府暂未回应。";
    let doc = engine().annotate(text);
    for want in ["巴西政府", "秘鲁共产党", "美国中央司令部"] {
        assert!(has(&doc, text, EntityKind::Organization, want), "missing {want}: {:?}", texts(&doc, text, EntityKind::Organization));
    }
    // Without a proper name in front, 政府 is a category.
    assert!(!has(&doc, text, EntityKind::Organization, "地方政府"));
}

#[test]
fn joined_foreign_names_with_a_one_char_part() {
    let text = "前锋卡洛斯-莫，中锋马里奥-洛佩兹和罗兰-奥利维耶机场都出现在报道里。";
    let doc = engine().annotate(text);
    for want in ["卡洛斯-莫", "马里奥-洛佩兹"] {
        assert!(has(&doc, text, EntityKind::Person, want), "missing {want}: {:?}", texts(&doc, text, EntityKind::Person));
    }
    // A place named after someone is not the person.
    assert!(!texts(&doc, text, EntityKind::Person).iter().any(|p| p.contains("奥利维耶")));
}

#[test]
fn portal_units_and_glued_connectives() {
    // 新浪体育 is the unit as written; 而据 glued before an outlet is not part of it.
    let text = "新浪体育讯 而据纽约时报报道，球队已经完成签约。";
    let doc = engine().annotate(text);
    let orgs = texts(&doc, text, EntityKind::Organization);
    assert!(orgs.contains(&"新浪体育".to_string()), "{orgs:?}");
    assert!(orgs.contains(&"纽约时报".to_string()), "{orgs:?}");
    assert!(!orgs.iter().any(|o| o == "新浪" || o.starts_with("而据")), "{orgs:?}");
}

#[test]
fn two_char_name_before_a_title() {
    // A two-char name jieba guessed is one when a title follows it; a
    // surname before 姓 or an office's short name before a title is not.
    let text = "昨天张斌教练带队训练。这是尹力导演的新片。一名黄姓组长在场，农办主任也来了。";
    let doc = engine().annotate(text);
    let people = texts(&doc, text, EntityKind::Person);
    assert!(people.contains(&"张斌".to_string()) && people.contains(&"尹力".to_string()), "{people:?}");
    assert!(!people.iter().any(|p| p == "黄姓" || p == "农办"), "{people:?}");
}

#[test]
fn a_name_given_as_a_name() {
    // 名叫/化名 give the name that follows; not the 化名 inside 文化名城.
    let text = "她名叫葆拉，来自圣路易斯。化名小丽的学生也来了。这座文化名城过大年。";
    let doc = engine().annotate(text);
    assert_eq!(texts(&doc, text, EntityKind::Person), ["葆拉", "小丽"]);
}

#[test]
fn regression_a_clipped_name_inside_the_whole_one_was_a_second_person() {
    // The title rule finds 米舒斯京 after 总理; jieba's own name token is
    // 舒斯京. One person, not two overlapping ones.
    let text = "总理米舒斯京在会上说，今年的预算将增加。";
    let doc = engine().annotate(text);
    assert_eq!(texts(&doc, text, EntityKind::Person), ["米舒斯京"]);
}
