//! UI strings in Chinese (default) and English. One struct per language so a
//! missing translation is a compile error, not a blank button.

/// UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 简体中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Parses `lang` attribute values: anything starting with `en` → English, else Chinese.
    pub fn parse(s: &str) -> Self {
        if s.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// This language's strings.
    pub fn t(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// Every UI string.
#[allow(missing_docs)]
pub struct Texts {
    pub title: &'static str,
    pub input_label: &'static str,
    pub input_placeholder: &'static str,
    pub paste: &'static str,
    pub clear: &'static str,
    pub sample: &'static str,
    pub lang_switch: &'static str,
    pub analyzing: &'static str,
    pub chars: &'static str,
    pub too_long: &'static str,
    pub storage_failed: &'static str,
    pub clipboard_failed: &'static str,
    pub copied: &'static str,
    pub error: &'static str,
    pub worker_fallback: &'static str,
    pub article: &'static str,
    pub empty_article: &'static str,
    pub legend: &'static str,
    pub panel_title: &'static str,
    pub filter_speakers: &'static str,
    pub no_speakers: &'static str,
    pub statements_n: &'static str,
    pub show_all: &'static str,
    pub role: &'static str,
    pub affiliation: &'static str,
    pub cue: &'static str,
    pub direct: &'static str,
    pub indirect: &'static str,
    pub unknown_speaker: &'static str,
    pub summary: &'static str,
    pub orgs_mentioned: &'static str,
    pub figures_found: &'static str,
    pub none: &'static str,
    pub export: &'static str,
    pub copy_json: &'static str,
    pub download_json: &'static str,
    pub keys_hint: &'static str,
    pub kind_organization: &'static str,
    pub kind_person: &'static str,
    pub kind_position: &'static str,
    pub kind_figure: &'static str,
    pub kind_work: &'static str,
    pub kind_term: &'static str,
    pub kind_statement: &'static str,
    pub speaker_person: &'static str,
    pub speaker_organization: &'static str,
    pub speaker_anonymous: &'static str,
}

impl Texts {
    /// The display name of a highlight kind.
    pub fn kind(&self, kind: &str) -> &'static str {
        match kind {
            "organization" => self.kind_organization,
            "person" => self.kind_person,
            "position" => self.kind_position,
            "figure" => self.kind_figure,
            "work" => self.kind_work,
            "term" => self.kind_term,
            "statement" => self.kind_statement,
            _ => "",
        }
    }

    /// "N statements" with the right number (English singular for 1).
    pub fn statements_count(&self, n: usize) -> String {
        if n == 1 && self.statements_n == "statements" {
            "1 statement".to_string()
        } else {
            format!("{n} {}", self.statements_n)
        }
    }

    /// The badge for a speaker kind.
    pub fn speaker_kind(&self, kind: &str) -> &'static str {
        match kind {
            "organization" => self.speaker_organization,
            "anonymous" => self.speaker_anonymous,
            _ => self.speaker_person,
        }
    }
}

static ZH: Texts = Texts {
    title: "批注",
    input_label: "文章原文",
    input_placeholder: "在此粘贴中文新闻稿……",
    paste: "从剪贴板粘贴",
    clear: "清空",
    sample: "载入示例",
    lang_switch: "English",
    analyzing: "正在分析……",
    chars: "字",
    too_long: "文本过长（超过 2,000,000 字符），未做分析；原文已保留。",
    storage_failed: "无法保存草稿（浏览器存储已满或不可用）；请勿关闭页面，以免丢失。",
    clipboard_failed: "无法访问剪贴板，请用 Ctrl+V 粘贴。",
    copied: "已复制 JSON",
    error: "分析出错：",
    worker_fallback: "后台分析不可用，已在页面内分析。",
    article: "批注后的文章",
    empty_article: "粘贴文章后，这里会显示批注。",
    legend: "图例（点击切换显示）",
    panel_title: "谁说了什么",
    filter_speakers: "筛选说话人",
    no_speakers: "未找到说话人。",
    statements_n: "条言论",
    show_all: "显示全部",
    role: "职务",
    affiliation: "机构",
    cue: "引述词",
    direct: "直接引语",
    indirect: "间接引语",
    unknown_speaker: "未知来源",
    summary: "概要",
    orgs_mentioned: "提及的机构",
    figures_found: "数字",
    none: "无",
    export: "导出",
    copy_json: "复制 JSON",
    download_json: "下载 JSON",
    keys_hint: "快捷键：j/k 或 ↑/↓ 切换言论，Enter 跳转",
    kind_organization: "机构",
    kind_person: "人物",
    kind_position: "职务",
    kind_figure: "数字",
    kind_work: "作品",
    kind_term: "术语",
    kind_statement: "言论",
    speaker_person: "人物",
    speaker_organization: "机构",
    speaker_anonymous: "匿名",
};

static EN: Texts = Texts {
    title: "pizhu",
    input_label: "Article text",
    input_placeholder: "Paste a Chinese news article here…",
    paste: "Paste from clipboard",
    clear: "Clear",
    sample: "Load sample",
    lang_switch: "中文",
    analyzing: "Analyzing…",
    chars: "chars",
    too_long: "Text too long (over 2,000,000 characters); not analyzed. Your text is kept.",
    storage_failed: "Could not save the draft (browser storage full or unavailable); keep this page open.",
    clipboard_failed: "No clipboard access; paste with Ctrl+V.",
    copied: "JSON copied",
    error: "Analysis failed: ",
    worker_fallback: "Background analysis unavailable; analyzing in the page.",
    article: "Annotated article",
    empty_article: "Paste an article to see it annotated here.",
    legend: "Legend (click to toggle)",
    panel_title: "Who said what",
    filter_speakers: "Filter speakers",
    no_speakers: "No speakers found.",
    statements_n: "statements",
    show_all: "Show all",
    role: "Role",
    affiliation: "Affiliation",
    cue: "Cue",
    direct: "direct",
    indirect: "indirect",
    unknown_speaker: "Unknown source",
    summary: "Summary",
    orgs_mentioned: "Organizations mentioned",
    figures_found: "Figures",
    none: "none",
    export: "Export",
    copy_json: "Copy JSON",
    download_json: "Download JSON",
    keys_hint: "Keys: j/k or ↑/↓ move between statements, Enter jumps",
    kind_organization: "Organization",
    kind_person: "Person",
    kind_position: "Position",
    kind_figure: "Figure",
    kind_work: "Work",
    kind_term: "Term",
    kind_statement: "Statement",
    speaker_person: "person",
    speaker_organization: "organization",
    speaker_anonymous: "anonymous",
};
