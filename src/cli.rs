//! The command line: headless verbs that never start a window.

/// `println!` that a closed pipe (`organigramme check … | head -1`) does not turn into a
/// panic: the reader has what it wanted.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod chart;
mod diff;
mod legal;
mod merge;
mod present;

pub use chart::{ChartArgs, LangArg, MissionsArg, OrientationArg, PaperArg, RelationsArg};
pub use diff::DiffArgs;
pub use legal::{DraftArgs, FormArg, ReadArgs};
pub use merge::MergeArgs;
pub use present::PresentArgs;

use crate::export::dot::DotOptions;
use crate::export::request::Format;
use crate::format;
use crate::i18n::{Lang, say, shown};
use crate::layout::Orientation;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "organigramme",
    version,
    about = "Organigrammes des administrations : éditeur (sans argument) et commandes sans fenêtre",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Fichier .ron à ouvrir dans la fenêtre (par défaut : l'exemple SGMAS intégré).
    pub file: Option<PathBuf>,
    /// Affiche la première image stable de la fenêtre dans ce PNG, puis quitte.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// Langue des messages, des libellés du schéma exporté et de la fenêtre : fr (par défaut)
    /// ou en ; après la commande (`organigramme check --lang en F.ron`). Sans elle, la
    /// fenêtre garde la langue choisie dans ses menus.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
}

impl Cli {
    /// The language asked for, French when none was.
    pub fn lang(&self) -> Lang {
        match self.lang {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Fr) | None => Lang::Fr,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Vérifie des fichiers .ron : résumé d'une ligne par fichier, erreurs avec ligne et colonne.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Exporte un organigramme en SVG, PNG, PDF, DOT pour Graphviz, ou en tableau CSV ou XLSX
    /// (format déduit de l'extension de OUT).
    Export(ExportArgs),
    /// Produit une structure fictive mais réaliste de N unités, pour essayer l'éditeur sur un
    /// grand organigramme.
    Generate(GenerateArgs),
    /// Importe un tableau d'unités (.csv, .xlsx, .ods) : colonnes reconnues à leurs en-têtes
    /// (« Code », « Code parent », « Libellé », « Sigle », « Type », « Responsable »,
    /// « Fonction », « Effectif », « Missions »), erreurs à leur ligne et colonne.
    Import(ImportArgs),
    /// Réécrit des fichiers .ron valides sous leur forme canonique (comme les enregistre l'éditeur).
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compare deux versions d'une structure : unités créées, supprimées, déplacées,
    /// renommées, missions, instances, relations, entités, textes. Code de sortie 0 si elles
    /// sont identiques, 1 si elles diffèrent, 2 en cas d'erreur.
    Diff(DiffArgs),
    /// Rédige le projet de décret ou d'arrêté d'organisation d'une structure : visas, article
    /// 1er (« comprend : »), un article par unité avec ses missions, instances (.docx, .odt,
    /// .md ou .txt).
    Texte(DraftArgs),
    /// Lit un article de décret ou d'arrêté (« Le secrétariat général comprend : – … ») et en
    /// tire les unités, leurs rattachements et leurs missions, chacune citant --source.
    ImportTexte(ReadArgs),
    /// Écrit chaque étape d'une présentation en PNG (etape-01.png, …), telle que la montre le
    /// mode présentation : le script du fichier, ou niveau par niveau.
    Present(PresentArgs),
    /// Fusionne deux versions issues d'une même base, unité par unité et champ par champ ;
    /// pilote de fusion pour git (`organigramme merge %O %A %B -o %A`). Code de sortie 0
    /// sans conflit, 1 avec des conflits (listés ; notre version gardée pour chacun), 2 en
    /// cas d'erreur.
    Merge(MergeArgs),
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    pub file: PathBuf,
    /// Fichier de sortie : .svg, .png, .pdf, .dot, ou un tableau .csv (les unités) ou .xlsx
    /// (une feuille par collection).
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    #[command(flatten)]
    pub chart: ChartArgs,
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// Tableau à importer : .csv (séparé par « ; » ou « , », UTF-8 ou Windows-1252), .xlsx
    /// ou .ods.
    pub file: PathBuf,
    /// Fichier .ron à écrire.
    #[arg(short, long, value_name = "OUT.ron")]
    pub output: PathBuf,
    /// Feuille du classeur à lire (par défaut : la première).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Importe les lignes qui peuvent être placées malgré les erreurs : un code parent
    /// introuvable ou un cycle place l'unité en tête, un code en double laisse sa ligne de
    /// côté, un effectif illisible reste vide ; chaque erreur est signalée.
    #[arg(long)]
    pub keep_going: bool,
    /// Met à jour cette structure plutôt que d'en créer une : les unités dont le code est
    /// l'id prennent les valeurs des colonnes du tableau et gardent le reste (missions sans
    /// colonne « Missions », notes, positions, instances, relations) ; les nouveaux codes
    /// deviennent des unités. Les changements sont affichés comme par `diff`.
    #[arg(long, value_name = "EXISTING.ron")]
    pub update: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct GenerateArgs {
    /// Nombre d'unités.
    #[arg(long, value_name = "N")]
    pub units: usize,
    /// Graine : la même graine donne la même structure.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Fichier .ron à écrire.
    #[arg(short, long, value_name = "OUT.ron")]
    pub output: PathBuf,
}

/// Runs a headless verb, speaking `lang`, and returns the process exit code.
pub fn run(command: Command, lang: Lang) -> ExitCode {
    match command {
        Command::Check { files } => check(&files, lang),
        Command::Fmt { files } => fmt(&files, lang),
        Command::Export(args) => report(export(&args, lang)),
        Command::Generate(args) => report(generate(&args, lang)),
        Command::Diff(args) => diff::run(&args, lang),
        Command::Merge(args) => merge::run(&args, lang),
        Command::Import(args) => report(import(&args, lang)),
        Command::Texte(args) => report(legal::draft(&args, lang)),
        Command::ImportTexte(args) => report(legal::read(&args, lang)),
        Command::Present(args) => report(present::run(&args, lang)),
    }
}

fn report(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn generate(args: &GenerateArgs, lang: Lang) -> Result<(), String> {
    if args.units > format::MAX_UNITS {
        return Err(say!(
            lang,
            "--units {} : au plus {} unités (la limite des fichiers)",
            "--units {}: at most {} units (the limit of files)",
            args.units,
            format::MAX_UNITS
        ));
    }
    let org = crate::generate::generate(args.units, args.seed);
    let text = format::to_string(&org);
    // A structure `check` and the window would refuse is not written.
    if text.len() as u64 > format::MAX_FILE_BYTES {
        return Err(say!(
            lang,
            "--units {} : le fichier ferait {} Mo, au-delà des {} Mo qu'Organigramme ouvre ; \
             essayez moins d'unités",
            "--units {}: the file would take {} MB, beyond the {} MB Organigramme opens; try \
             fewer units",
            args.units,
            text.len() / (1024 * 1024),
            format::MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    format::atomic_write(&args.output, text.as_bytes()).map_err(|e| e.text(lang))
}

fn import(args: &ImportArgs, lang: Lang) -> Result<(), String> {
    let file = args.file.display().to_string();
    let file = shown(&file);
    let is_csv = crate::import::is_csv(&args.file);
    if let (Some(_), true) = (&args.sheet, is_csv) {
        return Err(say!(
            lang,
            "{file} : --sheet ne vaut que pour un classeur (.xlsx, .ods)",
            "{file}: --sheet is for workbooks only (.xlsx, .ods)"
        ));
    }
    let table = crate::import::read_path(&args.file, args.sheet.as_deref())
        .map_err(|e| e.get(lang).to_string())?;
    let columns = crate::import::guess_columns(&table.headers);
    let stem = args.file.file_stem().unwrap_or_default().to_string_lossy();
    // The structure an extract updates, read first: its rows may name its units as parents.
    let existing = match &args.update {
        Some(path) => Some(format::load_path(path).map_err(|e| e.text(lang))?),
        None => None,
    };
    let imported = match &existing {
        Some(old) => crate::import::build_over(&table, &columns, &old.organisation),
        None => crate::import::build(&table, &columns, &stem),
    }
    .map_err(|e| format!("{file}{}{}", lang.pick(" : ", ": "), e.get(lang)))?;
    let problems = &imported.problems;
    let (kept, label) = match args.keep_going {
        true => (true, lang.pick("avertissement : ", "warning: ")),
        false => (problems.is_empty(), ""),
    };
    for p in problems {
        eprintln!("{label}{file}, {}", p.text(lang));
    }
    if !kept {
        let count = lang.count(problems.len(), ("erreur", "erreurs"), ("error", "errors"));
        return Err(say!(
            lang,
            "{file} : {count}, rien n'a été écrit ; corrigez le tableau, ou importez les lignes qui peuvent être placées avec --keep-going",
            "{file}: {count}, nothing was written; fix the table, or import the rows that can be placed with --keep-going"
        ));
    }
    let output = args.output.display().to_string();
    let (Some(existing), Some(old)) = (&args.update, existing) else {
        let text = format::to_string(&imported.organisation);
        format::atomic_write(&args.output, text.as_bytes()).map_err(|e| e.text(lang))?;
        let units = imported.organisation.units.len();
        let units = lang.count(
            units,
            ("unité importée", "unités importées"),
            ("unit imported", "units imported"),
        );
        out!("{}{}{units}", shown(&output), lang.pick(" : ", ": "));
        return Ok(());
    };
    let new = crate::import::update(&old.organisation, &imported.organisation, &columns)
        .map_err(|e| format!("{file}{}{}", lang.pick(" : ", ": "), e.get(lang)))?;
    let changes = crate::diff::diff(&old.organisation, &new, Default::default());
    let existing = existing.display().to_string();
    let format = crate::diff::render::Format::Text;
    let report = crate::diff::render::render(&changes, format, lang, &existing, &output);
    out!("{}", report.trim_end());
    let text = format::to_string(&new);
    format::atomic_write(&args.output, text.as_bytes()).map_err(|e| e.text(lang))
}

fn check(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut failed = false;
    for path in files {
        match format::load_path(path) {
            Ok(mut loaded) => {
                let logo =
                    crate::export::logo::for_structure(&loaded.organisation.logo, Some(path));
                if let Some(Err(why)) = logo {
                    loaded
                        .warnings
                        .push(crate::model::Issue::warning(None, why));
                }
                let s = &loaded.stats;
                let path = path.display().to_string();
                let count = |n: usize, fr, en| lang.count(n, fr, en);
                out!(
                    "{}: {}, {}, {}, {} {}, {} {}, {}",
                    shown(&path),
                    count(s.units, ("unité", "unités"), ("unit", "units")),
                    count(s.bodies, ("instance", "instances"), ("body", "bodies")),
                    count(
                        s.relations,
                        ("relation", "relations"),
                        ("relation", "relations")
                    ),
                    lang.pick("profondeur", "depth"),
                    s.depth,
                    lang.pick("effectif", "headcount"),
                    s.headcount,
                    count(
                        loaded.warnings.len(),
                        ("avertissement", "avertissements"),
                        ("warning", "warnings")
                    )
                );
                // Read again only to say where: most files have no warning.
                let text = match loaded.warnings.iter().any(|w| w.place.is_some()) {
                    true => std::fs::read_to_string(path).unwrap_or_default(),
                    false => String::new(),
                };
                for w in &loaded.warnings {
                    let line = w.place.and_then(|p| format::locate(&text, &p));
                    let label = match line {
                        Some((l, _)) => {
                            say!(lang, "avertissement, ligne {l} :", "warning, line {l}:")
                        }
                        None => lang.pick("avertissement :", "warning:").to_string(),
                    };
                    out!("  {label} {}", w.message.get(lang));
                }
            }
            Err(e) => {
                failed = true;
                eprintln!("{}", e.text(lang));
            }
        }
    }
    ExitCode::from(u8::from(failed))
}

fn fmt(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut failed = false;
    for path in files {
        let result = format::load_path(path)
            .map_err(|e| e.text(lang))
            .and_then(|loaded| {
                let text = format::to_string(&loaded.organisation);
                format::atomic_write(path, text.as_bytes()).map_err(|e| e.text(lang))?;
                if loaded.comments {
                    let (path, backup) = (
                        path.display().to_string(),
                        format::backup_path(path).display().to_string(),
                    );
                    eprintln!(
                        "{}",
                        say!(
                            lang,
                            "{} : les commentaires ne sont pas conservés par la forme canonique ; \
                             l'ancienne version est dans {}",
                            "{}: comments are not kept by the canonical form; the previous \
                             version is in {}",
                            shown(&path),
                            shown(&backup)
                        )
                    );
                }
                Ok(())
            });
        if let Err(e) = result {
            failed = true;
            eprintln!("{e}");
        }
    }
    ExitCode::from(u8::from(failed))
}

/// Today's date as prose in `lang`, for the chart's footer.
pub fn today(lang: Lang) -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    const FR: &str =
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre";
    const EN: &str =
        "January February March April May June July August September October November December";
    let names = lang.pick(FR, EN);
    let name = names.split(' ').nth(month as usize - 1);
    format!("{day} {} {year}", name.unwrap_or_default())
}

fn export(args: &ExportArgs, lang: Lang) -> Result<(), String> {
    // The process ends right after an export: freeing the structure and its chart string by
    // string would only delay the exit (~8 ms at 10,000 units).
    let loaded =
        std::mem::ManuallyDrop::new(format::load_path(&args.file).map_err(|e| e.text(lang))?);
    let org = &loaded.organisation;
    let options = chart::chart_options(org, &args.chart, &args.file, lang)?;
    let extension = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    // DOT needs no scene: Graphviz lays the chart out itself.
    if extension.as_deref() == Some("dot") {
        let dot_options = DotOptions {
            root: options.root.clone(),
            depth: options.depth,
            left_right: options.orientation == Orientation::LeftRight,
        };
        let bytes = crate::export::dot::write(org, &dot_options).into_bytes();
        return format::write_export(&args.output, &bytes).map_err(|e| e.text(lang));
    }
    // Tables are the structure's fields, not its picture: no scene either.
    let table = match extension.as_deref() {
        Some("csv") => Some(Ok(crate::export::table::csv(org, lang))),
        Some("xlsx") => Some(crate::export::xlsx::write(org, lang)),
        _ => None,
    };
    if let Some(bytes) = table {
        let output = args.output.display().to_string();
        let bytes = bytes.map_err(|e| format!("{}: {e}", shown(&output)))?;
        return format::write_export(&args.output, &bytes).map_err(|e| e.text(lang));
    }
    let Some(format) = Format::from_path(&args.output) else {
        let output = args.output.display().to_string();
        return Err(say!(
            lang,
            "{}: extension inconnue (attendu : .svg, .png, .pdf, .dot, .csv ou .xlsx)",
            "{}: unknown extension (expected: .svg, .png, .pdf, .dot, .csv or .xlsx)",
            shown(&output)
        ));
    };
    chart::write_chart(org, options, format, &args.chart, &args.output, lang)
}
