//! HTML pasted from Légifrance or an intranet page, as the text a reader sees: tags dropped,
//! blocks on lines of their own, the common entities decoded. Not a browser: enough that an
//! article copied as HTML reads as the same article copied as text.

/// Tags that end a paragraph; `li` also opens a dash item.
const BLOCKS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
];

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "rsquo" => '’',
        "nbsp" => '\u{a0}',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "agrave" => 'à',
        "acirc" => 'â',
        "ccedil" => 'ç',
        "ocirc" => 'ô',
        "ucirc" => 'û',
        "icirc" => 'î',
        "iuml" => 'ï',
        "oelig" => 'œ',
        "Eacute" => 'É',
        _ => return None,
    })
}

pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // Inside <script> or <style>: nothing shows until the closing tag.
    let mut hidden: Option<&str> = None;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let tag = rest[1..end]
                .trim_end_matches('>')
                .trim()
                .to_ascii_lowercase();
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            match hidden {
                Some(h) if closing && name == h => hidden = None,
                Some(_) => {}
                None if !closing && (name == "script" || name == "style") => {
                    hidden = Some(if name == "script" { "script" } else { "style" })
                }
                None if BLOCKS.contains(&name.as_str()) => {
                    out.push_str("\n\n");
                    if name == "li" && !closing {
                        out.push_str("– ");
                    }
                }
                None => {}
            }
            rest = &rest[end..];
            continue;
        }
        if hidden.is_some() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c == '&'
            && let Some(semi) = rest[..rest.floor_char_boundary(12)].find(';')
            && let Some(decoded) = entity(&rest[1..semi])
        {
            out.push(decoded);
            rest = &rest[semi + 1..];
            continue;
        }
        // Line breaks in the source are spaces in the page.
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn html_reads_as_its_text() {
        let html = "<p>Le bureau&nbsp;A comprend&#160;:</p><ul><li>la cellule B ;</li>\n<li>la cellule&nbsp;C.</li></ul><script>x<y</script>";
        let text = super::to_text(html);
        assert!(text.contains("Le bureau\u{a0}A comprend\u{a0}:"), "{text}");
        assert!(text.contains("\n\n– la cellule B ;"), "{text}");
        assert!(!text.contains("x<y"), "{text}");
    }
}
