//! The tableau de correspondance as the staff committees read it: one line per old unit
//! (what became of it), then one per created unit; as text, a Markdown table, a CSV for
//! Excel, or the data as JSON.

use super::{Format, parent};
use crate::diff::{Correspondence, Fate, Link, Row};
use crate::i18n::Lang;

/// The columns of a row, in order: old id, old unit, what became of it, new ids, new
/// units, on what grounds.
fn cells(row: &Row, lang: Lang) -> [String; 6] {
    let names: Vec<&str> = row.new.iter().map(|l| l.to.label.as_str()).collect();
    let ids: Vec<&str> = row.new.iter().map(|l| l.to.id.as_str()).collect();
    let (old_id, old_label) = row
        .old
        .as_ref()
        .map_or((String::new(), String::new()), |n| {
            (n.id.to_string(), n.label.clone())
        });
    [
        old_id,
        old_label,
        fate(row, &names, lang),
        ids.join(", "),
        names.join(lang.pick(" ; ", "; ")),
        grounds(row, lang),
    ]
}

/// « fusionnée dans BAB », « scindée en BA1, BA2 et BA3 », « renommée, rattachée à SG ».
fn fate(row: &Row, names: &[&str], lang: Lang) -> String {
    let quoted: Vec<String> = names.iter().map(|n| lang.quote(n)).collect();
    match row.fate {
        Fate::Removed => lang.pick("supprimée", "removed").into(),
        Fate::Created => lang.pick("créée", "created").into(),
        Fate::Merged => format!(
            "{} {}",
            lang.pick("fusionnée dans", "merged into"),
            quoted[0]
        ),
        Fate::Split => format!(
            "{} {}",
            lang.pick("scindée en", "split into"),
            and(&quoted, lang)
        ),
        Fate::Kept => {
            let mut what = Vec::new();
            if row.renamed {
                what.push(lang.pick("renommée", "renamed").to_string());
            }
            if let Some(m) = &row.moved {
                what.push(match &m.to {
                    Some(_) => format!(
                        "{} {}",
                        lang.pick("rattachée à", "attached to"),
                        lang.quote(&parent(m.to.as_ref(), lang))
                    ),
                    None => lang.pick("placée en tête", "made a root").into(),
                });
            }
            if what.is_empty() {
                lang.pick("maintenue", "kept").into()
            } else {
                what.join(", ")
            }
        }
    }
}

/// « A, B et C ».
fn and(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.pick("et", "and")),
    }
}

/// Why each new unit is this one's, and the paragraphs it passed to units that go on.
fn grounds(row: &Row, lang: Lang) -> String {
    let link = |l: &Link, prefix: bool| -> Vec<String> {
        let mut why: Vec<String> = l.matched_by.iter().map(|r| r.label(lang).into()).collect();
        if l.declared {
            why.push(lang.pick("reprise déclarée", "declared takeover").into());
        }
        if l.missions > 0 {
            why.push(lang.count(
                l.missions,
                ("mission reprise", "missions reprises"),
                ("mission taken over", "missions taken over"),
            ));
        }
        if prefix && !why.is_empty() && row.new.len() > 1 {
            why[0] = format!("{}{}{}", l.to.label, lang.pick(" : ", ": "), why[0]);
        }
        why
    };
    let mut parts: Vec<String> = row.new.iter().flat_map(|l| link(l, true)).collect();
    for t in &row.transfers {
        let count = lang.count(
            t.missions,
            ("mission transférée", "missions transférées"),
            ("mission moved", "missions moved"),
        );
        parts.push(format!(
            "{count} {} {}",
            lang.pick("à", "to"),
            lang.quote(&t.to.label)
        ));
    }
    parts.join(lang.pick(" ; ", "; "))
}

fn headers(lang: Lang) -> [&'static str; 6] {
    [
        lang.pick("ancien id", "old id"),
        lang.pick("ancienne unité", "old unit"),
        lang.pick("devenir", "outcome"),
        lang.pick("nouvel id", "new id"),
        lang.pick("nouvelle unité", "new unit"),
        lang.pick("précisions", "grounds"),
    ]
}

/// The table from the file named `old` to the one named `new`.
pub fn render(c: &Correspondence, format: Format, lang: Lang, old: &str, new: &str) -> String {
    let rows = c.rows.iter().map(|r| cells(r, lang));
    match format {
        Format::Csv => {
            let mut out = String::from(super::csv::BOM);
            for cells in std::iter::once(headers(lang).map(String::from)).chain(rows) {
                super::csv::line(&mut out, &cells);
            }
            out
        }
        Format::Json => {
            let mut json = serde_json::to_string_pretty(c)
                .expect("a correspondence holds only strings, numbers and lists");
            json.push('\n');
            json
        }
        Format::Markdown => {
            let title = lang.pick("Tableau de correspondance", "Correspondence table");
            let mut out = format!("# {title}\n\n{} → {}\n\n", md(old), md(new));
            out.push_str(&format!("| {} |\n", headers(lang).join(" | ")));
            out.push_str(&format!("|{}\n", "---|".repeat(6)));
            for cells in rows {
                let cells: Vec<String> = cells.iter().map(|c| md(c)).collect();
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
            out
        }
        Format::Text => {
            let mut out = match lang {
                Lang::Fr => format!("Tableau de correspondance de {old} à {new}\n\n"),
                Lang::En => format!("Correspondence table from {old} to {new}\n\n"),
            };
            let colon = lang.pick(" : ", ": ");
            for (row, [_, old_label, fate, _, new_label, grounds]) in c.rows.iter().zip(rows) {
                let from = if old_label.is_empty() {
                    "—"
                } else {
                    &old_label
                };
                out.push_str(&format!("{from}{colon}{fate}"));
                // A fusion or a scission names its units already.
                let named = matches!(row.fate, Fate::Merged | Fate::Split);
                if !named && !new_label.is_empty() && new_label != old_label {
                    out.push_str(&format!(" → {new_label}"));
                }
                if !grounds.is_empty() {
                    out.push_str(&format!(" ({grounds})"));
                }
                out.push('\n');
            }
            out
        }
    }
}

/// A Markdown table cell: its own characters escaped, lines joined.
fn md(text: &str) -> String {
    super::write::escape(text).replace(['\n', '\r'], " ")
}
