//! The command line: headless verbs that never start a window.

use crate::export::dot::DotOptions;
use crate::export::png::Paper;
use crate::export::request::{ExportRequest, Format, PngSize};
use crate::format;
use crate::i18n::{Lang, say, shown};
use crate::layout::Orientation;
use crate::model::Id;
use crate::scene::{ChartOptions, MissionsMode, RelationsMode};
use clap::{Parser, Subcommand, ValueEnum};
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
    /// Réécrit des fichiers .ron valides sous leur forme canonique (comme les enregistre l'éditeur).
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    pub file: PathBuf,
    /// Fichier de sortie : .svg, .png, .pdf, .dot, ou un tableau .csv (les unités) ou .xlsx
    /// (une feuille par collection).
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Résolution du PNG, en points par pouce (avec --paper : 150 par défaut, l'image a la
    /// taille de la feuille ; sans : l'échelle est dpi / 96).
    #[arg(long)]
    pub dpi: Option<f32>,
    /// Format de papier du PNG ou du PDF : l'image ou la page est la feuille entière, le
    /// schéma centré dans des marges de 10 mm (sans : le PDF a la taille du schéma).
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
    /// Facteur d'échelle du PNG (1 : un pixel par unité du schéma ; par défaut 2, net dans une
    /// présentation).
    #[arg(long, conflicts_with = "paper")]
    pub scale: Option<f32>,
    /// N'exporte que cette unité et ses descendantes (id de l'unité).
    #[arg(long, value_name = "UNIT_ID")]
    pub root: Option<String>,
    /// N'exporte que ce nombre de niveaux (1 : la racine seule).
    #[arg(long)]
    pub depth: Option<usize>,
    #[arg(long, value_enum, default_value_t = OrientationArg::TopDown)]
    pub orientation: OrientationArg,
    /// Missions dans les cadres : aucune, première phrase, texte complet (par défaut : first
    /// jusqu'à 60 unités, none au-delà).
    #[arg(long, value_enum)]
    pub missions: Option<MissionsArg>,
    /// Relations : en lignes entre les cadres, en liste dans chaque cadre, ou aucune
    #[arg(long, value_enum, default_value_t = RelationsArg::Lines)]
    pub relations: RelationsArg,
    /// Une seule rangée par niveau, sans empilement compact.
    #[arg(long)]
    pub no_compact: bool,
    /// Fond transparent (PNG, SVG et PDF).
    #[arg(long)]
    pub transparent: bool,
    /// Sans la date d'export en pied de page.
    #[arg(long)]
    pub no_date: bool,
    /// SVG sans les polices intégrées (sous-ensembles de Liberation Sans et des polices de
    /// secours) : plus léger, mais le texte peut déborder des cadres là où elles manquent.
    #[arg(long)]
    pub no_embed_font: bool,
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

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum PaperArg {
    A4,
    A4Landscape,
    A3,
    A3Landscape,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum OrientationArg {
    TopDown,
    LeftRight,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum RelationsArg {
    Lines,
    List,
    None,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum MissionsArg {
    None,
    First,
    Full,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum LangArg {
    Fr,
    En,
}

/// Runs a headless verb, speaking `lang`, and returns the process exit code.
pub fn run(command: Command, lang: Lang) -> ExitCode {
    match command {
        Command::Check { files } => check(&files, lang),
        Command::Fmt { files } => fmt(&files, lang),
        Command::Export(args) => report(export(&args, lang)),
        Command::Generate(args) => report(generate(&args, lang)),
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

fn check(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut failed = false;
    for path in files {
        match format::load_path(path) {
            Ok(loaded) => {
                let s = &loaded.stats;
                let path = path.display().to_string();
                let count = |n: usize, fr, en| lang.count(n, fr, en);
                println!(
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
                for w in &loaded.warnings {
                    println!(
                        "  {} {}",
                        lang.pick("avertissement :", "warning:"),
                        w.message.get(lang)
                    );
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
    if let Some(root) = &args.root
        && org.unit(&Id::new(root.as_str())).is_none()
    {
        let file = args.file.display().to_string();
        return Err(say!(
            lang,
            "{}: --root « {} » : aucune unité n'a cet id",
            "{}: --root “{}”: no unit has this id",
            shown(&file),
            shown(root)
        ));
    }
    let options = ChartOptions {
        orientation: match args.orientation {
            OrientationArg::TopDown => Orientation::TopDown,
            OrientationArg::LeftRight => Orientation::LeftRight,
        },
        compact: !args.no_compact,
        missions: match args.missions {
            Some(MissionsArg::None) => MissionsMode::None,
            Some(MissionsArg::First) => MissionsMode::First,
            Some(MissionsArg::Full) => MissionsMode::Full,
            None => MissionsMode::default_for(org.units.len()),
        },
        relations: match args.relations {
            RelationsArg::Lines => RelationsMode::Lines,
            RelationsArg::List => RelationsMode::List,
            RelationsArg::None => RelationsMode::None,
        },
        root: args.root.as_deref().map(Id::new),
        depth: args.depth,
        lang,
        date: if args.no_date {
            String::new()
        } else {
            today(lang)
        },
        ..Default::default()
    };
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
    let request = ExportRequest {
        format,
        chart: options,
        png: PngSize {
            paper: args.paper.map(|p| match p {
                PaperArg::A4 => (Paper::A4, false),
                PaperArg::A4Landscape => (Paper::A4, true),
                PaperArg::A3 => (Paper::A3, false),
                PaperArg::A3Landscape => (Paper::A3, true),
            }),
            scale: args.scale,
            dpi: args.dpi,
        },
        transparent: args.transparent,
        embed_fonts: !args.no_embed_font,
    };
    let output = args.output.display().to_string();
    let output = shown(&output);
    let rendered = request.render(org).map_err(|e| format!("{output}: {e}"))?;
    if let Some(pt) = rendered.small_print {
        let warning = crate::export::png::small_print_warning(pt, request.chart.lang);
        eprintln!("{output}: {warning}");
    }
    let bytes = rendered.bytes;
    format::write_export(&args.output, &bytes).map_err(|e| e.text(lang))
}
