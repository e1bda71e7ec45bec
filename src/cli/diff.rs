//! `organigramme diff OLD.ron NEW.ron`: what changed from one version of a structure to
//! another, as `diff` answers: exit 0 when they are the same structure, 1 when they differ,
//! 2 when either cannot be read.

use super::chart::{ChartArgs, chart_options, write_chart};
use crate::diff::{self, Options, render};
use crate::export::request::Format;
use crate::format;
use crate::i18n::{Lang, say, shown};
use crate::model::{Field, List, Organisation, Place};
use clap::ValueEnum;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// La version de référence.
    pub old: PathBuf,
    /// La version comparée.
    pub new: PathBuf,
    /// Forme du rapport : texte, Markdown, tableau CSV ou JSON.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Ne rapproche les unités que par leur id (sans deviner, d'après le nom, le sigle et le
    /// rattachement, quelle unité est devenue quelle autre).
    #[arg(long)]
    pub no_guess: bool,
    /// Écrit aussi le schéma comparé (.svg ou .png) : la nouvelle structure, les unités
    /// créées, déplacées et modifiées en couleur, les supprimées en pointillés ; avec les
    /// options d'`export`. Avec --correspondence, le tableau (.csv, .md, .json ou .txt).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Produit le tableau de correspondance plutôt que le rapport : pour chaque ancienne
    /// unité, ce qu'elle devient (maintenue, renommée, rattachée, fusionnée, scindée,
    /// supprimée), puis les unités créées.
    #[arg(long)]
    pub correspondence: bool,
    #[command(flatten)]
    pub chart: ChartArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum FormatArg {
    Text,
    Md,
    Csv,
    Json,
}

impl From<FormatArg> for render::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => render::Format::Text,
            FormatArg::Md => render::Format::Markdown,
            FormatArg::Csv => render::Format::Csv,
            FormatArg::Json => render::Format::Json,
        }
    }
}

pub fn run(args: &DiffArgs, lang: Lang) -> ExitCode {
    let (old, new) = match (format::load_path(&args.old), format::load_path(&args.new)) {
        (Ok(old), Ok(new)) => (old.organisation, new.organisation),
        (old, new) => {
            for e in [old.err(), new.err()].into_iter().flatten() {
                eprintln!("{}", e.text(lang));
            }
            return ExitCode::from(2);
        }
    };
    let options = Options {
        guess: !args.no_guess,
    };
    let changes = diff::diff(&old, &new, options);
    if args.correspondence {
        return match correspondence(&old, &new, options, args, lang) {
            Ok(()) => ExitCode::from(u8::from(!changes.is_empty())),
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(2)
            }
        };
    }
    if let Some(output) = &args.output
        && let Err(e) = chart(&old, &new, options, args, output, lang)
    {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    let (a, b) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    let report = render::render(&changes, args.format.into(), lang, &a, &b);
    if let Err(e) = std::io::stdout().lock().write_all(report.as_bytes()) {
        // A reader that stopped early (`| head`) has what it wanted.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("organigramme diff : {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::from(u8::from(!changes.is_empty()))
}

/// Writes the comparison chart: the new structure with its removed units as ghosts, each
/// unit coloured by what became of it.
fn chart(
    old: &Organisation,
    new: &Organisation,
    options: Options,
    args: &DiffArgs,
    output: &Path,
    lang: Lang,
) -> Result<(), String> {
    let Some(format) = Format::from_path(output) else {
        let output = output.display().to_string();
        return Err(say!(
            lang,
            "{}: extension inconnue (attendu : .svg ou .png)",
            "{}: unknown extension (expected: .svg or .png)",
            shown(&output)
        ));
    };
    let compared = diff::chart::comparison(old, new, options);
    let mut chart = chart_options(&compared.org, &args.chart, &args.new, lang)?;
    chart.changes = Some(compared.marks.into());
    write_chart(&compared.org, chart, format, &args.chart, output, lang)
}

/// Writes the tableau de correspondance to `-o` (its form from the extension, else
/// `--format`) or to the standard output, and warns of `replaces` ids no old unit has, at
/// their line in the new file.
fn correspondence(
    old: &Organisation,
    new: &Organisation,
    options: Options,
    args: &DiffArgs,
    lang: Lang,
) -> Result<(), String> {
    let table = diff::correspondence(old, new, options);
    if !table.unknown.is_empty() {
        let text = std::fs::read_to_string(&args.new).unwrap_or_default();
        let file = args.new.display().to_string();
        for u in &table.unknown {
            let place = Place {
                list: List::Units,
                index: u.unit,
                field: Field::Replaced(u.rank),
            };
            let at = format::locate(&text, &place)
                .map_or_else(String::new, |(line, column)| format!(":{line}:{column}"));
            let (unit, id) = (shown(new.units[u.unit].id.as_str()), shown(u.id.as_str()));
            eprintln!(
                "{}{at}: {}",
                shown(&file),
                say!(
                    lang,
                    "avertissement : l'unité « {unit} » remplace « {id} », qui n'est pas une unité de {}",
                    "warning: unit “{unit}” replaces “{id}”, which is not a unit of {}",
                    shown(&args.old.display().to_string())
                )
            );
        }
    }
    let extension = args.output.as_ref().and_then(|o| o.extension());
    let format = match extension
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    {
        Some(e) if e == "csv" => render::Format::Csv,
        Some(e) if e == "md" => render::Format::Markdown,
        Some(e) if e == "json" => render::Format::Json,
        Some(e) if e == "txt" => render::Format::Text,
        _ => args.format.into(),
    };
    let (a, b) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    let text = render::table::render(&table, format, lang, &a, &b);
    match &args.output {
        Some(path) => format::write_export(path, text.as_bytes()).map_err(|e| e.text(lang)),
        None => match std::io::stdout().lock().write_all(text.as_bytes()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(format!("organigramme diff : {e}"))
            }
            _ => Ok(()),
        },
    }
}
