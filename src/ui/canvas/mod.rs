//! The chart on an egui_graphs canvas: the only user of egui_graphs. Nodes are the scene's
//! items at the scene's positions (our layout owns positions; egui_graphs places nothing), so
//! the canvas shows exactly what the exports show.
//!
//! egui_graphs asks for a repaint on every frame it is shown; this wrapper shows it only when
//! something could change and otherwise replays the shapes of its last frame, so an idle
//! window does not repaint at all.

mod fixed;
mod marks;
mod navigate;
mod paint;
mod subset;

use super::shapes::{BoxNode, EdgeData, NodeData, Wire};
use crate::scene::{Owner, Scene};
use eframe::egui::{self, Pos2, Rect, Vec2, epaint::ClippedShape};
use egui_graphs::{Graph, GraphChange, GraphView, SettingsInteraction, SettingsNavigation};
use fixed::{Fixed, FixedState};
use petgraph::{Directed, stable_graph::DefaultIx};
use std::sync::Arc;
use subset::{Subset, centre};

type ChartGraph = Graph<NodeData, EdgeData, Directed, DefaultIx, BoxNode, Wire>;
type View = GraphView<FixedState, Fixed>;

const VIEW_ID: &str = "organigramme-chart";
/// Beyond this many boxes in view, or below this zoom (where a unit's name would be under
/// 4 px), the chart is drawn as one mesh without text: egui_graphs costs about 28 µs a node.
const FAR_LIMIT: usize = 400;
const FAR_ZOOM: f32 = 0.3;

/// What the user did on the canvas this frame, in model terms.
#[derive(Debug, Default, PartialEq)]
pub struct CanvasEvents {
    pub clicked: Option<Owner>,
    pub clicked_empty: bool,
    pub double_clicked: Option<Owner>,
    pub secondary_clicked: Option<Owner>,
    /// A unit's box was dragged and released: the unit, its old and new top-left corners in
    /// scene coordinates, and the unit it was dropped onto, if any.
    pub dropped: Option<(usize, Pos2, Pos2, Option<usize>)>,
    pub hovered: Option<Owner>,
}

pub struct Canvas {
    graph: ChartGraph,
    subset: Subset,
    scene: Arc<Scene>,
    replay: Vec<ClippedShape>,
    last_rect: Rect,
    last_ppp: f32,
    /// Frames in which to fit the chart to the view: more than one, because side panels
    /// settle their width during the first frames.
    fit_frames: u8,
    /// The item being dragged and where its box started.
    dragging: Option<(usize, Pos2)>,
    /// The items below it, moved along with it.
    carried: Vec<usize>,
    drop_target: Option<usize>,
    selected: Option<usize>,
    /// Zoom and pan of the last real frame, to map scene points to the screen.
    view: (f32, Vec2),
    /// Frames still to show for real: egui's smooth zoom keeps moving a few frames after the
    /// last input event.
    live_frames: u8,
    /// What the pointer was over in the last real frame: a tooltip appears a frame after the
    /// pointer stops (egui sizes it first), and that frame is a replayed one.
    hovered: Option<Owner>,
    /// Boxes cannot be dragged (a comparison's chart is not the document's).
    pub read_only: bool,
    logo_texture: crate::ui::logo::LogoTexture,
}

impl Default for Canvas {
    fn default() -> Self {
        Canvas {
            graph: ChartGraph::new(),
            subset: Subset::new(&Scene::default()),
            scene: Arc::new(Scene::default()),
            replay: Vec::new(),
            last_rect: Rect::NOTHING,
            last_ppp: 0.0,
            fit_frames: 3,
            dragging: None,
            carried: Vec::new(),
            drop_target: None,
            selected: None,
            view: (1.0, Vec2::ZERO),
            live_frames: 2,
            hovered: None,
            read_only: false,
            logo_texture: Default::default(),
        }
    }
}

impl Canvas {
    /// Shows a new scene (after an edit or on opening a document); `fit` frames it whole.
    pub fn set_scene(&mut self, scene: Arc<Scene>, fit: bool) {
        let old = (
            std::mem::take(&mut self.graph),
            std::mem::replace(&mut self.subset, Subset::new(&scene)),
            std::mem::replace(&mut self.scene, scene),
        );
        // Freeing a large chart's scene (tens of thousands of strings) takes milliseconds
        // the edit should not wait for.
        // If no thread can be started, the closure and the old scene are dropped here.
        if old.2.items.len() > 1000 {
            let _ = std::thread::Builder::new().spawn(move || drop(old));
        }
        if fit {
            self.fit_frames = 3;
        }
        self.dragging = None;
        self.hovered = None;
        self.drop_target = None;
        self.live_frames = 2;
    }

    pub fn request_fit(&mut self) {
        self.fit_frames = 3;
        self.live_frames = 2;
    }

    /// Marks the selected unit's item on the canvas.
    pub fn select(&mut self, item: Option<usize>) {
        if self.selected != item {
            self.selected = item;
            self.refresh_marks();
        }
    }

    /// The scene shown.
    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    /// Where a scene point was on the screen in the last frame.
    pub fn scene_to_screen(&self, p: Pos2) -> Pos2 {
        self.last_rect.min + self.view.1 + p.to_vec2() * self.view.0
    }

    /// Whether a box is being dragged.
    pub fn dragging(&self) -> bool {
        self.dragging.is_some()
    }

    /// The chart's zoom as last drawn: 1 shows a box at its size in points.
    pub fn zoom(&self) -> f32 {
        self.view.0
    }

    /// Where the canvas shows an item now, in scene coordinates: its scene place, or where a
    /// drag has carried it. None when it is out of view.
    pub fn shown_at(&self, item: usize) -> Option<Pos2> {
        let node = self
            .graph
            .node(self.subset.node_of.get(item).copied().flatten()?)?;
        Some(node.display().rect().min)
    }

    /// The topmost item of the scene under a point in scene coordinates.
    fn item_at(&self, p: Pos2, skip: Option<usize>) -> Option<usize> {
        self.scene
            .items
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, it)| {
                let inside = p.x >= it.rect.x
                    && p.x <= it.rect.right()
                    && p.y >= it.rect.y
                    && p.y <= it.rect.bottom();
                (inside && Some(i) != skip && !it.owner.is_decoration()).then_some(i)
            })
    }

    pub fn show(&mut self, ui: &mut egui::Ui) -> CanvasEvents {
        let mut events = CanvasEvents::default();
        let rect = ui.available_rect_before_wrap().intersect(ui.clip_rect());
        let ppp = ui.ctx().pixels_per_point();
        let input_here = ui.input(|i| {
            let over = i.pointer.hover_pos().is_some_and(|p| rect.contains(p));
            (over
                && (!i.events.is_empty()
                    || i.smooth_scroll_delta != Vec2::ZERO
                    || i.zoom_delta() != 1.0))
                || i.pointer.any_down()
                || i.pointer.any_released()
        });
        if self.fit_frames > 0 {
            self.live_frames = self.live_frames.max(2);
        }
        let live = input_here
            || self.live_frames > 0
            || rect != self.last_rect
            || ppp != self.last_ppp
            || self.dragging.is_some();
        self.last_rect = rect;
        self.last_ppp = ppp;
        let layer = ui.layer_id();

        if !live {
            // Nothing could have changed: draw the last frame again, and keep the widget's
            // rect and sense so the first input after idle is not lost.
            let response = ui.allocate_rect(rect, egui::Sense::click_and_drag());
            events.hovered = self.hovered.filter(|_| response.hovered());
            if events.hovered.is_none() && self.hovered.is_some_and(|o| matches!(o, Owner::Body(_)))
            {
                // The pointer left the chart: the members' marks go, drawn on the next frame.
                self.hovered = None;
                self.refresh_marks();
                ui.ctx().request_repaint();
            }
            let replay = self.replay.clone();
            ui.ctx().graphics_mut(|g| {
                let list = g.entry(layer);
                for s in replay {
                    list.add(s.clip_rect, s.shape);
                }
            });
            return events;
        }
        self.live_frames = self.live_frames.saturating_sub(1);
        let start = ui
            .ctx()
            .graphics(|g| g.get(layer).map_or(0, |l| l.next_idx().0));
        self.paint_legend_lines(ui, rect);
        self.sync_subset(ui, rect);
        let before = Self::meta(ui);
        let response = View::new()
            .with_id(Some(VIEW_ID.into()))
            .with_interactions(
                &SettingsInteraction::new()
                    .with_dragging_enabled(!self.read_only)
                    .with_hover_enabled(true),
            )
            .with_navigations(
                &SettingsNavigation::new()
                    .with_fit_to_screen_enabled(false)
                    .with_zoom_and_pan_enabled(true),
            )
            .show(ui, &mut self.graph);
        if !response.changes.is_empty() {
            self.live_frames = 2;
        }
        // With the zoom and pan `show` has just drawn the boxes with.
        self.paint_logo(ui, rect, &Self::meta(ui));
        self.wheel_zoom(ui, rect, &before);
        // After `show`: the widget's first frame fits on its own terms and would undo ours.
        if self.fit_frames > 0 && rect.is_positive() {
            self.fit(ui, rect.size());
            self.live_frames = 2;
        }

        let meta = Self::meta(ui);
        self.view = (meta.zoom, meta.pan);
        let to_scene = |p: Pos2| ((p - rect.min - meta.pan) / meta.zoom).to_pos2();
        let r = &response.response;
        let pointer = ui
            .input(|i| i.pointer.latest_pos())
            .filter(|p| rect.contains(*p))
            .map(to_scene);
        self.handle_changes(ui, &response.changes, pointer, &mut events);
        if r.clicked() {
            match pointer.and_then(|p| self.item_at(p, None)) {
                Some(i) => events.clicked = Some(self.scene.items[i].owner),
                None => events.clicked_empty = true,
            }
        }
        if r.double_clicked() {
            events.double_clicked = pointer
                .and_then(|p| self.item_at(p, None))
                .map(|i| self.scene.items[i].owner);
        }
        if r.secondary_clicked() {
            events.secondary_clicked = pointer
                .and_then(|p| self.item_at(p, None))
                .map(|i| self.scene.items[i].owner);
        }
        if self.dragging.is_none() {
            events.hovered = pointer
                .and_then(|p| self.item_at(p, None))
                .map(|i| self.scene.items[i].owner);
        }
        if std::mem::replace(&mut self.hovered, events.hovered) != events.hovered {
            // A body pointed at, or left: its members' marks follow.
            self.refresh_marks();
        }
        // egui_graphs' own request_repaint is what keeps a window busy: frames that matter
        // were already requested above through `live_frames`.
        if self.live_frames > 0 || self.dragging.is_some() {
            ui.ctx().request_repaint();
        }
        self.replay = ui.ctx().graphics(|g| {
            g.get(layer)
                .map(|l| l.all_entries().skip(start).cloned().collect())
                .unwrap_or_default()
        });
        events
    }

    fn handle_changes(
        &mut self,
        ui: &egui::Ui,
        changes: &[GraphChange],
        pointer: Option<Pos2>,
        events: &mut CanvasEvents,
    ) {
        for change in changes {
            match change {
                GraphChange::NodeDragStarted { node } => {
                    let item = self.graph.node(*node).map(|n| n.payload().item);
                    self.dragging = item.map(|i| {
                        (
                            i,
                            Pos2::new(self.scene.items[i].rect.x, self.scene.items[i].rect.y),
                        )
                    });
                    self.carried = item.map_or_else(Vec::new, |i| subset::below(&self.scene, i));
                }
                GraphChange::NodeMoved { node, .. } => {
                    let Some(n) = self.graph.node(*node) else {
                        continue;
                    };
                    let item = n.payload().item;
                    // The subtree moves with its head, live, as it will once dropped.
                    if let Some((dragged, _)) = self.dragging
                        && dragged == item
                    {
                        // From the node's location, which the drag set this frame; its drawn
                        // box follows only when it is drawn.
                        let delta = n.location() - centre(&self.scene.items[item].rect);
                        for &c in &self.carried {
                            let Some(index) = self.subset.node_of[c] else {
                                continue;
                            };
                            let at = centre(&self.scene.items[c].rect) + delta;
                            if let Some(n) = self.graph.node_mut(index) {
                                n.set_location(at);
                            }
                        }
                    }
                    // The drop goes where the pointer is, as in other editors, not where the
                    // box's centre happens to be.
                    let Some(pointer) = pointer else { continue };
                    let target = self.item_at(pointer, Some(item)).and_then(|t| {
                        match self.scene.items[t].owner {
                            Owner::Unit(u) => Some(u),
                            _ => None,
                        }
                    });
                    if target != self.drop_target {
                        self.drop_target = target;
                        self.refresh_marks();
                    }
                }
                GraphChange::NodeDragEnded { node } => {
                    let Some((item, from)) = self.dragging.take() else {
                        continue;
                    };
                    let Some(n) = self.graph.node(*node) else {
                        continue;
                    };
                    let to = n.display().rect().min;
                    let target = self.drop_target.take();
                    self.refresh_marks();
                    match self.scene.items[item].owner {
                        Owner::Unit(u) if (to - from).length() > 2.0 => {
                            events.dropped = Some((u, from, to, target))
                        }
                        _ => {
                            // Only units move: anything else goes back where the scene has it.
                            let c = centre(&self.scene.items[item].rect);
                            if let Some(n) = self.graph.node_mut(*node) {
                                n.set_location(c);
                            }
                        }
                    }
                    ui.ctx().request_repaint();
                }
                _ => {}
            }
        }
    }

    /// Updates which items egui_graphs holds for the view about to be drawn. At far zoom the
    /// boxes are painted here as one mesh and egui_graphs holds nothing.
    fn sync_subset(&mut self, ui: &egui::Ui, rect: Rect) {
        let meta = Self::meta(ui);
        let zoom = meta.zoom.max(1e-3);
        // Last frame's zoom and pan: widen the view so a pan this frame shows no gap.
        let margin = 150.0 / zoom;
        let min = (-meta.pan / zoom).to_pos2();
        let view = crate::scene::Rect {
            x: min.x - margin,
            y: min.y - margin,
            w: rect.width() / zoom + 2.0 * margin,
            h: rect.height() / zoom + 2.0 * margin,
        };
        let wanted = self.subset.in_view(&self.scene, view);
        let far = (wanted.len() > FAR_LIMIT || zoom < FAR_ZOOM) && self.dragging.is_none();
        let keep = self.graph.dragged_node();
        self.subset.update(
            &mut self.graph,
            &self.scene,
            if far { &[] } else { &wanted },
            keep,
        );
        self.apply_marks();
        if far {
            self.paint_far(ui, rect, &wanted);
        }
    }
}
