//! Recovery copies: while a document has unsaved changes, a copy is written every few
//! seconds to the user's data directory, so that a crash loses at most those seconds. A clean
//! save or quit removes it; the next start offers to restore what a crash left.

use crate::doc::Document;
use crate::format;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

const EVERY: Duration = Duration::from_secs(5);

pub struct Recovery {
    /// The copy; the document's own path is kept beside it in `<copy>.path`.
    file: PathBuf,
    last_write: Option<Instant>,
    written_revision: Option<u64>,
}

/// What a previous session left behind.
pub struct Found {
    pub doc: Document,
    pub when: SystemTime,
}

impl Recovery {
    pub fn in_dir(dir: &Path) -> Self {
        Recovery {
            file: dir.join("recovery.ron"),
            last_write: None,
            written_revision: None,
        }
    }

    /// The platform's data directory for our app id, if it has one.
    pub fn default_location() -> Option<Self> {
        super::settings::data_dir().map(|d| Recovery::in_dir(&d))
    }

    fn path_file(&self) -> PathBuf {
        self.file.with_extension("path")
    }

    /// Writes a copy when the document changed and the last copy is old enough.
    pub fn tick(&mut self, doc: &Document) {
        if !doc.is_dirty() {
            if self.written_revision.is_some() {
                self.clear();
            }
            return;
        }
        let due = self.last_write.is_none_or(|t| t.elapsed() >= EVERY);
        if !due || self.written_revision == Some(doc.revision) {
            return;
        }
        if let Some(dir) = self.file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        // A failed copy must not disturb the user: the next tick tries again.
        if format::atomic_write(&self.file, format::to_string(&doc.org).as_bytes()).is_ok() {
            let path = doc
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let _ = std::fs::write(self.path_file(), path);
            self.written_revision = Some(doc.revision);
        }
        self.last_write = Some(Instant::now());
    }

    /// Removes the copy only if this session wrote it: another window's copy stays.
    pub fn clear_own(&mut self) {
        if self.written_revision.is_some() {
            self.clear();
        }
    }

    pub fn clear(&mut self) {
        let _ = std::fs::remove_file(&self.file);
        let _ = std::fs::remove_file(format::backup_path(&self.file));
        let _ = std::fs::remove_file(self.path_file());
        self.written_revision = None;
    }

    /// A copy left by a session that did not end cleanly, as an unsaved document.
    pub fn find(&self) -> Option<Found> {
        let when = std::fs::metadata(&self.file)
            .and_then(|m| m.modified())
            .ok()?;
        let loaded = format::load_path(&self.file).ok()?;
        let path = std::fs::read_to_string(self.path_file())
            .ok()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from);
        let mut doc = Document::new(loaded.organisation, path);
        doc.mark_unsaved();
        Some(Found { doc, when })
    }
}

/// "14:05:09 UTC, il y a 3 min": when a recovery copy was written (UTC, as the copy's age
/// matters more than the zone).
pub fn describe(when: SystemTime, lang: crate::i18n::Lang) -> String {
    let secs = when
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let ago = SystemTime::now()
        .duration_since(when)
        .map_or(0, |d| d.as_secs());
    let time = format!(
        "{:02}:{:02}:{:02} UTC",
        (secs / 3600) % 24,
        (secs / 60) % 60,
        secs % 60
    );
    match lang {
        crate::i18n::Lang::Fr => format!("{time}, il y a {} min", ago / 60),
        crate::i18n::Lang::En => format!("{time}, {} min ago", ago / 60),
    }
}
