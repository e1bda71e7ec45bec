//! A pasted text cut into the blocks an article is made of: headings (« Article 2 »),
//! paragraphs and list items, whatever dashes, spaces and line breaks the paste brought.

use crate::i18n::Message;

/// What opens a list item or a numbered part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// ― – — - • : one class, as pastes mix them.
    Dash,
    /// I., II., IV. –
    Roman,
    /// 1°, 2°
    Degree,
    /// 1., 2)
    Arabic,
    /// a), b)
    Letter,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// « Article 2 », with its number (« 1er », « 2 »).
    Heading(String),
    Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub kind: Kind,
    /// The whole block, spaces normalised: what a mission quotes.
    pub text: String,
    /// What follows the marker and its dash, when there is one.
    pub body: String,
    pub marker: Option<Marker>,
    /// Leading spaces of its first line: nested lists are told by it.
    pub indent: usize,
    /// 1-based paragraph number, for the preview.
    pub paragraph: usize,
}

const DASHES: &[char] = &['―', '–', '—', '-', '•', '‒', '−'];

/// Every space (no-break, narrow, tab…) as a plain space; invisible characters dropped.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' => {}
            '\n' => out.push('\n'),
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            c if c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The text of a paste: RTF is refused with a way out, HTML has its tags dropped.
pub fn plain(text: &str) -> Result<String, Message> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim_start().starts_with("{\\rtf") {
        return Err(Message::new(
            "le texte est au format RTF : enregistrez-le en texte brut (.txt) ou copiez-le depuis le traitement de texte, puis réessayez",
            "the text is RTF: save it as plain text (.txt) or copy it from the word processor, then try again",
        ));
    }
    let head = &text[..text.floor_char_boundary(4096)].to_ascii_lowercase();
    let html = ["<p", "<br", "<div", "<html", "<li", "<body", "<span"]
        .iter()
        .any(|t| head.contains(t));
    Ok(if html {
        super::html::to_text(text)
    } else {
        text.replace("\r\n", "\n").replace('\r', "\n")
    })
}

/// The marker opening `line`, and where its body starts.
fn marker(line: &str) -> Option<(Marker, usize)> {
    let first = line.chars().next()?;
    if DASHES.contains(&first) {
        let rest = &line[first.len_utf8()..];
        return rest
            .starts_with(' ')
            .then_some((Marker::Dash, first.len_utf8()));
    }
    let word_end = line.find([' ', '.', ')', '°']).unwrap_or(line.len());
    let (word, after) = line.split_at(word_end);
    let class = if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) && word.len() <= 3 {
        match after.chars().next() {
            Some('°') => Marker::Degree,
            Some('.') | Some(')') => Marker::Arabic,
            _ => return None,
        }
    } else if !word.is_empty()
        && word.len() <= 5
        && word.chars().all(|c| "IVXL".contains(c))
        && after.starts_with('.')
    {
        Marker::Roman
    } else if word.len() == 1
        && word.chars().all(|c| c.is_ascii_lowercase())
        && after.starts_with(')')
    {
        Marker::Letter
    } else {
        return None;
    };
    let end = word_end + after.chars().next().map_or(0, char::len_utf8);
    // « 1. Mettre en œuvre » and « 2° la division » have a space after their marker;
    // « 3.5 % » does not.
    if !line[end..].starts_with(' ') {
        return None;
    }
    let rest = line[end..].trim_start();
    let rest = match rest.chars().next() {
        Some(d) if DASHES.contains(&d) && rest[d.len_utf8()..].starts_with(' ') => {
            &rest[d.len_utf8()..]
        }
        _ => rest,
    };
    Some((class, line.len() - rest.trim_start().len()))
}

/// « Article 2 », « Art. 1er », « ARTICLE PREMIER », and what follows it on its line.
fn heading(line: &str) -> Option<(String, &str)> {
    // « # Article 3 », as Markdown and some exports title it.
    let line = line.trim_start_matches(['#', ' ']);
    let rest = ["article ", "art. "].iter().find_map(|p| {
        let head = line.get(..p.len())?;
        head.eq_ignore_ascii_case(p).then(|| &line[p.len()..])
    })?;
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    let (number, after) = rest.split_at(end);
    let number = number.to_lowercase();
    let ok = number.chars().next().is_some_and(|c| c.is_ascii_digit()) || number == "premier";
    if !ok || number.len() > 8 {
        return None;
    }
    let number = match number.as_str() {
        "premier" | "1er" => "1".to_string(),
        n => n.trim_end_matches(|c: char| c.is_alphabetic()).to_string(),
    };
    let after = after.trim_start_matches(|c: char| c == ' ' || c == '.' || DASHES.contains(&c));
    Some((number, after))
}

/// Small words after which a line cannot end a paragraph.
const OPEN_ENDS: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "l'", "d'", "l’", "d’", "à", "au", "aux", "et", "ou",
    "en", "par", "pour", "sur", "un", "une", "n°", "que", "qui", "dont", "avec", "dans",
];

/// Whether `next` continues the paragraph `line` left open: it starts in lower case, or
/// `line` ends on a word that cannot end a sentence.
fn continues(line: &str, next: &str) -> bool {
    let starts_low = next
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || ",;:)".contains(c));
    let last = line.rsplit(' ').next().unwrap_or_default().to_lowercase();
    starts_low || OPEN_ENDS.contains(&last.as_str()) || last.ends_with(['\'', '’'])
}

/// « La Délégation générale … » after a line without closing punctuation: a new line of a
/// list of names, not the rest of a sentence (whose units are written in lower case).
fn names_a_unit(line: &str, next: &str) -> bool {
    let open = line.ends_with(|c: char| c.is_alphanumeric() || c == ')' || c == '»');
    let start = ["Le ", "La ", "L'", "L’"]
        .iter()
        .find(|d| next.starts_with(*d));
    let capital = start.is_some_and(|d| next[d.len()..].starts_with(char::is_uppercase));
    open && capital && !continues(line, next)
}

/// Whether a text's paragraphs are wrapped over short lines (a PDF, an e-mail), rather than
/// one to a line: among the lines another line follows, hardly any is long.
fn wrapped(lines: &[&str]) -> bool {
    let followed: Vec<&str> = lines
        .windows(2)
        .filter(|w| !w[0].trim().is_empty() && !w[1].trim().is_empty())
        .filter(|w| marker(w[1].trim_start()).is_none())
        .map(|w| w[0])
        .collect();
    let long = followed.iter().filter(|l| l.chars().count() > 120).count();
    long * 10 <= followed.len()
}

pub fn blocks(text: &str) -> Vec<Block> {
    let text = normalise(text);
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end()).collect();
    // Paragraphs separated by blank lines and wrapped over short lines may be broken
    // anywhere inside; otherwise each line is a paragraph unless it plainly goes on.
    let blank_separated = wrapped(&lines)
        && lines
            .windows(2)
            .any(|w| w[0].trim().is_empty() && !w[1].trim().is_empty())
        && lines.iter().filter(|l| !l.trim().is_empty()).count() > 1;
    let mut raw: Vec<(String, usize)> = Vec::new();
    let mut previous_blank = true;
    for line in lines {
        let content = line.trim_start();
        if content.is_empty() {
            previous_blank = true;
            continue;
        }
        let indent = line.len() - content.len();
        let starts_block = marker(content).is_some() || heading(content).is_some();
        let joined = match raw.last() {
            Some((last, _)) if !previous_blank && !starts_block => {
                (blank_separated && !names_a_unit(last, content)) || continues(last, content)
            }
            _ => false,
        };
        match raw.last_mut() {
            Some((last, _)) if joined => {
                last.push(' ');
                last.push_str(content);
            }
            _ => raw.push((content.to_string(), indent)),
        }
        previous_blank = false;
    }
    let mut out = Vec::new();
    for (paragraph, (text, indent)) in raw.into_iter().enumerate() {
        let paragraph = paragraph + 1;
        let text = text
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some((number, after)) = heading(&text) {
            out.push(block(
                Kind::Heading(number),
                String::new(),
                indent,
                paragraph,
            ));
            if !after.is_empty() {
                inline_items(after, indent, paragraph, &mut out);
            }
        } else {
            inline_items(&text, indent, paragraph, &mut out);
        }
    }
    out
}

fn block(kind: Kind, text: String, indent: usize, paragraph: usize) -> Block {
    let (marker, body) = match marker(&text) {
        Some((m, at)) => (Some(m), text[at..].to_string()),
        None => (None, text.clone()),
    };
    Block {
        kind,
        text,
        body,
        marker,
        indent,
        paragraph,
    }
}

/// « comprend : ― la division A ; ― la division B » on one line: the items cut after each
/// « : » or « ; » followed by a spaced dash (a hyphen inside a word, or after « I. », is not
/// a list).
fn inline_items(text: &str, indent: usize, paragraph: usize, out: &mut Vec<Block>) {
    let mut start = 0;
    // The two characters before the current one, to see « : ― » without a vector of the
    // whole text (a paste may be one paragraph of megabytes).
    let mut before = [' ', ' '];
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let spaced = chars.peek().is_some_and(|&(_, n)| n == ' ');
        if DASHES.contains(&c)
            && before[1] == ' '
            && matches!(before[0], ':' | ';')
            && spaced
            && at > start
        {
            out.push(block(
                Kind::Text,
                text[start..at].trim_end().to_string(),
                indent,
                paragraph,
            ));
            start = at;
        }
        before = [before[1], c];
    }
    out.push(block(
        Kind::Text,
        text[start..].to_string(),
        indent,
        paragraph,
    ));
}
