//! Which scene items egui_graphs holds: only those in view (plus the far ends of lines that
//! reach into the view), updated incrementally as the view moves. egui_graphs walks, clones
//! and draws every node it holds each frame, so off-screen items must not be there.

use super::ChartGraph;
use crate::scene::{Buckets, Link, Rect, Scene};
use crate::ui::shapes::{EdgeData, NodeData, colour};
use eframe::egui::Pos2;
use petgraph::stable_graph::NodeIndex;
use std::sync::Arc;

const CELL: f32 = 512.0;

pub struct Subset {
    buckets: Buckets,
    links: Links,
    pub node_of: Vec<Option<NodeIndex>>,
    present: Vec<usize>,
    edge_present: Vec<bool>,
    /// The payloads of the items shown so far, made when an item first comes into view.
    views: Vec<Option<Arc<crate::scene::Item>>>,
}

/// The connectors that start or end at item `i`: `link[first[i]..first[i + 1]]`.
struct Links {
    first: Vec<u32>,
    link: Vec<u32>,
}

impl Links {
    /// Counted, then filled: no vector per item.
    fn new(scene: &Scene) -> Self {
        let n = scene.items.len();
        let ends = || scene.connectors.iter().filter_map(|c| c.ends);
        let mut first = vec![0u32; n + 1];
        for (a, b) in ends() {
            first[a + 1] += 1;
            first[b + 1] += 1;
        }
        for i in 0..n {
            first[i + 1] += first[i];
        }
        let mut next = first.clone();
        let mut link = vec![0u32; first[n] as usize];
        for (c, conn) in scene.connectors.iter().enumerate() {
            if let Some((a, b)) = conn.ends {
                for end in [a, b] {
                    link[next[end] as usize] = c as u32;
                    next[end] += 1;
                }
            }
        }
        Links { first, link }
    }

    fn of(&self, i: usize) -> &[u32] {
        &self.link[self.first[i] as usize..self.first[i + 1] as usize]
    }
}

/// The items drawn below `item` in the hierarchy, found through the scene's connectors: what
/// a drag of `item` carries along.
pub fn below(scene: &Scene, item: usize) -> Vec<usize> {
    let mut children: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    for c in &scene.connectors {
        if let (Link::Hierarchy(_), Some((parent, child))) = (c.link, c.ends) {
            children.entry(parent).or_default().push(child);
        }
    }
    let mut found = Vec::new();
    let mut stack = vec![item];
    while let Some(i) = stack.pop() {
        for &c in children.get(&i).map_or(&[][..], Vec::as_slice) {
            found.push(c);
            stack.push(c);
        }
    }
    found
}

pub fn centre(r: &Rect) -> Pos2 {
    Pos2::new(r.x + r.w / 2.0, r.y + r.h / 2.0)
}

impl Subset {
    pub fn new(scene: &Scene) -> Self {
        Subset {
            buckets: Buckets::new(scene.items.iter().map(|i| &i.rect), CELL),
            links: Links::new(scene),
            node_of: vec![None; scene.items.len()],
            present: Vec::new(),
            edge_present: vec![false; scene.connectors.len()],
            views: vec![None; scene.items.len()],
        }
    }

    /// Items whose box meets `view`, each once.
    pub fn in_view(&self, scene: &Scene, view: Rect) -> Vec<usize> {
        let mut seen = vec![false; scene.items.len()];
        let mut out = Vec::new();
        for i in self.buckets.near(&view) {
            if !seen[i] && scene.items[i].rect.intersects(&view) {
                seen[i] = true;
                out.push(i);
            }
        }
        out
    }

    /// Makes the graph hold exactly `wanted` plus the far ends of their lines. The dragged
    /// node is never removed: egui_graphs is in the middle of moving it.
    pub fn update(
        &mut self,
        graph: &mut ChartGraph,
        scene: &Scene,
        wanted: &[usize],
        keep: Option<NodeIndex>,
    ) {
        let mut want = vec![false; scene.items.len()];
        for &i in wanted {
            want[i] = true;
            for &c in self.links.of(i) {
                if let Some((a, b)) = scene.connectors[c as usize].ends {
                    want[a] = true;
                    want[b] = true;
                }
            }
        }
        let present = std::mem::take(&mut self.present);
        for i in present {
            let node = self.node_of[i];
            if want[i] || (node.is_some() && node == keep) {
                self.present.push(i);
                continue;
            }
            if let Some(n) = self.node_of[i].take() {
                if graph.hovered_node() == Some(n) {
                    graph.set_hovered_node(None);
                }
                graph.remove_node(n);
            }
            for &c in self.links.of(i) {
                self.edge_present[c as usize] = false;
            }
        }
        for (i, &w) in want.iter().enumerate() {
            if w && self.node_of[i].is_none() {
                let data = NodeData {
                    item: i,
                    view: self.views[i]
                        .get_or_insert_with(|| Arc::new(scene.items[i].clone()))
                        .clone(),
                    emphasis: false,
                };
                self.node_of[i] =
                    Some(graph.add_node_with_location(data, centre(&scene.items[i].rect)));
                self.present.push(i);
            }
        }
        for &i in &self.present {
            for &c in self.links.of(i) {
                let c = c as usize;
                let conn = &scene.connectors[c];
                let Some((a, b)) = conn.ends else { continue };
                if self.edge_present[c] {
                    continue;
                }
                let (Some(na), Some(nb)) = (self.node_of[a], self.node_of[b]) else {
                    continue;
                };
                graph.add_edge(na, nb, edge_data(conn));
                self.edge_present[c] = true;
            }
        }
    }
}

fn edge_data(c: &crate::scene::Connector) -> EdgeData {
    let bus_gap = match c.points.as_slice() {
        [.., p2, p3] => (p3.1 - p2.1).abs().max((p3.0 - p2.0).abs()),
        _ => 20.0,
    };
    EdgeData {
        link: c.link,
        colour: colour(c.colour),
        style: c.style,
        bus_gap,
        // The scene's elbow has four points, a stub from the spine three.
        side: matches!(c.link, Link::Hierarchy(_)) && c.points.len() == 3,
        left_right: c.points.len() >= 3 && (c.points[0].1 - c.points[1].1).abs() < 1e-3,
        route: Arc::new(c.points.iter().map(|&(x, y)| Pos2::new(x, y)).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_view_finds_exactly_the_items_a_full_search_finds() {
        let org = crate::generate::generate(3000, 3);
        let scene = crate::scene::build(&org, &Default::default());
        let subset = Subset::new(&scene);
        let (w, h) = (scene.width, scene.height);
        for view in [
            Rect {
                x: -100.0,
                y: -100.0,
                w: w + 200.0,
                h: h + 200.0,
            },
            Rect {
                x: w * 0.6,
                y: h * 0.3,
                w: 900.0,
                h: 600.0,
            },
            Rect {
                x: w - 300.0,
                y: 0.0,
                w: 5000.0,
                h,
            },
        ] {
            let mut found = subset.in_view(&scene, view);
            found.sort_unstable();
            let all: Vec<usize> = (0..scene.items.len())
                .filter(|&i| scene.items[i].rect.intersects(&view))
                .collect();
            assert_eq!(found, all, "{view:?} in a {w} × {h} scene");
        }
    }
}
