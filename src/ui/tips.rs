//! What the canvas says about the unit, body or entity under the pointer. The text is built
//! apart from egui so tests can read it; `show` only lays it out.

use crate::i18n::Lang;
use crate::model::Organisation;
use crate::scene::Owner;
use eframe::egui;

/// At most this many mission paragraphs, each cut to about this many characters: a tooltip
/// that covers the chart would hide what the user is pointing at.
const MISSIONS: usize = 4;
const MISSION_CHARS: usize = 180;

/// A tooltip: a title in bold, then lines.
#[derive(Debug, PartialEq)]
pub struct Tip {
    pub title: String,
    pub lines: Vec<String>,
}

/// The tooltip of what `owner` names; none for decoration or an index the document lost.
pub fn tip(org: &Organisation, owner: Owner, lang: Lang) -> Option<Tip> {
    let mut lines = Vec::new();
    let mut push = |label: &str, value: &str| {
        if !value.is_empty() {
            lines.push(format!("{}{value}", colon(label, lang)));
        }
    };
    let title = match owner {
        Owner::Unit(u) => {
            let u = org.units.get(u)?;
            let head = [u.head.title.as_str(), u.head.name.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            push(lang.pick("Type", "Kind"), u.kind.label(lang));
            push(lang.pick("Responsable", "Head"), &head);
            let count = u.headcount.map(crate::scene::group_digits);
            push(
                lang.pick("Effectif", "Headcount"),
                count.as_deref().unwrap_or(""),
            );
            for m in u.missions.iter().take(MISSIONS) {
                lines.push(format!("• {}", cut(&m.text, MISSION_CHARS)));
            }
            if u.missions.len() > MISSIONS {
                lines.push("…".into());
            }
            with_acronym(&u.name, &u.acronym)
        }
        Owner::Body(b) => {
            let b = org.bodies.get(b)?;
            let members: Vec<String> = b.members.iter().map(|m| org.label_of(m)).collect();
            let chair = b.chair.as_ref().map(|c| org.label_of(c));
            push(lang.pick("Type", "Kind"), b.kind.label(lang));
            push(
                lang.pick("Présidence", "Chair"),
                chair.as_deref().unwrap_or(""),
            );
            push(lang.pick("Membres", "Members"), &members.join(", "));
            push(lang.pick("Participants", "Participants"), &b.participants);
            push(lang.pick("Rythme", "Cadence"), &b.cadence);
            push(
                lang.pick("Objet", "Purpose"),
                &cut(&b.purpose, MISSION_CHARS),
            );
            b.name.clone()
        }
        Owner::Entity(e) => {
            let e = org.entities.get(e)?;
            push(lang.pick("Type", "Kind"), e.kind.label(lang));
            if !e.description.is_empty() {
                lines.push(cut(&e.description, MISSION_CHARS));
            }
            with_acronym(&e.name, &e.acronym)
        }
        Owner::Decoration | Owner::Label => return None,
    };
    Some(Tip { title, lines })
}

/// « Label : » in French (a space before the colon), "Label: " in English.
fn colon(label: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{label} : "),
        Lang::En => format!("{label}: "),
    }
}

fn with_acronym(name: &str, acronym: &str) -> String {
    if acronym.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({acronym})")
    }
}

/// `text` on one line, cut at a word boundary near `max` characters and ended with « … »
/// when anything was left out.
pub fn cut(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    format!("{} …", head.trim_end_matches([',', ';', ':', '.']))
}

/// Shows the tooltip of `owner` at the pointer.
pub fn show(ui: &egui::Ui, org: &Organisation, owner: Owner, lang: Lang) {
    let Some(tip) = tip(org, owner, lang) else {
        return;
    };
    egui::Tooltip::always_open(
        ui.ctx().clone(),
        ui.layer_id(),
        egui::Id::new("chart-tip"),
        egui::PopupAnchor::Pointer,
    )
    .show(|ui| {
        ui.set_max_width(420.0);
        ui.strong(tip.title);
        for line in tip.lines {
            ui.label(line);
        }
    });
}
