//! The draft of the text that fixes a structure, as French organisation texts are written:
//! visas, « Article 1er » listing what the head unit comprises, one article per unit with its
//! missions word for word, the bodies, the publication clause. Built once as a neutral
//! document that each writer (`plain`, `docx`, `odt`) only lays out.

use super::french::{capitalised, definite, typeset};
use crate::model::{Hierarchy, Organisation, Unit};

/// A decree (« Décrète : ») or an arrêté (« Arrête : »).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Form {
    #[default]
    Decret,
    Arrete,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DraftOptions {
    pub form: Form,
    /// Each unit with sub-units gets its own « comprend » article, rather than having them
    /// nested under it in article 1er.
    pub articles_per_unit: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(String),
    /// The title and the « Décrète : » line.
    Centered(String),
    /// A « – » list item, `level` 1 for the outermost list.
    Item {
        level: usize,
        text: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// 1 for « Article 1er ».
    pub number: usize,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    pub preamble: Vec<Block>,
    pub articles: Vec<Article>,
    pub closing: Vec<Block>,
}

/// Every text of the draft goes through French typography once, here.
pub(super) fn para(text: String) -> Block {
    Block::Paragraph(typeset(&text))
}

pub(super) fn item(level: usize, text: String) -> Block {
    Block::Item {
        level,
        text: typeset(&text),
    }
}

/// A list item's text ending as French lists do: « ; » between, « . » after the last. A
/// mission quoted with its own list dash and « ; » has them replaced; one that ends a
/// sentence keeps its full stop.
pub(super) fn ending(text: &str, last: bool) -> String {
    let text = one_line(text);
    let text = text
        .trim_start_matches(['―', '–', '—', '-', '•'])
        .trim_start();
    let text = text.trim_end_matches([';', ',', ' ']);
    if text.ends_with(['.', ':', '!', '?', '…']) {
        text.to_string()
    } else {
        format!("{text}{}", if last { "." } else { " ;" })
    }
}

/// A paragraph of the draft is one line; missions typed over several are joined.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn subject(name: &str) -> String {
    capitalised(&definite(&one_line(name)))
}

/// A mission that reads as a paragraph of its own: a sentence with a capital and a full stop.
fn is_sentence(text: &str) -> bool {
    let text = text.trim();
    let starts = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    starts && text.ends_with(['.', '!', '?', '»', ')'])
}

pub fn draft(org: &Organisation, options: &DraftOptions) -> Document {
    let tree = Hierarchy::of(org);
    let roots = tree.roots();
    let head = match roots {
        [root] => org.units[*root].name.clone(),
        _ => org.name.clone(),
    };
    let (kind, verb, minister) = match options.form {
        Form::Decret => ("Décret n° … du …", "Décrète :", "Le Premier ministre,"),
        Form::Arrete => ("Arrêté du …", "Arrête :", "Le ministre …,"),
    };
    let title = typeset(&format!(
        "{kind} portant organisation {}",
        super::french::of(&one_line(&head))
    ));
    let mut preamble = vec![para(minister.to_string())];
    let visas = &org.legal_texts;
    for (i, text) in visas.iter().enumerate() {
        let mut visa = format!("Vu {}", definite(&one_line(&text.reference)));
        visa += blanks(&text.reference);
        if !text.title.is_empty() {
            visa += &format!(" ({})", one_line(&text.title));
        }
        if !text.article.is_empty() {
            visa += &format!(", notamment son article {}", text.article);
        }
        visa += if i + 1 == visas.len() { "," } else { " ;" };
        preamble.push(para(visa));
    }
    preamble.push(Block::Centered(typeset(verb)));

    let mut articles = Vec::new();
    let mut first = Vec::new();
    for &root in roots {
        if !tree.children(root).is_empty() {
            first.push(para(format!(
                "{} comprend :",
                subject(&org.units[root].name)
            )));
            list(org, &tree, root, !options.articles_per_unit, &mut first);
        }
    }
    if !first.is_empty() {
        articles.push(first);
    }
    for &root in roots {
        let mut stack = vec![root];
        while let Some(i) = stack.pop() {
            let unit = &org.units[i];
            let children = tree.children(i);
            if options.articles_per_unit && !roots.contains(&i) && !children.is_empty() {
                let mut blocks = vec![para(format!("{} comprend :", subject(&unit.name)))];
                list(org, &tree, i, false, &mut blocks);
                articles.push(blocks);
            }
            if !unit.missions.is_empty() && !names_itself(unit) {
                articles.push(missions(unit));
            }
            stack.extend(children.iter().rev());
        }
    }
    articles.extend(org.bodies.iter().map(|b| super::bodies::article(org, b)));
    let this = match options.form {
        Form::Decret => "décret",
        Form::Arrete => "arrêté",
    };
    articles.push(vec![para(format!(
        "Le présent {this} sera publié au Journal officiel de la République française."
    ))]);
    Document {
        title,
        preamble,
        articles: articles
            .into_iter()
            .enumerate()
            .map(|(i, blocks)| Article {
                number: i + 1,
                blocks,
            })
            .collect(),
        closing: vec![para("Fait le …".to_string())],
    }
}

/// The units below `parent` as « – » items, one indent per level when `nested`, « ; »
/// between and « . » after the last.
fn list(org: &Organisation, tree: &Hierarchy, parent: usize, nested: bool, out: &mut Vec<Block>) {
    // Walked with a stack rather than recursion: a hierarchy may be thousands deep.
    let mut rows: Vec<(usize, usize)> = Vec::new();
    let mut stack: Vec<(usize, usize)> = tree
        .children(parent)
        .iter()
        .rev()
        .map(|&c| (c, 1))
        .collect();
    while let Some((i, level)) = stack.pop() {
        rows.push((i, level));
        if nested {
            stack.extend(tree.children(i).iter().rev().map(|&c| (c, level + 1)));
        }
    }
    let n = rows.len();
    for (k, &(i, level)) in rows.iter().enumerate() {
        let name = definite(&one_line(&org.units[i].name));
        let text = if nested && !tree.children(i).is_empty() {
            format!("{name}, qui comprend :")
        } else {
            ending(&name, k + 1 == n)
        };
        out.push(item(level, text));
    }
}

/// A paragraph without its part number: « I. – Le département … » is about the département.
fn without_part(text: &str) -> &str {
    let Some((number, rest)) = text.split_once(['.', '°']) else {
        return text;
    };
    let numbered = !number.is_empty()
        && number.len() <= 5
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || "IVXL".contains(c));
    if !numbered {
        return text;
    }
    rest.trim_start()
        .trim_start_matches(['―', '–', '—', '-'])
        .trim_start()
}

/// A unit whose one mission is the line that lists it (« une mission chargée des usagers »):
/// article 1er already says it, and reading it back gives that mission.
fn names_itself(unit: &Unit) -> bool {
    let key = super::read::key;
    super::read::implies_mission(&unit.name)
        && matches!(unit.missions.as_slice(), [m] if key(&m.text) == key(&unit.name))
}

/// A unit's article: its missions as paragraphs when each is a sentence, else as a list;
/// introduced by the unit's name when the first does not start with it, so that the
/// article says whose missions these are.
fn missions(unit: &Unit) -> Vec<Block> {
    let name = subject(&unit.name);
    let texts: Vec<String> = unit.missions.iter().map(|m| one_line(&m.text)).collect();
    let mut blocks = Vec::new();
    if texts.iter().all(|t| is_sentence(t)) {
        let first = crate::model::fold(without_part(texts.first().map_or("", |t| t.as_str())));
        if !first.starts_with(&crate::model::fold(&name)) {
            blocks.push(para(format!("{name} exerce les missions suivantes :")));
        }
        blocks.extend(texts.into_iter().map(para));
    } else {
        blocks.push(para(format!("{name} exerce les missions suivantes :")));
        let n = texts.len();
        for (k, text) in texts.iter().enumerate() {
            blocks.push(item(1, ending(text, k + 1 == n)));
        }
    }
    blocks
}

/// What a visa leaves for the officer to fill in when the file names a text by its kind
/// alone (« Décret », as sources that give neither number nor date): « n° … du … » after a
/// decree, « du … » after an arrêté, the way a draft marks what is still to be found.
fn blanks(reference: &str) -> &'static str {
    if reference.chars().any(|c| c.is_ascii_digit()) {
        return "";
    }
    match crate::model::fold(reference.trim()).as_str() {
        "decret" => " n° … du …",
        "arrete" => " du …",
        _ => "",
    }
}
