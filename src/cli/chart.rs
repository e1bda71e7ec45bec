//! How a chart is drawn and written, from the command line: the options of `export`, which
//! `diff -o` takes too for its comparison chart.

use super::today;
use crate::export::pdf::Pages;
use crate::export::png::Paper;
use crate::export::request::{ExportRequest, Format, PngSize};
use crate::format;
use crate::i18n::{Lang, say, shown};
use crate::layout::Orientation;
use crate::model::{Id, Organisation};
use crate::scene::{ChartOptions, Logo, MissionsMode, RelationsMode};
use clap::ValueEnum;
use std::path::Path;
use std::sync::Arc;

/// How a chart is drawn and written: the options of `export`, which `diff -o` takes too.
#[derive(clap::Args, Debug)]
pub struct ChartArgs {
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
    /// PDF sur plusieurs feuilles (du format --paper, A4 paysage par défaut) : « auto » autant
    /// qu'il en faut pour que les noms s'impriment lisiblement, ou un nombre maximal de pages.
    /// Chaque unité est sur une seule page ; chaque page porte son numéro, un plan du schéma
    /// entier et « suite page N » où une ligne la quitte.
    #[arg(long, value_name = "auto|N", value_parser = parse_pages)]
    pub pages: Option<Pages>,
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

/// `--pages`: « auto » or a number of pages, at least one.
fn parse_pages(value: &str) -> Result<Pages, String> {
    if value.eq_ignore_ascii_case("auto") {
        return Ok(Pages::Auto);
    }
    match value.parse::<u32>() {
        Ok(n) if n >= 1 => Ok(Pages::Count(n)),
        _ => Err(format!(
            "« {value} » : « auto » ou un nombre de pages (1 ou plus) / \"auto\" or a number of pages (1 or more)"
        )),
    }
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

/// The chart `args` ask for, of `org` read from `file` (named in messages), its labels in
/// `lang`. A logo that cannot be read is said on stderr, and the chart drawn without it.
pub fn chart_options(
    org: &Organisation,
    args: &ChartArgs,
    file: &Path,
    lang: Lang,
) -> Result<ChartOptions, String> {
    if let Some(root) = &args.root
        && org.unit(&Id::new(root.as_str())).is_none()
    {
        let file = file.display().to_string();
        return Err(say!(
            lang,
            "{}: --root « {} » : aucune unité n'a cet id",
            "{}: --root “{}”: no unit has this id",
            shown(&file),
            shown(root)
        ));
    }
    Ok(ChartOptions {
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
        logo: logo_of(org, file, lang),
        ..Default::default()
    })
}

/// The logo `org`, read from `file`, names; one that cannot be read is said on stderr.
pub fn logo_of(org: &Organisation, file: &Path, lang: Lang) -> Option<Arc<Logo>> {
    match crate::export::logo::for_structure(&org.logo, Some(file))? {
        Ok(logo) => Some(logo),
        Err(why) => {
            let file = file.display().to_string();
            let label = lang.pick("avertissement : ", "warning: ");
            eprintln!("{}: {label}{}", shown(&file), why.get(lang));
            None
        }
    }
}

/// Renders `org` as `options` say to `output`, an SVG or PNG sized as `args` say; messages
/// in `lang`.
pub fn write_chart(
    org: &Organisation,
    options: ChartOptions,
    format: Format,
    args: &ChartArgs,
    output: &Path,
    lang: Lang,
) -> Result<(), String> {
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
        pages: args.pages.unwrap_or_default(),
    };
    if args.pages.is_some() && format != Format::Pdf {
        return Err(say!(
            lang,
            "--pages : pour un PDF seulement",
            "--pages: for a PDF only"
        ));
    }
    let shown_output = output.display().to_string();
    let shown_output = shown(&shown_output);
    let rendered = request
        .render(org)
        .map_err(|e| format!("{shown_output}: {}", e.text(lang)))?;
    if let Some(pt) = rendered.small_print {
        let mut warning = crate::export::png::small_print_warning(pt, request.chart.lang);
        if format == Format::Pdf && request.pages != Pages::Auto {
            warning += request.chart.lang.pick(
                " ; ou --pages auto, sur plusieurs feuilles",
                "; or --pages auto, over several sheets",
            );
        }
        eprintln!("{shown_output}: {warning}");
    }
    format::write_export_with(output, |w| rendered.write_to(w)).map_err(|e| e.text(lang))
}
