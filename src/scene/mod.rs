//! The chart as plain shapes: positioned boxes with their text lines, connectors, bands for
//! bodies and outside entities, a legend and a title block. Built once from the model, the
//! layout and a theme; the canvas, the SVG and the PNG all draw from it, so they agree.

mod bands;
mod buckets;
mod cache;
mod content;
mod decor;
mod hierarchy;
mod lines;
mod logo;
mod raster;
mod route;
mod routes;
mod swatches;
mod theme;

pub use buckets::Buckets;
pub use cache::Cache;
pub use content::group as group_digits;
/// The size of a unit's name in its box, in chart units.
pub const NAME_SIZE: f32 = content::NAME.size;
pub use logo::{Logo, PlacedLogo};
pub use theme::{Palette, Rgba, Theme};

use crate::diff::chart::Mark;
use crate::i18n::Lang;
use crate::layout::{self, Orientation, Size, Tree};
use crate::model::{Hierarchy, Id, Organisation};
use crate::text::Style;
use hierarchy::{elbow, visible_units};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MissionsMode {
    /// Identity only: name, head, headcount.
    None,
    /// The first sentence of each mission paragraph.
    #[default]
    First,
    /// Every paragraph in full, as an *organigramme fonctionnel*.
    Full,
}

impl MissionsMode {
    /// Large charts stay readable with boxes that hold only the unit's identity.
    pub fn default_for(units: usize) -> Self {
        if units <= 60 {
            MissionsMode::First
        } else {
            MissionsMode::None
        }
    }
}

/// How relations are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RelationsMode {
    /// As lines routed between the boxes.
    #[default]
    Lines,
    /// As a line of text in each box (« En liaison avec : DGCS, DGOS »): no lines at all.
    List,
    None,
    /// As lines, only those of this unit.
    Of(Id),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    pub orientation: Orientation,
    pub compact: bool,
    pub missions: MissionsMode,
    pub relations: RelationsMode,
    /// Draw only this unit and its descendants.
    pub root: Option<Id>,
    /// Draw only this many levels below the root(s) (1: the root(s) alone).
    pub depth: Option<usize>,
    pub theme: Theme,
    pub lang: Lang,
    /// The export date ("23 novembre 2026"), shown in a footer line of its own; empty: none.
    pub date: String,
    /// A comparison chart (see `diff::chart`): what became of each unit, by index. Units are
    /// then coloured by their change rather than their kind, removed ones drawn as ghosts.
    pub changes: Option<Arc<[Option<Mark>]>>,
    /// The organisation's logo, read by whoever reads the file (the scene reads no files).
    pub logo: Option<Arc<Logo>>,
    /// For a chart seen through a window of fixed size (a presentation's screen): the widest
    /// row of children, in chart units, and how stacks are laid out; none: rows as wide as
    /// a page of the chart's area allows.
    pub within: Option<layout::Within>,
    /// The width units' names wrap at, in chart units; none: a page's (narrow boxes, so that
    /// rows of them fit the page).
    pub name_width: Option<f32>,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            orientation: Orientation::TopDown,
            compact: true,
            missions: MissionsMode::First,
            relations: RelationsMode::Lines,
            root: None,
            depth: None,
            theme: Theme::Light,
            lang: Lang::Fr,
            date: String::new(),
            changes: None,
            logo: None,
            within: None,
            name_width: None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
    pub fn contains(&self, p: (f32, f32)) -> bool {
        p.0 >= self.x && p.0 <= self.right() && p.1 >= self.y && p.1 <= self.bottom()
    }
}

/// One line of text; `y` is the baseline, `x` the start (or the centre when `centred`), both
/// from the top-left corner of the item that holds the line.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub x: f32,
    pub y: f32,
    pub text: Arc<str>,
    pub style: Style,
    pub centred: bool,
    pub colour: Rgba,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    Unit(usize),
    Body(usize),
    Entity(usize),
    /// Legend, title block, band titles.
    Decoration,
    /// A relation's label, set on its line.
    Label,
}

impl Owner {
    /// Whether the item only explains the chart: nothing to select, no name of its own.
    pub fn is_decoration(&self) -> bool {
        matches!(self, Owner::Decoration | Owner::Label)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Rect,
    /// Rounded ends: coordination bodies.
    Pill,
    /// Text only.
    None,
}

impl Shape {
    /// The corners' radius of a box of this shape `height` high.
    pub fn radius(self, height: f32) -> f32 {
        match self {
            Shape::Pill => (height / 2.0).min(22.0),
            Shape::Rect => 4.0,
            Shape::None => 0.0,
        }
    }
}

/// A dashed box border's dash and gap, in chart units.
pub const BOX_DASHES: (f32, f32) = (6.0, 3.0);
/// A rule across a box stops this far from its sides, and is this wide.
pub const RULE_INSET: f32 = 6.0;
pub const RULE_WIDTH: f32 = 0.75;

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub owner: Owner,
    pub shape: Shape,
    pub rect: Rect,
    pub fill: Rgba,
    pub stroke: Rgba,
    pub stroke_width: f32,
    pub dashed: bool,
    /// Relative to `rect`, so that a box that moves keeps its lines: shared with the boxes
    /// the `Cache` keeps, a rebuilt scene copies no text.
    pub lines: Arc<[TextLine]>,
    /// A thin rule across the box at this y (absolute, unlike `lines`), between a unit's
    /// identity and its missions.
    pub rule: Option<f32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineStyle {
    Solid,
    Dashed,
    Dotted,
}

impl LineStyle {
    /// The dash and the gap after it, in chart units; none for a solid line. The canvas, the
    /// SVG and the coarse bitmap all draw them from here.
    pub fn dashes(self) -> Option<(f32, f32)> {
        match self {
            LineStyle::Solid => None,
            LineStyle::Dashed => Some((7.0, 4.0)),
            LineStyle::Dotted => Some((2.0, 3.0)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Link {
    /// From a unit to its child (the child's unit index).
    Hierarchy(usize),
    Relation(usize),
    /// From a body to the unit that chairs it.
    Chair(usize),
    /// A sample line in the legend.
    Legend,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Connector {
    pub link: Link,
    /// The items it joins (from, to); none for the legend's sample lines.
    pub ends: Option<(usize, usize)>,
    pub points: Vec<(f32, f32)>,
    pub colour: Rgba,
    pub width: f32,
    pub style: LineStyle,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    pub background: Option<Rgba>,
    pub items: Vec<Item>,
    pub connectors: Vec<Connector>,
    /// For each unit of the model, its item, if drawn.
    pub unit_item: Vec<Option<usize>>,
    /// Where the layout's (0, 0) lies in the scene: stored unit positions are layout
    /// coordinates, so a dragged box is stored at its scene position minus this.
    pub origin: (f32, f32),
    /// (body's item, member's item) for each member drawn: the window marks a body's members
    /// when the body is pointed at.
    pub members: Vec<(usize, usize)>,
    /// Drawn over an empty item of the title block that keeps its place.
    pub logo: Option<PlacedLogo>,
}

pub const MARGIN: f32 = 24.0;
const LEVEL_GAP: f32 = 40.0;

pub fn build(org: &Organisation, options: &ChartOptions) -> Scene {
    build_inner(org, &Hierarchy::of(org), options, None)
}

/// `build`, with the document's `tree` of `org`, reusing what `cache` kept of the previous
/// scene: the window's way. The result is the scene `build` makes.
pub fn build_with(
    org: &Organisation,
    tree: &Hierarchy,
    options: &ChartOptions,
    cache: &mut Cache,
) -> Scene {
    debug_assert_eq!(
        tree.len(),
        org.units.len(),
        "the tree of another organisation"
    );
    build_inner(org, tree, options, Some(cache))
}

fn build_inner(
    org: &Organisation,
    tree: &Hierarchy,
    options: &ChartOptions,
    mut cache: Option<&mut Cache>,
) -> Scene {
    let palette = options.theme.palette();
    let (shown, parent, hidden_below) = visible_units(org, tree, options);
    let drawn: Vec<usize> = (0..org.units.len()).filter(|&i| shown[i]).collect();
    let mut node_of = vec![usize::MAX; org.units.len()];
    for (node, &u) in drawn.iter().enumerate() {
        node_of[u] = node;
    }
    let listed = match options.relations {
        RelationsMode::List => content::relation_lists(org, tree, options.lang),
        _ => Vec::new(),
    };
    let inputs = |u: usize| content::BoxInputs {
        mode: options.missions,
        links: listed.get(u).map_or(&[], Vec::as_slice),
        hidden: hidden_below[u],
        palette: &palette,
        lang: options.lang,
        theme: options.theme as u8,
        mark: options.changes.as_ref().and_then(|m| m.get(u)?.as_ref()),
        wrap: (options.name_width)
            .filter(|w| w.is_finite() && *w > 0.0)
            .unwrap_or(content::NAME_WIDTH),
    };
    let contents = match cache.as_deref_mut() {
        Some(c) => c.boxes.units(&org.units, &drawn, inputs),
        None => content::units(&org.units, &drawn, inputs),
    };
    let boxes = Tree {
        sizes: contents.iter().map(|c| Size { w: c.w, h: c.h }).collect(),
        parent: drawn
            .iter()
            .map(|&u| parent[u].map(|p| node_of[p]))
            .collect(),
        folded: vec![false; drawn.len()],
        pinned: drawn
            .iter()
            .map(|&u| org.units[u].position.map(|p| (p.x, p.y)))
            .collect(),
        staff: drawn.iter().map(|&u| org.units[u].staff).collect(),
    };
    let lay_options = layout::Options {
        orientation: options.orientation,
        compact: options.compact,
        level_gap: LEVEL_GAP,
        ..Default::default()
    };
    let laid = match options.within {
        Some(w) => layout::layout_within(&boxes, &lay_options, w),
        None => layout::layout(&boxes, &lay_options),
    };

    let title = decor::title_block(org, options, &palette);
    let (bx0, by0, bx1, by1) = if drawn.is_empty() {
        (0.0, 0.0, 0.0, 0.0)
    } else {
        laid.bounds
    };
    let dx = MARGIN - bx0;
    let dy = MARGIN + title.height - by0;

    let mut scene = Scene {
        background: Some(palette.background),
        unit_item: vec![None; org.units.len()],
        origin: (dx, dy),
        ..Default::default()
    };
    let others = org.bodies.len() + org.entities.len() + 16;
    scene
        .items
        .reserve(title.items.len() + drawn.len() + others);
    scene
        .connectors
        .reserve(drawn.len() + org.relations.len() + org.bodies.len() + 4);
    let first = scene.items.len();
    scene.items.extend(title.items);
    scene.logo = title.logo.map(|logo| PlacedLogo {
        item: first + logo.item,
        ..logo
    });
    for (node, (&u, c)) in drawn.iter().zip(contents).enumerate() {
        let Some((x, y)) = laid.pos[node] else {
            continue;
        };
        let rect = Rect {
            x: x + dx,
            y: y + dy,
            w: c.w,
            h: c.h,
        };
        let ((fill, stroke), dashed) = match &options.changes {
            None => (options.theme.unit_colours(&org.units[u].kind), false),
            Some(marks) => {
                let mark = marks.get(u).and_then(Option::as_ref);
                (
                    options.theme.change_colours(mark),
                    mark == Some(&Mark::Removed),
                )
            }
        };
        scene.unit_item[u] = Some(scene.items.len());
        scene.items.push(Item {
            owner: Owner::Unit(u),
            shape: Shape::Rect,
            rect,
            fill,
            stroke,
            stroke_width: if parent[u].is_none() { 2.5 } else { 1.5 },
            dashed,
            lines: c.lines,
            rule: c.rule.map(|r| r + rect.y),
        });
    }
    for &u in &drawn {
        let (Some(p), Some(ci)) = (parent[u], scene.unit_item[u]) else {
            continue;
        };
        let Some(pi) = scene.unit_item[p] else {
            continue;
        };
        let bus = laid.bus[node_of[u]]
            + if options.orientation == Orientation::TopDown {
                dy
            } else {
                dx
            };
        let points = elbow(
            &scene.items[pi].rect,
            &scene.items[ci].rect,
            (bus, laid.side[node_of[u]]),
            options.orientation,
        );
        scene.connectors.push(Connector {
            link: Link::Hierarchy(u),
            ends: Some((pi, ci)),
            points,
            colour: palette.hierarchy,
            width: 1.5,
            style: LineStyle::Solid,
        });
    }
    let hierarchy = Rect {
        x: MARGIN,
        y: MARGIN + title.height,
        w: bx1 - bx0,
        h: by1 - by0,
    };
    bands::add_bands(&mut scene, org, tree, options, &palette, hierarchy, cache);
    decor::footer(&mut scene, options, &palette);
    scene.width = scene
        .items
        .iter()
        .map(|i| i.rect.right())
        .fold(0.0, f32::max)
        + MARGIN;
    scene.height = scene
        .items
        .iter()
        .map(|i| i.rect.bottom())
        .fold(0.0, f32::max)
        + MARGIN;
    scene
}
