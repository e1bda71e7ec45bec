//! The chart's decorations: the title block above the hierarchy and the legend below the
//! bands, with the stacked lines of text they and the band titles are made of.

use super::swatches::{change_swatches, kind_swatches};
use super::theme::relation_look;
use super::{
    ChartOptions, Connector, Item, LineStyle, Link, Owner, Palette, Rect, Scene, Shape, TextLine,
};
use crate::model::{Organisation, RelationKind};
use crate::text::{self, Style};
use std::sync::Arc;

pub struct TitleBlock {
    pub items: Vec<Item>,
    pub height: f32,
    pub logo: Option<super::PlacedLogo>,
}

pub(super) fn text_item(lines: Vec<TextLine>, rect: Rect, palette: &Palette) -> Item {
    Item {
        owner: Owner::Decoration,
        shape: Shape::None,
        rect,
        fill: palette.background,
        stroke: palette.background,
        stroke_width: 0.0,
        dashed: false,
        lines: lines.into(),
        rule: None,
    }
}

/// Lays out left-aligned lines from (x, y) and returns them, relative to (x, y), with their
/// bounding box.
pub(super) fn stack(
    rows: &[(String, Style, super::Rgba)],
    x: f32,
    y: f32,
    max_width: f32,
) -> (Vec<TextLine>, Rect) {
    let mut lines = Vec::new();
    let mut at = 0.0;
    let mut w: f32 = 0.0;
    for (t, style, colour) in rows {
        for line in text::wrap(t, *style, max_width, 4) {
            w = w.max(text::width(&line, *style));
            lines.push(TextLine {
                x: 0.0,
                y: at + style.size * text::ASCENT,
                text: line.into(),
                style: *style,
                centred: false,
                colour: *colour,
            });
            at += style.line_height();
        }
    }
    (lines, Rect { x, y, w, h: at })
}

pub fn title_block(org: &Organisation, options: &ChartOptions, palette: &Palette) -> TitleBlock {
    let mut rows = vec![(org.name.clone(), Style::bold(20.0), palette.text)];
    let mut sub = Vec::new();
    if !org.acronym.is_empty() {
        sub.push(org.acronym.clone());
    }
    if !org.administration.is_empty() {
        sub.push(org.administration.clone());
    }
    if !sub.is_empty() {
        rows.push((sub.join(" — "), Style::regular(12.0), palette.muted));
    }
    // The source line names the legal text only: a date beside it would read as the text's.
    if let Some(t) = org.legal_texts.first() {
        let source = format!(
            "{} {}",
            options.lang.pick("Source :", "Source:"),
            t.reference
        );
        rows.push((source, Style::regular(10.0), palette.muted));
    }
    let m = super::MARGIN;
    let (lines, mut rect) = stack(&rows, m, m, 1100.0);
    let logo = options.logo.as_ref().map(|logo| {
        // Its item follows the text's.
        let placed = super::logo::place(logo, (m, m), rect.h, 1);
        rect.x += placed.rect.w + super::logo::GAP;
        placed
    });
    let mut items = vec![text_item(lines, rect, palette)];
    let mut height = rect.h;
    if let Some(placed) = &logo {
        // An item of its own, empty, so that the bounds, the router and the checks of
        // overlaps see the logo as they see the rest of the block.
        items.push(text_item(Vec::new(), placed.rect, palette));
        height = height.max(placed.rect.h);
    }
    TitleBlock {
        height: height + 28.0,
        items,
        logo,
    }
}

/// The export date on a line of its own under everything else, if the options carry one.
pub(super) fn footer(scene: &mut Scene, options: &ChartOptions, palette: &Palette) {
    if options.date.is_empty() {
        return;
    }
    let text = format!(
        "{} {}",
        options.lang.pick("Exporté le", "Exported on"),
        options.date
    );
    let bottom = scene
        .items
        .iter()
        .map(|i| i.rect.bottom())
        .fold(super::MARGIN, f32::max);
    let (lines, rect) = stack(
        &[(text, Style::regular(9.0), palette.muted)],
        super::MARGIN,
        bottom + 18.0,
        1100.0,
    );
    scene.items.push(text_item(lines, rect, palette));
}

/// The legend: the kinds of unit shown, the kinds of line, and the labels of the lines that
/// had no room for them on the chart (`notes`).
pub(super) fn legend(
    scene: &mut Scene,
    org: &Organisation,
    options: &ChartOptions,
    palette: &Palette,
    (x, top): (f32, f32),
    notes: &[String],
) {
    let lang = options.lang;
    let swatches = match &options.changes {
        None => kind_swatches(scene, org, options),
        Some(marks) => change_swatches(scene, marks, options),
    };
    let (lines, rect) = stack(
        &[(
            lang.pick("Légende", "Legend").to_string(),
            Style::bold(13.0),
            palette.band_title,
        )],
        x,
        top,
        400.0,
    );
    scene.items.push(text_item(lines, rect, palette));
    let style = Style::regular(10.5);
    let (mut cx, mut cy) = (x, rect.bottom() + 8.0);
    let swatch = Rect {
        x: 0.0,
        y: 0.0,
        w: 26.0,
        h: 14.0,
    };
    for (label, (fill, stroke), dashed) in swatches {
        let w = swatch.w + 6.0 + text::width(&label, style) + 18.0;
        if cx + w > x + 900.0 {
            cx = x;
            cy += 22.0;
        }
        let rect = Rect {
            x: cx,
            y: cy,
            ..swatch
        };
        let line = TextLine {
            x: swatch.w + 6.0,
            y: 11.0,
            text: label.into(),
            style,
            centred: false,
            colour: palette.text,
        };
        scene.items.push(Item {
            owner: Owner::Decoration,
            shape: Shape::Rect,
            rect,
            fill,
            stroke,
            stroke_width: 1.5,
            dashed,
            lines: Arc::new([line]),
            rule: None,
        });
        cx += w;
    }
    cy += 26.0;
    cx = x;
    // Only the kinds of line the chart shows, each kind of relation on its own.
    let shown = |test: &dyn Fn(&Link) -> bool| scene.connectors.iter().any(|c| test(&c.link));
    let mut kinds_of_line = Vec::new();
    if shown(&|l| matches!(l, Link::Hierarchy(_))) {
        kinds_of_line.push((
            lang.pick("Rattachement hiérarchique", "Reports to")
                .to_string(),
            palette.hierarchy,
            LineStyle::Solid,
        ));
    }
    let mut relation_kinds: Vec<&RelationKind> = scene
        .connectors
        .iter()
        .filter_map(|c| match c.link {
            Link::Relation(r) => Some(&org.relations[r].kind),
            _ => None,
        })
        .collect();
    relation_kinds.sort_by_key(|k| (k.rank(), k.label(lang).to_string()));
    relation_kinds.dedup();
    for kind in relation_kinds {
        let (colour, line_style, arrow) = relation_look(kind, palette);
        let label = kind.label(lang);
        let label = if arrow {
            format!("{label} →")
        } else {
            label.to_string()
        };
        kinds_of_line.push((label, colour, line_style));
    }
    if shown(&|l| matches!(l, Link::Chair(_))) {
        kinds_of_line.push((
            lang.pick("Présidence d'une instance", "Chairs a body")
                .to_string(),
            palette.body_line,
            LineStyle::Dashed,
        ));
    }
    for (label, colour, line_style) in kinds_of_line {
        scene.connectors.push(Connector {
            link: Link::Legend,
            ends: None,
            points: vec![(cx, cy + 7.0), (cx + 26.0, cy + 7.0)],
            colour,
            width: 1.5,
            style: line_style,
        });
        let line = TextLine {
            x: 0.0,
            y: 11.0,
            text: label.as_str().into(),
            style,
            centred: false,
            colour: palette.text,
        };
        let w = 32.0 + text::width(&label, style);
        scene.items.push(text_item(
            vec![line],
            Rect {
                x: cx + 32.0,
                y: cy,
                w: w - 32.0,
                h: 14.0,
            },
            palette,
        ));
        cx += w + 22.0;
    }
    if !notes.is_empty() {
        let title = lang.pick(
            "Libellés des liens sans place sur le tracé :",
            "Labels of lines with no room on the chart:",
        );
        let rows: Vec<_> = std::iter::once((title.to_string(), Style::bold(10.5), palette.text))
            .chain(notes.iter().map(|n| (n.clone(), style, palette.text)))
            .collect();
        let (lines, rect) = stack(&rows, x, cy + 26.0, 900.0);
        scene.items.push(text_item(lines, rect, palette));
    }
}
