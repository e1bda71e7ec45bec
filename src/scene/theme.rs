//! Colours of the chart. Exports use the light theme; the canvas follows the window's.

use crate::diff::chart::Mark;
use crate::model::{RelationKind, UnitKind};

/// An sRGB colour with alpha, 0–255.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Rgba(r, g, b, 255)
    }
    /// `#rrggbb`, for SVG.
    pub fn hex(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// For a projector at the back of a meeting room: black on white, strong borders, fills
    /// light enough that a washed-out beam keeps the text legible.
    Projector,
}

/// The colours one theme gives to each part of the chart.
pub struct Palette {
    pub background: Rgba,
    pub text: Rgba,
    pub muted: Rgba,
    pub hierarchy: Rgba,
    pub relation: Rgba,
    /// Coordination, animation de réseau, pilotage, support: each kind of relation its own
    /// colour (`relation` is « en liaison avec » and the user's own kinds).
    pub relations: [Rgba; 4],
    pub body_line: Rgba,
    pub body_fill: Rgba,
    pub body_stroke: Rgba,
    pub entity_fill: Rgba,
    pub entity_stroke: Rgba,
    pub band_title: Rgba,
}

impl Theme {
    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                background: Rgba::rgb(255, 255, 255),
                text: Rgba::rgb(28, 32, 40),
                muted: Rgba::rgb(88, 96, 110),
                hierarchy: Rgba::rgb(96, 104, 118),
                relation: Rgba::rgb(150, 60, 150),
                relations: [
                    Rgba::rgb(0, 130, 140),
                    Rgba::rgb(60, 90, 200),
                    Rgba::rgb(190, 40, 50),
                    Rgba::rgb(70, 140, 40),
                ],
                body_line: Rgba::rgb(190, 110, 20),
                body_fill: Rgba::rgb(255, 246, 228),
                body_stroke: Rgba::rgb(190, 110, 20),
                entity_fill: Rgba::rgb(242, 243, 245),
                entity_stroke: Rgba::rgb(120, 126, 138),
                band_title: Rgba::rgb(60, 66, 78),
            },
            Theme::Dark => Palette {
                background: Rgba::rgb(27, 29, 34),
                text: Rgba::rgb(232, 234, 238),
                muted: Rgba::rgb(170, 176, 188),
                hierarchy: Rgba::rgb(150, 158, 172),
                relation: Rgba::rgb(214, 130, 214),
                relations: [
                    Rgba::rgb(70, 200, 210),
                    Rgba::rgb(130, 160, 255),
                    Rgba::rgb(250, 110, 110),
                    Rgba::rgb(140, 210, 100),
                ],
                body_line: Rgba::rgb(230, 160, 70),
                body_fill: Rgba::rgb(58, 46, 30),
                body_stroke: Rgba::rgb(230, 160, 70),
                entity_fill: Rgba::rgb(44, 47, 54),
                entity_stroke: Rgba::rgb(140, 146, 158),
                band_title: Rgba::rgb(200, 204, 212),
            },
            Theme::Projector => Palette {
                background: Rgba::rgb(255, 255, 255),
                text: Rgba::rgb(0, 0, 0),
                muted: Rgba::rgb(40, 40, 48),
                hierarchy: Rgba::rgb(30, 30, 36),
                relation: Rgba::rgb(130, 20, 130),
                relations: [
                    Rgba::rgb(0, 105, 115),
                    Rgba::rgb(30, 60, 190),
                    Rgba::rgb(175, 20, 30),
                    Rgba::rgb(40, 115, 20),
                ],
                body_line: Rgba::rgb(165, 85, 0),
                body_fill: Rgba::rgb(255, 240, 210),
                body_stroke: Rgba::rgb(165, 85, 0),
                entity_fill: Rgba::rgb(236, 237, 240),
                entity_stroke: Rgba::rgb(70, 74, 84),
                band_title: Rgba::rgb(0, 0, 0),
            },
        }
    }

    /// Fill and border of a unit's box, by kind: the border carries the hue, the fill a tint
    /// light enough for black text on a projector.
    pub fn unit_colours(self, kind: &UnitKind) -> (Rgba, Rgba) {
        let (r, g, b) = hue(kind);
        match self {
            Theme::Light => (mix((r, g, b), (255, 255, 255), 0.86), Rgba::rgb(r, g, b)),
            Theme::Dark => (
                mix((r, g, b), (30, 32, 38), 0.72),
                mix((r, g, b), (255, 255, 255), 0.25),
            ),
            Theme::Projector => (
                mix((r, g, b), (255, 255, 255), 0.80),
                mix((r, g, b), (0, 0, 0), 0.25),
            ),
        }
    }
}

impl Theme {
    /// Fill and border of a unit's box on a comparison chart: one hue per change, the
    /// unchanged units in grey so that the changes stand out.
    pub fn change_colours(self, mark: Option<&Mark>) -> (Rgba, Rgba) {
        let (r, g, b) = match mark {
            Some(Mark::Added) => (30, 140, 60),
            Some(Mark::Moved(_)) => (40, 100, 210),
            Some(Mark::Changed) => (215, 120, 0),
            Some(Mark::Removed) => (150, 150, 156),
            None => (120, 126, 138),
        };
        let tint = if mark.is_some() { 0.80 } else { 0.97 };
        match self {
            Theme::Light | Theme::Projector => {
                (mix((r, g, b), (255, 255, 255), tint), Rgba::rgb(r, g, b))
            }
            Theme::Dark => (
                mix((r, g, b), (30, 32, 38), tint - 0.1),
                mix((r, g, b), (255, 255, 255), 0.25),
            ),
        }
    }
}

fn mix(a: (u8, u8, u8), b: (u8, u8, u8), t: f32) -> Rgba {
    let m = |x: u8, y: u8| (f32::from(x) * (1.0 - t) + f32::from(y) * t).round() as u8;
    Rgba::rgb(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// A distinct hue per kind, chosen to stay apart for colour-blind readers in the top levels
/// (blue, orange, green, purple come first).
fn hue(kind: &UnitKind) -> (u8, u8, u8) {
    match kind {
        UnitKind::SecretariatGeneral => (0, 70, 150),
        UnitKind::DelegationGenerale => (200, 90, 0),
        UnitKind::Delegation => (220, 130, 30),
        UnitKind::Direction => (0, 120, 110),
        UnitKind::Service => (40, 130, 60),
        UnitKind::SousDirection => (90, 150, 40),
        UnitKind::Departement => (110, 70, 170),
        UnitKind::Division => (60, 90, 170),
        UnitKind::Cabinet => (160, 40, 60),
        UnitKind::Mission => (180, 50, 100),
        UnitKind::Pole => (30, 110, 190),
        UnitKind::Bureau => (120, 110, 90),
        UnitKind::Section => (100, 130, 110),
        UnitKind::Cellule => (150, 120, 20),
        UnitKind::Centre => (70, 100, 140),
        UnitKind::Other(_) => (110, 110, 120),
    }
}

/// How a relation of `kind` is drawn: colour, dash pattern, and whether it has a direction
/// (an arrowhead at its target).
pub fn relation_look(kind: &RelationKind, palette: &Palette) -> (Rgba, super::LineStyle, bool) {
    use super::LineStyle::*;
    match kind {
        RelationKind::EnLiaisonAvec | RelationKind::Other(_) => (palette.relation, Dotted, false),
        RelationKind::Coordination => (palette.relations[0], Dashed, false),
        RelationKind::AnimationReseau => (palette.relations[1], Dashed, true),
        RelationKind::Pilotage => (palette.relations[2], Solid, true),
        RelationKind::Support => (palette.relations[3], Dotted, true),
    }
}
