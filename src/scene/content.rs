//! What goes inside each box, measured and broken into lines once, before layout: the layout
//! needs the sizes, and every renderer draws these same lines.

use super::{MissionsMode, Palette, TextLine};
use crate::diff::chart::Mark;
use crate::i18n::Lang;
use crate::model::{Body, Entity, Hierarchy, Id, IdMap, Organisation, RelationKind, Unit};
use crate::text::{self, Style};
use std::sync::Arc;

pub const PAD: f32 = 8.0;
pub const KIND: Style = Style::regular(9.5);
pub const NAME: Style = Style::bold(12.5);
pub const DETAIL: Style = Style::regular(10.5);
pub const MISSION: Style = Style::regular(9.5);
/// The width a unit's name and details wrap at, unless the chart says otherwise.
pub const NAME_WIDTH: f32 = 190.0;
const MISSION_WIDTH: f32 = 250.0;
const MIN_WIDTH: f32 = 130.0;
/// Bounds what one box may show, so a hostile 10,000-character name cannot make a box the
/// size of a wall.
const MAX_NAME_LINES: usize = 6;
const MAX_MISSION_LINES: usize = 40;
const MAX_FIRST_LINES: usize = 12;
const MAX_MEMBER_LINES: usize = 4;

/// Lines of a box relative to its top-left corner, and its size.
#[derive(Clone)]
pub struct Content {
    pub w: f32,
    pub h: f32,
    pub lines: Arc<[TextLine]>,
    /// y of the rule between the identity of the unit and its missions, if any.
    pub rule: Option<f32>,
}

struct Builder<'p> {
    rows: Vec<(String, Style, bool, super::Rgba)>,
    rule_after: Option<usize>,
    palette: &'p Palette,
    /// A removed unit's box on a comparison chart: all its text muted.
    ghost: bool,
}

impl<'p> Builder<'p> {
    fn new(palette: &'p Palette) -> Self {
        Builder {
            rows: Vec::new(),
            rule_after: None,
            palette,
            ghost: false,
        }
    }

    fn push(
        &mut self,
        text: &str,
        style: Style,
        width: f32,
        max_lines: usize,
        centred: bool,
        muted: bool,
    ) {
        let colour = if muted || self.ghost {
            self.palette.muted
        } else {
            self.palette.text
        };
        for line in text::wrap(text, style, width, max_lines) {
            self.rows.push((line, style, centred, colour));
        }
    }

    fn finish(self) -> Content {
        let inner = self
            .rows
            .iter()
            .map(|(t, s, ..)| text::width(t, *s))
            .fold(MIN_WIDTH - 2.0 * PAD, f32::max);
        let w = (inner + 2.0 * PAD).ceil();
        let mut y = PAD;
        let mut lines = Vec::with_capacity(self.rows.len());
        let mut rule = None;
        for (i, (text, style, centred, colour)) in self.rows.into_iter().enumerate() {
            if self.rule_after == Some(i) {
                y += 4.0;
                rule = Some(y);
                y += 5.0;
            }
            let x = if centred { w / 2.0 } else { PAD };
            lines.push(TextLine {
                x,
                y: y + style.size * text::ASCENT,
                text: text.into(),
                style,
                centred,
                colour,
            });
            y += style.line_height();
        }
        Content {
            w,
            h: (y + PAD).ceil(),
            lines: lines.into(),
            rule,
        }
    }
}

/// Below this many boxes, one thread measures them all.
pub(super) const PARALLEL_FROM: usize = 512;

/// What a unit's box depends on.
#[derive(Clone, Copy)]
pub struct BoxInputs<'a> {
    pub mode: MissionsMode,
    /// The unit's relations as lines of text, when they are listed rather than drawn.
    pub links: &'a [String],
    pub hidden: usize,
    pub palette: &'a Palette,
    pub lang: Lang,
    /// Identifies the palette: the fingerprint hashes this, not the colours.
    pub theme: u8,
    /// What became of the unit, on a comparison chart.
    pub mark: Option<&'a Mark>,
    /// The width its name and details wrap at.
    pub wrap: f32,
}

/// The boxes of `drawn` (indices into `units`), all measured.
pub fn units<'a>(
    units: &[Unit],
    drawn: &[usize],
    inputs: impl Fn(usize) -> BoxInputs<'a> + Sync,
) -> Vec<Content> {
    crate::par::map(drawn, PARALLEL_FROM, |part| {
        part.iter().map(|&u| unit(&units[u], &inputs(u))).collect()
    })
}

pub fn unit(unit: &Unit, inputs: &BoxInputs) -> Content {
    let BoxInputs {
        mode,
        hidden,
        palette,
        lang,
        ..
    } = *inputs;
    let mut b = Builder::new(palette);
    b.ghost = inputs.mark == Some(&Mark::Removed);
    let mut kind = unit.kind.label(lang).to_uppercase();
    if !unit.acronym.is_empty() {
        kind = format!("{kind} · {}", unit.acronym);
    }
    b.push(&kind, KIND, inputs.wrap, 2, true, true);
    b.push(&unit.name, NAME, inputs.wrap, MAX_NAME_LINES, true, false);
    let head = match (unit.head.title.is_empty(), unit.head.name.is_empty()) {
        (_, true) => unit.head.title.clone(),
        (true, false) => unit.head.name.clone(),
        (false, false) => format!("{} : {}", unit.head.title, unit.head.name),
    };
    if !head.is_empty() {
        b.push(&head, DETAIL, inputs.wrap, 3, true, true);
    }
    if let Some(n) = unit.headcount {
        b.push(
            lang.pick(
                &format!("{} agents", group(n)),
                &format!("{} staff", group(n)),
            ),
            DETAIL,
            inputs.wrap,
            1,
            true,
            true,
        );
    }
    if let Some(Mark::Moved(from)) = inputs.mark {
        let from = if from.is_empty() {
            lang.pick("racine", "root")
        } else {
            from
        };
        let label = format!(
            "{} {from}",
            lang.pick("ancien rattachement :", "formerly under:")
        );
        b.push(&label, DETAIL, inputs.wrap, 2, true, false);
    }
    for links in inputs.links {
        b.push(links, DETAIL, inputs.wrap, 3, true, false);
    }
    if hidden > 0 {
        let label = format!(
            "+ {}",
            lang.count(
                hidden,
                ("unité repliée", "unités repliées"),
                ("folded unit", "folded units")
            )
        );
        b.push(&label, DETAIL, inputs.wrap, 1, true, true);
    }
    if mode != MissionsMode::None && !unit.missions.is_empty() {
        b.rule_after = Some(b.rows.len());
        // The first sentences stay a summary: a unit with dozens of paragraphs would
        // otherwise fill the chart.
        let budget = b.rows.len()
            + if mode == MissionsMode::First {
                MAX_FIRST_LINES
            } else {
                MAX_MISSION_LINES
            };
        let mut shown = 0;
        for m in &unit.missions {
            let used = b.rows.len();
            if used >= budget {
                break;
            }
            let line = match mode {
                MissionsMode::First => {
                    let first = text::first_sentence(&m.text);
                    // A verbatim legal text cut short must not read as complete; the no-break
                    // space keeps the ellipsis on the sentence's last line.
                    if first.len() < m.text.trim().len() {
                        format!("• {first}\u{a0}…")
                    } else {
                        format!("• {first}")
                    }
                }
                _ => format!("• {}", m.text),
            };
            b.push(&line, MISSION, MISSION_WIDTH, budget - used, false, false);
            shown += 1;
        }
        let hidden = unit.missions.len() - shown;
        if hidden > 0 {
            let paragraphs = ("paragraphe", "paragraphes");
            let more = format!(
                "… +{}",
                lang.count(hidden, paragraphs, ("paragraph", "paragraphs"))
            );
            b.push(&more, MISSION, MISSION_WIDTH, 1, false, true);
        }
    }
    b.finish()
}

/// How a box names another unit or outside entity: its acronym, else its name (else the id
/// the file gives, for an end it does not know).
pub struct Names<'a> {
    org: &'a Organisation,
    tree: &'a Hierarchy,
    entity_of: IdMap<'a, usize>,
}

impl<'a> Names<'a> {
    pub fn new(org: &'a Organisation, tree: &'a Hierarchy) -> Self {
        let entity_of = org
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (&e.id, i))
            .collect();
        Names {
            org,
            tree,
            entity_of,
        }
    }

    pub fn of<'b>(&self, id: &'b Id) -> &'b str
    where
        'a: 'b,
    {
        let (acronym, name) = match (self.tree.unit(id), self.entity_of.get(id)) {
            (Some(u), _) => (&self.org.units[u].acronym, &self.org.units[u].name),
            (None, Some(&e)) => (&self.org.entities[e].acronym, &self.org.entities[e].name),
            (None, None) => return id.as_str(),
        };
        if acronym.is_empty() { name } else { acronym }
    }
}

/// For each unit, its relations in words, one line per kind: « En liaison avec : DGCS,
/// DGOS ». A relation is listed in the boxes of both its ends, each naming the other.
pub fn relation_lists(org: &Organisation, tree: &Hierarchy, lang: Lang) -> Vec<Vec<String>> {
    let names = Names::new(org, tree);
    // Per unit: per kind (in the order kinds are listed), the other ends.
    let mut by_unit: Vec<Vec<(&RelationKind, Vec<&str>)>> = vec![Vec::new(); org.units.len()];
    for rel in &org.relations {
        for (end, other) in [(&rel.from, &rel.to), (&rel.to, &rel.from)] {
            let Some(u) = tree.unit(end) else { continue };
            let kinds = &mut by_unit[u];
            let at = match kinds.iter().position(|(k, _)| *k == &rel.kind) {
                Some(at) => at,
                None => {
                    kinds.push((&rel.kind, Vec::new()));
                    kinds.len() - 1
                }
            };
            kinds[at].1.push(names.of(other));
        }
    }
    by_unit
        .into_iter()
        .map(|mut kinds| {
            kinds.sort_by_key(|(k, _)| k.rank());
            kinds
                .into_iter()
                .map(|(k, names)| format!("{} : {}", k.label(lang), names.join(", ")))
                .collect()
        })
        .collect()
}

/// The members of a body as its box names them, joined by commas.
pub fn member_names(names: &Names, body: &Body) -> String {
    let members: Vec<&str> = body.members.iter().map(|id| names.of(id)).collect();
    members.join(", ")
}

/// `members` as `member_names` gives them.
pub fn body(
    body: &Body,
    chair: Option<String>,
    members: &str,
    palette: &Palette,
    lang: Lang,
) -> Content {
    let mut b = Builder::new(palette);
    b.push(
        &body.kind.label(lang).to_uppercase(),
        KIND,
        NAME_WIDTH,
        1,
        true,
        true,
    );
    b.push(
        &body.name,
        Style::bold(11.0),
        NAME_WIDTH,
        MAX_NAME_LINES,
        true,
        false,
    );
    if let Some(chair) = chair {
        let label = format!("{} {}", lang.pick("Présidence :", "Chair:"), chair);
        b.push(&label, DETAIL, NAME_WIDTH, 2, true, true);
    }
    let who = match (members.is_empty(), body.participants.is_empty()) {
        (true, true) => None,
        (false, true) => Some(members.to_string()),
        (true, false) => Some(body.participants.clone()),
        // No-break spaces keep the French colon and semicolon off the start of a line.
        (false, false) => Some(format!("{members}\u{a0}; {}", body.participants)),
    };
    if let Some(who) = who {
        let label = format!("{} {who}", lang.pick("Membres\u{a0}:", "Members:"));
        b.push(&label, DETAIL, NAME_WIDTH, MAX_MEMBER_LINES, true, true);
    }
    if !body.cadence.is_empty() {
        b.push(&body.cadence, DETAIL, NAME_WIDTH, 2, true, true);
    }
    b.finish()
}

pub fn entity(entity: &Entity, palette: &Palette, lang: Lang) -> Content {
    let mut b = Builder::new(palette);
    b.push(
        &entity.kind.label(lang).to_uppercase(),
        KIND,
        NAME_WIDTH,
        1,
        true,
        true,
    );
    if !entity.acronym.is_empty() {
        b.push(
            &entity.acronym,
            Style::bold(11.0),
            NAME_WIDTH,
            1,
            true,
            false,
        );
    }
    b.push(
        &entity.name,
        DETAIL,
        NAME_WIDTH,
        MAX_NAME_LINES,
        true,
        false,
    );
    b.finish()
}

/// 3000 → "3 000", as French typography writes numbers (with a no-break space).
pub fn group(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}
