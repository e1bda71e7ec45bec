//! How scene items and connectors look on the egui_graphs canvas: custom node and edge
//! displays that paint the scene's boxes and lines at the current zoom and pan.

use super::dashes;
use crate::scene::{
    self, BOX_DASHES, Item, LineStyle, Link, RULE_INSET, RULE_WIDTH, Shape as ItemShape,
};
use eframe::egui::{
    self, Color32, CornerRadius, FontFamily, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2,
};
use egui_graphs::{DisplayEdge, DisplayNode, DrawContext, EdgeProps, Node, NodeProps};
use petgraph::{EdgeType, stable_graph::IndexType};
use std::sync::Arc;

/// Below this on-screen size, text is not drawn: far zoom shows boxes only.
const MIN_READABLE_PX: f32 = 4.0;

pub fn colour(c: scene::Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c.0, c.1, c.2, c.3)
}

pub fn bold_family() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// A node's payload: the scene item it shows, shared and never copied.
#[derive(Clone)]
pub struct NodeData {
    pub item: usize,
    pub view: Arc<Item>,
    /// Drawn with a strong outline: the selection or a drop target.
    pub emphasis: bool,
}

#[derive(Clone)]
pub struct BoxNode {
    loc: Pos2,
    data: Option<NodeData>,
    selected: bool,
    dragged: bool,
}

impl From<NodeProps<NodeData>> for BoxNode {
    fn from(props: NodeProps<NodeData>) -> Self {
        BoxNode {
            loc: props.location(),
            data: Some(props.payload.clone()),
            selected: props.selected,
            dragged: false,
        }
    }
}

impl BoxNode {
    fn half(&self) -> Vec2 {
        self.data.as_ref().map_or(Vec2::splat(1.0), |d| {
            Vec2::new(d.view.rect.w, d.view.rect.h) / 2.0
        })
    }

    /// The box in canvas coordinates.
    pub fn rect(&self) -> Rect {
        Rect::from_center_size(self.loc, self.half() * 2.0)
    }
}

impl<E: Clone, Ty: EdgeType, Ix: IndexType> DisplayNode<NodeData, E, Ty, Ix> for BoxNode {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        let h = self.half();
        let t = (h.x / dir.x.abs().max(1e-6)).min(h.y / dir.y.abs().max(1e-6));
        self.loc + dir * t
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<Shape> {
        let Some(data) = &self.data else {
            return Vec::new();
        };
        let meta = ctx.meta;
        let zoom = meta.zoom;
        let item = &data.view;
        // The item was built at its scene position; it is drawn wherever the node now is.
        let offset = self.loc
            - Pos2::new(
                item.rect.x + item.rect.w / 2.0,
                item.rect.y + item.rect.h / 2.0,
            );
        let to_screen = |p: Pos2| meta.canvas_to_screen_pos(p + offset);
        let rect = Rect::from_min_max(
            to_screen(Pos2::new(item.rect.x, item.rect.y)),
            to_screen(Pos2::new(item.rect.right(), item.rect.bottom())),
        );
        if !ctx.painter.clip_rect().intersects(rect.expand(4.0)) {
            return Vec::new();
        }
        let mut out = Vec::with_capacity(item.lines.len() + 3);
        if item.shape != ItemShape::None {
            let radius = item.shape.radius(item.rect.h) * zoom;
            let width = (item.stroke_width * zoom).clamp(0.5, 6.0)
                * if data.emphasis || self.selected {
                    2.0
                } else {
                    1.0
                };
            let stroke_colour = if data.emphasis || self.selected {
                Color32::from_rgb(230, 120, 0)
            } else {
                colour(item.stroke)
            };
            let r = CornerRadius::same(radius.min(255.0) as u8);
            out.push(Shape::rect_filled(rect, r, colour(item.fill)));
            if item.dashed {
                let corners = [
                    rect.left_top(),
                    rect.right_top(),
                    rect.right_bottom(),
                    rect.left_bottom(),
                    rect.left_top(),
                ];
                out.extend(Shape::dashed_line(
                    &corners,
                    Stroke::new(width, stroke_colour),
                    BOX_DASHES.0 * zoom,
                    BOX_DASHES.1 * zoom,
                ));
            } else {
                out.push(Shape::rect_stroke(
                    rect,
                    r,
                    Stroke::new(width, stroke_colour),
                    StrokeKind::Inside,
                ));
            }
            if self.dragged {
                out.push(Shape::rect_filled(rect, r, Color32::from_black_alpha(20)));
            }
        }
        if let Some(y) = item.rule {
            let a = to_screen(Pos2::new(item.rect.x + RULE_INSET, y));
            let b = to_screen(Pos2::new(item.rect.right() - RULE_INSET, y));
            out.push(Shape::line_segment(
                [a, b],
                Stroke::new((RULE_WIDTH * zoom).max(0.5), colour(item.stroke)),
            ));
        }
        ctx.ctx.fonts_mut(|fonts| {
            for line in item.lines.iter() {
                let size = line.style.size * zoom;
                if size < MIN_READABLE_PX {
                    continue;
                }
                let family = if line.style.bold {
                    bold_family()
                } else {
                    FontFamily::Proportional
                };
                let top = to_screen(Pos2::new(
                    line.x + item.rect.x,
                    line.y + item.rect.y - line.style.size * crate::text::ASCENT,
                ));
                let galley = fonts.layout_no_wrap(
                    line.text.to_string(),
                    FontId::new(size, family),
                    colour(line.colour),
                );
                let x = if line.centred {
                    top.x - galley.size().x / 2.0
                } else {
                    top.x
                };
                out.push(Shape::galley(
                    Pos2::new(x, top.y),
                    galley,
                    colour(line.colour),
                ));
            }
        });
        out
    }

    fn update(&mut self, props: &NodeProps<NodeData>) {
        self.loc = props.location();
        self.selected = props.selected;
        self.dragged = props.dragged;
        self.data = Some(props.payload.clone());
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        self.rect().contains(pos)
    }
}

/// An edge's payload: which link it draws and, for lines that are not hierarchy, the route
/// the scene chose.
#[derive(Clone)]
pub struct EdgeData {
    pub link: Link,
    pub colour: Color32,
    pub style: LineStyle,
    /// Distance from the child's top (or left) edge back to the bus of its elbow.
    pub bus_gap: f32,
    /// The child hangs on its parent's spine: the line enters its side at mid-height.
    pub side: bool,
    pub left_right: bool,
    pub route: Arc<Vec<Pos2>>,
}

#[derive(Clone)]
pub struct Wire {
    data: EdgeData,
}

impl From<EdgeProps<EdgeData>> for Wire {
    fn from(props: EdgeProps<EdgeData>) -> Self {
        Wire {
            data: props.payload.clone(),
        }
    }
}

fn node_rect<E: Clone, Ty: EdgeType, Ix: IndexType>(
    n: &Node<NodeData, E, Ty, Ix, BoxNode>,
) -> Rect {
    n.display().rect()
}

impl<Ty: EdgeType, Ix: IndexType> DisplayEdge<NodeData, EdgeData, Ty, Ix, BoxNode> for Wire {
    fn shapes(
        &mut self,
        start: &Node<NodeData, EdgeData, Ty, Ix, BoxNode>,
        end: &Node<NodeData, EdgeData, Ty, Ix, BoxNode>,
        ctx: &DrawContext,
    ) -> Vec<Shape> {
        let d = &self.data;
        let points: Vec<Pos2> = match d.link {
            Link::Hierarchy(_) => {
                // Recomputed from the boxes each frame, so it follows a box being dragged.
                let (p, c) = (node_rect(start), node_rect(end));
                if d.side {
                    // As the scene draws it: down the spine, into the nearer side.
                    if d.left_right {
                        let near = if c.top() >= p.center().y {
                            c.top()
                        } else {
                            c.bottom()
                        };
                        vec![
                            Pos2::new(p.right(), p.center().y),
                            Pos2::new(c.center().x, p.center().y),
                            Pos2::new(c.center().x, near),
                        ]
                    } else {
                        let near = if c.left() >= p.center().x {
                            c.left()
                        } else {
                            c.right()
                        };
                        vec![
                            Pos2::new(p.center().x, p.bottom()),
                            Pos2::new(p.center().x, c.center().y),
                            Pos2::new(near, c.center().y),
                        ]
                    }
                } else if d.left_right {
                    let bus = c.left() - d.bus_gap;
                    vec![
                        Pos2::new(p.right(), p.center().y),
                        Pos2::new(bus, p.center().y),
                        Pos2::new(bus, c.center().y),
                        Pos2::new(c.left(), c.center().y),
                    ]
                } else {
                    let bus = c.top() - d.bus_gap;
                    vec![
                        Pos2::new(p.center().x, p.bottom()),
                        Pos2::new(p.center().x, bus),
                        Pos2::new(c.center().x, bus),
                        Pos2::new(c.center().x, c.top()),
                    ]
                }
            }
            _ => d.route.to_vec(),
        };
        let screen: Vec<Pos2> = points
            .iter()
            .map(|p| ctx.meta.canvas_to_screen_pos(*p))
            .collect();
        let zoom = ctx.meta.zoom;
        // The lines of the selected unit are drawn twice as thick.
        let emphasis = start.selected() || end.selected();
        let width = (1.5 * zoom).clamp(0.6, 4.0) * if emphasis { 2.0 } else { 1.0 };
        let stroke = Stroke::new(width, d.colour);
        let view = ctx.painter.clip_rect().expand(width);
        match d.style.dashes() {
            None => vec![Shape::line(screen, stroke)],
            Some((dash, gap)) => {
                dashes::visible_dashes(&screen, view, stroke, dash * zoom, gap * zoom)
            }
        }
    }

    fn update(&mut self, props: &EdgeProps<EdgeData>) {
        self.data = props.payload.clone();
    }

    fn is_inside(
        &self,
        _: &Node<NodeData, EdgeData, Ty, Ix, BoxNode>,
        _: &Node<NodeData, EdgeData, Ty, Ix, BoxNode>,
        _: Pos2,
    ) -> bool {
        false
    }
}

/// Installs the bundled fonts in egui, in the order the exports look for a glyph, so the canvas
/// draws with the bytes the exports use. egui 0.36 shapes each run (Arabic letters join, right
/// to left within a word) but has no bidi: the words of a right-to-left line stand left to
/// right, in the order typed.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    let mut chain = |bold: bool| -> Vec<String> {
        crate::text::Font::ALL
            .iter()
            .map(|font| {
                // A family with one weight is loaded once.
                let bold = bold && !std::ptr::eq(font.ttf(true), font.ttf(false));
                let name = format!("{font:?}{}", if bold { "-bold" } else { "" });
                fonts.font_data.insert(
                    name.clone(),
                    Arc::new(egui::FontData::from_static(font.ttf(bold))),
                );
                name
            })
            .collect()
    };
    let (mut regular, mut bold) = (chain(false), chain(true));
    let defaults = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    regular.extend(defaults.iter().cloned());
    bold.extend(defaults);
    fonts.families.insert(FontFamily::Proportional, regular);
    fonts.families.insert(bold_family(), bold);
    ctx.set_fonts(fonts);
}
