//! Choosing a file to open, save or export to. The platform's dialog (rfd) where there is one;
//! otherwise a dialog drawn by egui itself (egui-file-dialog), which always works and which
//! tests can drive. rfd cannot tell a failure from a cancel, so which one to use is decided
//! before asking (a setting, `Auto` by default) and a native dialog that returns nothing at
//! once is taken as one that never showed.

use crate::export::request::ExportRequest;
use crate::i18n::Lang;
use crate::ui::options::ChooserKind;
use egui_file_dialog::{FileDialog, FileDialogConfig, FileDialogLabels, OpeningMode};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What the choice of dialog depends on, read once from the environment.
pub struct Platform {
    pub linux: bool,
    pub session_bus: bool,
    pub zenity: bool,
}

impl Platform {
    /// Whether to try the platform's dialog with `kind` chosen. On Linux rfd needs the desktop
    /// portal (over the session's D-Bus) or `zenity`; without either it returns nothing,
    /// silently.
    pub fn use_native(&self, kind: ChooserKind) -> bool {
        match kind {
            ChooserKind::BuiltIn => false,
            ChooserKind::Native => true,
            ChooserKind::Auto => !self.linux || self.session_bus || self.zenity,
        }
    }

    pub fn detect() -> Platform {
        let zenity = std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join("zenity").is_file()));
        Platform {
            linux: cfg!(any(target_os = "linux", target_os = "freebsd")),
            session_bus: std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            zenity,
        }
    }
}

/// What the chosen path is for.
#[derive(Clone, Debug)]
pub enum Purpose {
    Open,
    /// Save the document there, then go on with the action that asked for the save.
    SaveAs {
        then: Option<crate::ui::Action>,
    },
    Export(Box<ExportRequest>),
    /// A table to preview and import.
    Import,
    /// Another version of the document, to compare it with.
    Compare,
    /// Where to write the draft legal text, in this form.
    Draft(crate::legal::DraftOptions),
    /// Where to write the comparison's tableau de correspondance.
    Correspondence,
    /// A picture for the organisation's logo.
    Logo,
}

impl Purpose {
    /// Whether the file chosen is read (it must exist) rather than written.
    fn reads(&self) -> bool {
        matches!(
            self,
            Purpose::Open | Purpose::Import | Purpose::Compare | Purpose::Logo
        )
    }
}

/// What to ask: the purpose, and where the dialog starts.
pub struct Ask {
    pub purpose: Purpose,
    pub dir: Option<PathBuf>,
    /// The proposed name when saving or exporting.
    pub file_name: Option<String>,
}

impl Ask {
    /// The file type offered: (filter name, extensions); a save adds the first.
    fn filter(&self) -> (&'static str, &'static [&'static str]) {
        match &self.purpose {
            Purpose::Open | Purpose::Compare | Purpose::SaveAs { .. } => ("Organigramme", &["ron"]),
            Purpose::Export(r) => match r.format {
                crate::export::request::Format::Svg => ("SVG", &["svg"]),
                crate::export::request::Format::Png => ("PNG", &["png"]),
                crate::export::request::Format::Pdf => ("PDF", &["pdf"]),
            },
            Purpose::Import => ("Tableaux (CSV, XLSX, ODS)", &["csv", "xlsx", "ods", "xls"]),
            Purpose::Draft(_) => (
                "Texte (DOCX, ODT, Markdown, texte)",
                &["docx", "odt", "md", "txt"],
            ),
            Purpose::Correspondence => ("Tableau (CSV, Markdown, texte)", &["csv", "md", "txt"]),
            Purpose::Logo => ("Image (PNG, JPEG, SVG)", &["png", "jpg", "jpeg", "svg"]),
        }
    }

    fn title(&self, lang: Lang) -> &'static str {
        match &self.purpose {
            Purpose::Open => lang.pick("📂 Ouvrir", "📂 Open"),
            Purpose::Import => lang.pick("📂 Importer un tableau", "📂 Import a table"),
            Purpose::Compare => lang.pick("📂 Comparer avec", "📂 Compare with"),
            Purpose::Draft(_) => lang.pick("📥 Projet de texte", "📥 Draft legal text"),
            Purpose::Correspondence => {
                lang.pick("📥 Tableau de correspondance", "📥 Correspondence table")
            }
            Purpose::Logo => lang.pick("📂 Logo de l'organisation", "📂 Organisation's logo"),
            Purpose::SaveAs { .. } => lang.pick("📥 Enregistrer sous", "📥 Save as"),
            Purpose::Export(_) => lang.pick("📥 Exporter le schéma", "📥 Export the chart"),
        }
    }
}

/// A native dialog that comes back empty sooner than this never showed: nobody closes a
/// file dialog in a fifth of a second.
const TOO_FAST: Duration = Duration::from_millis(200);

/// The native dialog, on the UI thread as rfd requires on some platforms. `None` with
/// `failed`: it could not be shown.
pub fn ask_native(ask: &Ask) -> (Option<PathBuf>, bool) {
    let (name, exts) = ask.filter();
    let patterns: Vec<String> = exts.iter().map(|e| format!("*.{e}")).collect();
    let filter = format!("{name} ({})", patterns.join(", "));
    let mut dialog = rfd::FileDialog::new().add_filter(filter, exts);
    if let Some(dir) = &ask.dir {
        dialog = dialog.set_directory(dir);
    }
    if let Some(file) = &ask.file_name {
        dialog = dialog.set_file_name(file);
    }
    let started = std::time::Instant::now();
    let picked = if ask.purpose.reads() {
        dialog.pick_file()
    } else {
        dialog.save_file()
    };
    let failed = picked.is_none() && started.elapsed() < TOO_FAST;
    (picked, failed)
}

/// The built-in dialog while it is open, with what it was opened for.
#[derive(Default)]
pub struct BuiltIn {
    open: Option<(FileDialog, Purpose)>,
    /// Opened in this frame: it is first drawn in the next one. A modal closed in this frame
    /// (the export dialog's) still holds the focus until it ends, and the file name field's
    /// one request for the focus, made when it is first drawn, would be lost.
    fresh: bool,
}

impl BuiltIn {
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    pub fn open(&mut self, ask: Ask, recent_dirs: &[PathBuf], lang: Lang) {
        let (name, exts) = ask.filter();
        let start = ask
            .dir
            .clone()
            .or_else(|| recent_dirs.first().cloned())
            .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
            .unwrap_or_default();
        let mut config = FileDialogConfig {
            labels: labels(lang),
            opening_mode: OpeningMode::AlwaysInitialDir,
            initial_directory: start,
            title: Some(ask.title(lang).into()),
            ..FileDialogConfig::default()
        };
        if !recent_dirs.is_empty() {
            config =
                config.add_quick_access(lang.pick("Dossiers récents", "Recent folders"), |q| {
                    for dir in recent_dirs {
                        let label = dir.file_name().map_or_else(
                            || dir.display().to_string(),
                            |n| n.to_string_lossy().into(),
                        );
                        q.add_path(&format!("🕓  {label}"), dir);
                    }
                });
        }
        let mut dialog = FileDialog::with_config(config)
            .add_file_filter_extensions(name, exts.to_vec())
            .default_file_filter(name)
            .add_save_extension(name, exts[0])
            .default_save_extension(name);
        if let Some(file) = &ask.file_name {
            dialog = dialog.default_file_name(file);
        }
        if ask.purpose.reads() {
            dialog.pick_file();
        } else {
            dialog.save_file();
        }
        self.open = Some((dialog, ask.purpose));
        self.fresh = true;
    }

    /// Draws the dialog; returns what was chosen, once. A cancel just closes it.
    pub fn show(&mut self, ctx: &eframe::egui::Context) -> Option<(Purpose, PathBuf)> {
        let (dialog, _) = self.open.as_mut()?;
        if std::mem::take(&mut self.fresh) {
            ctx.request_repaint();
            return None;
        }
        dialog.update(ctx);
        match dialog.state().clone() {
            egui_file_dialog::DialogState::Open => None,
            egui_file_dialog::DialogState::Picked(path) => {
                let (_, purpose) = self.open.take()?;
                Some((purpose, path))
            }
            _ => {
                self.open = None;
                None
            }
        }
    }
}

/// Adds `dir` at the front of the recent folders.
pub fn remember_dir(recent_dirs: &mut Vec<PathBuf>, path: &Path) {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return;
    };
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    recent_dirs.retain(|d| d != &dir);
    recent_dirs.insert(0, dir);
    recent_dirs.truncate(8);
}

fn labels(lang: Lang) -> FileDialogLabels {
    if lang == Lang::En {
        return FileDialogLabels::default();
    }
    let s = str::to_string;
    FileDialogLabels {
        title_select_directory: s("📁 Choisir un dossier"),
        title_select_file: s("📂 Ouvrir"),
        title_select_multiple: s("🗐 Choisir"),
        title_save_file: s("📥 Enregistrer"),
        cancel: s("Annuler"),
        overwrite: s("Remplacer"),
        reload: s("⟲  Actualiser"),
        working_directory: s("↗  Dossier de travail"),
        select_all: s("🗐  Tout sélectionner"),
        show_hidden: s(" Fichiers cachés"),
        show_system_files: s(" Fichiers système"),
        heading_pinned: s("Épinglés"),
        heading_places: s("Emplacements"),
        heading_devices: s("Disques"),
        heading_removable_devices: s("Disques amovibles"),
        home_dir: s("🏠  Dossier personnel"),
        desktop_dir: s("🖵  Bureau"),
        documents_dir: s("🗐  Documents"),
        downloads_dir: s("📥  Téléchargements"),
        audio_dir: s("🎵  Musique"),
        pictures_dir: s("🖼  Images"),
        videos_dir: s("🎞  Vidéos"),
        pin_folder: s("📌 Épingler"),
        unpin_folder: s("✖ Désépingler"),
        rename_pinned_folder: s("✏ Renommer"),
        selected_directory: s("Dossier choisi :"),
        selected_file: s("Fichier choisi :"),
        selected_items: s("Éléments choisis :"),
        file_name: s("Nom du fichier :"),
        file_filter_all_files: s("Tous les fichiers"),
        save_extension_any: s("Toute extension"),
        open_button: s("🗀  Ouvrir"),
        save_button: s("📥  Enregistrer"),
        cancel_button: s("🚫 Annuler"),
        overwrite_file_modal_text: s("existe déjà. Le remplacer ?"),
        err_empty_folder_name: s("Le nom du dossier ne peut pas être vide"),
        err_empty_file_name: s("Le nom du fichier ne peut pas être vide"),
        err_directory_exists: s("Un dossier porte déjà ce nom"),
        err_file_exists: s("Un fichier porte déjà ce nom"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_uses_the_built_in_dialog_on_a_bare_linux_only() {
        let bare = Platform {
            linux: true,
            session_bus: false,
            zenity: false,
        };
        assert!(!bare.use_native(ChooserKind::Auto));
        assert!(bare.use_native(ChooserKind::Native));
        let with_zenity = Platform {
            zenity: true,
            ..bare
        };
        assert!(with_zenity.use_native(ChooserKind::Auto));
        assert!(!with_zenity.use_native(ChooserKind::BuiltIn));
        let other = Platform {
            linux: false,
            session_bus: false,
            zenity: false,
        };
        assert!(other.use_native(ChooserKind::Auto));
    }

    #[test]
    fn recent_folders_are_unique_newest_first_and_bounded() {
        let mut dirs = Vec::new();
        for i in 0..10 {
            remember_dir(&mut dirs, &PathBuf::from(format!("/nowhere/{i}/f.ron")));
        }
        remember_dir(&mut dirs, Path::new("/nowhere/3/g.ron"));
        assert_eq!(dirs.len(), 8);
        assert_eq!(dirs[0], PathBuf::from("/nowhere/3"));
        assert_eq!(dirs.iter().filter(|d| d.ends_with("3")).count(), 1);
        remember_dir(&mut dirs, Path::new("bare-name.ron"));
        assert_eq!(
            dirs[0],
            PathBuf::from("/nowhere/3"),
            "no folder to remember"
        );
    }
}
