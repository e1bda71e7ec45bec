//! A layout for egui_graphs that leaves every node where we put it: our layout owns positions.

use eframe::egui;
use egui_graphs::Graph;

/// Our layout owns every position: egui_graphs' own layouts would move the boxes.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct FixedState;

impl egui_graphs::LayoutState for FixedState {}

#[derive(Debug, Default)]
pub(super) struct Fixed;

impl egui_graphs::Layout<FixedState> for Fixed {
    fn from_state(_: FixedState) -> impl egui_graphs::Layout<FixedState> {
        Fixed
    }

    fn next<N, E, Ty, Ix, Dn, De>(&mut self, _: &mut Graph<N, E, Ty, Ix, Dn, De>, _: &egui::Ui)
    where
        N: Clone,
        E: Clone,
        Ty: petgraph::EdgeType,
        Ix: petgraph::stable_graph::IndexType,
        Dn: egui_graphs::DisplayNode<N, E, Ty, Ix>,
        De: egui_graphs::DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }

    fn state(&self) -> FixedState {
        FixedState
    }
}
