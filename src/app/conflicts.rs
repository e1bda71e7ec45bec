//! The conflicts a merge left in the file (`organigramme merge`, git's merge driver),
//! settled from the window one by one, each as one undo step.

use super::OrgApp;
use crate::model::Conflict;
use crate::ui::Dialog;

impl OrgApp {
    pub(super) fn settle(&mut self, conflict: &Conflict, theirs: bool, label: &str) {
        let lang = self.lang();
        match crate::merge::settle(self.doc.org(), conflict, theirs) {
            Ok(edits) => self.edit(Some(crate::doc::Edit::Batch(edits)), label, None),
            Err(e) => {
                self.dialog = Some(Dialog::Error {
                    title: lang
                        .pick("Conflit non réglé", "Conflict not settled")
                        .into(),
                    text: e.get(lang).into(),
                })
            }
        }
    }
}
