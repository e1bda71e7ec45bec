//! A file that ends too soon, and a string's bad escapes: what is still open, and where.

use super::super::error::*;
use crate::i18n::{Lang, say, shown};

/// RON's words for a bad escape, in `lang`.
pub(in crate::format) fn escape_why(why: &str, lang: Lang) -> String {
    let fr = match why {
        "Unknown escape character" => "caractère d'échappement inconnu",
        "Non-hex digit found" => "chiffre hexadécimal attendu",
        "Missing { in Unicode escape" => "« { » manquant après \\u",
        "No } at the end of Unicode escape" => "« } » manquant à la fin de \\u{…}",
        "Not a valid Unicode-escaped character" => "code Unicode invalide",
        other => other,
    };
    let en = match why {
        "Unknown escape character" => "unknown escape character",
        "Non-hex digit found" => "expected a hexadecimal digit",
        "Missing { in Unicode escape" => "“{” missing after \\u",
        "No } at the end of Unicode escape" => "“}” missing at the end of \\u{…}",
        "Not a valid Unicode-escaped character" => "invalid Unicode code",
        other => other,
    };
    shown(lang.pick(fr, en)).to_string()
}

/// What the end of the file left open: a list, a structure, a string or a comment.
pub(in crate::format) fn eof_message(text: &str, lang: Lang) -> String {
    let head = lang.pick(
        "fin de fichier inattendue : le fichier est incomplet (tronqué ?)",
        "unexpected end of file: the file is incomplete (cut short?)",
    );
    let Some((open, at)) = unclosed(text) else {
        return say!(
            lang,
            "{head} ; attendu la suite de l'organigramme",
            "{head}; expected the rest of the chart"
        );
    };
    let (line, column) = line_col(&text.as_bytes()[..at]);
    let what = match (open, lang) {
        ('(', Lang::Fr) => "« ) » pour fermer la parenthèse ouverte",
        ('[', Lang::Fr) => "« ] » pour fermer le crochet ouvert",
        ('{', Lang::Fr) => "« } » pour fermer l'accolade ouverte",
        ('"', Lang::Fr) => "un guillemet « \" » pour fermer la chaîne commencée",
        (_, Lang::Fr) => "« */ » pour fermer le commentaire commencé",
        ('(', Lang::En) => "“)” to close the bracket opened",
        ('[', Lang::En) => "“]” to close the square bracket opened",
        ('{', Lang::En) => "“}” to close the brace opened",
        ('"', Lang::En) => "a double quote “\"” to close the string started",
        (_, Lang::En) => "“*/” to close the comment started",
    };
    say!(
        lang,
        "{head} ; attendu {what} ligne {line}, colonne {column}",
        "{head}; expected {what} on line {line}, column {column}"
    )
}

/// The innermost delimiter, string or comment still open at the end of `text`, with its
/// offset. Bytes, not chars: every delimiter is ASCII and never part of a multibyte char.
fn unclosed(text: &str) -> Option<(char, usize)> {
    let b = text.as_bytes();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                loop {
                    match b.get(i) {
                        None => return Some(('"', start)),
                        Some(b'\\') => i += 2,
                        Some(b'"') => break,
                        Some(_) => i += 1,
                    }
                }
            }
            b'r' if (i == 0 || !is_ident_char(b[i - 1] as char))
                && matches!(b.get(i + 1), Some(b'#' | b'"')) =>
            {
                let start = i;
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let open = i + 1 + hashes;
                if b.get(open) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                match text[open + 1..].find(&close) {
                    Some(end) => i = open + 1 + end + close.len() - 1,
                    None => return Some(('"', start)),
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => match text[i + 2..].find("*/") {
                Some(end) => i += 2 + end + 1,
                None => return Some(('/', i)),
            },
            c @ (b'(' | b'[' | b'{') => stack.push((c as char, i)),
            c @ (b')' | b']' | b'}') => {
                let opener = match c {
                    b')' => '(',
                    b']' => '[',
                    _ => '{',
                };
                if stack.last().is_some_and(|&(o, _)| o == opener) {
                    stack.pop();
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack.last().copied()
}

#[cfg(test)]
mod tests {
    use super::unclosed;

    #[test]
    fn unclosed_finds_the_innermost_opener() {
        assert_eq!(unclosed("( [ (a: \"(\") "), Some(('[', 2)));
        assert_eq!(unclosed("(a: r#\"\")\"#"), Some(('(', 0)));
        assert_eq!(unclosed("(a: \"abc"), Some(('"', 4)));
        assert_eq!(unclosed("()"), None);
    }
}
