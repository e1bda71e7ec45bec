//! `organigramme diff OLD.ron NEW.ron`: what changed from one version of a structure to
//! another, as `diff` answers: exit 0 when they are the same structure, 1 when they differ,
//! 2 when either cannot be read.

use super::chart::{ChartArgs, chart_options, write_chart};
use crate::diff::{self, Options, render};
use crate::export::request::Format;
use crate::format;
use crate::i18n::{Lang, say, shown};
use crate::model::Organisation;
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
    /// options d'`export`.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
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
    if let Some(output) = &args.output
        && let Err(e) = chart(&old, &new, options, args, output, lang)
    {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    let format = match args.format {
        FormatArg::Text => render::Format::Text,
        FormatArg::Md => render::Format::Markdown,
        FormatArg::Csv => render::Format::Csv,
        FormatArg::Json => render::Format::Json,
    };
    let (a, b) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    let report = render::render(&changes, format, lang, &a, &b);
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
