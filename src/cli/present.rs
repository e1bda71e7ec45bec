//! `organigramme present FILE -o DIR`: the handouts of a presentation, one PNG per step as the
//! presentation mode shows it (a step shown in several frames, one PNG per frame); with
//! `-o FILE.pdf`, one PDF with a page per frame.

use super::PaperArg;
use crate::export::pdf::{self, Pages, PdfOptions};
use crate::export::png::Paper;
use crate::format;
use crate::i18n::{Lang, say, shown};
use crate::model::Hierarchy;
use crate::present::{Order, Screen, View, handout, plan};
use crate::scene::Logo;
use clap::ValueEnum;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(clap::Args, Debug)]
pub struct PresentArgs {
    pub file: PathBuf,
    /// Dossier où écrire les images (créé s'il n'existe pas), ou fichier .pdf d'une page par
    /// étape.
    #[arg(short, long, value_name = "DIR|FILE.pdf")]
    pub output: PathBuf,
    /// Une feuille de papier à 150 dpi au lieu de l'écran du projecteur.
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
    /// Taille de l'écran en pixels (par défaut : 1920x1080).
    #[arg(long, value_name = "LxH", conflicts_with = "paper")]
    pub size: Option<String>,
    /// L'ordre des étapes : celui du script du fichier (par défaut ; niveau par niveau sans
    /// script), niveau par niveau, ou branche par branche.
    #[arg(long, value_enum, default_value_t = OrderArg::Script)]
    pub order: OrderArg,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum OrderArg {
    Script,
    Levels,
    Branches,
}

/// The resolution of a handout on paper.
const PAPER_DPI: f32 = 150.0;

pub fn run(args: &PresentArgs, lang: Lang) -> Result<(), String> {
    let (screen, dpi) = screen(args, lang)?;
    let loaded = format::load_path(&args.file).map_err(|e| e.text(lang))?;
    let org = &loaded.organisation;
    let tree = Hierarchy::of(org);
    let order = match args.order {
        OrderArg::Script => Order::Script,
        OrderArg::Levels => Order::Levels,
        OrderArg::Branches => Order::Branches,
    };
    let dir = args.output.display().to_string();
    let steps = plan(org, &tree, order, screen, lang);
    let logo = super::chart::logo_of(org, &args.file, lang);
    let pdf = (args.output.extension()).is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if pdf {
        return handout_pdf(args, (org, &tree, logo.as_ref()), steps, screen, lang);
    }
    std::fs::create_dir_all(&args.output)
        .map_err(|e| format!("{}{}{e}", shown(&dir), lang.pick(" : ", ": ")))?;
    let width = steps.len().to_string().len().max(2);
    let mut cache = crate::scene::Cache::default();
    let mut written = 0;
    for (i, step) in steps.into_iter().enumerate() {
        let view = View::new(org, &tree, step, screen, lang, &mut cache);
        let several = view.frames.len() > 1;
        for (k, frame) in view.frames.iter().enumerate() {
            let bytes = handout::render(&view, frame, screen, dpi, logo.as_ref())
                .map_err(|e| e.text(lang))?;
            // etape-02.png, or etape-02a.png, etape-02b.png… for a step in several frames.
            let part = if several {
                char::from(b'a' + (k % 26) as u8).to_string()
            } else {
                String::new()
            };
            let name = format!("etape-{:0width$}{part}.png", i + 1);
            format::write_export(&args.output.join(name), &bytes).map_err(|e| e.text(lang))?;
            written += 1;
        }
    }
    let images = lang.count(written, ("image", "images"), ("image", "images"));
    out!(
        "{}",
        say!(
            lang,
            "{images} écrites dans {}",
            "{images} written in {}",
            shown(&dir)
        )
    );
    Ok(())
}

/// Every frame of every step, a page each, in one PDF: on the paper asked for, else at the
/// screen's size.
fn handout_pdf(
    args: &PresentArgs,
    (org, tree, logo): (&crate::model::Organisation, &Hierarchy, Option<&Arc<Logo>>),
    steps: Vec<crate::present::Step>,
    screen: Screen,
    lang: Lang,
) -> Result<(), String> {
    let mut cache = crate::scene::Cache::default();
    let mut pages = Vec::new();
    for step in steps {
        let view = View::new(org, tree, step, screen, lang, &mut cache);
        pages.extend(
            view.frames
                .iter()
                .map(|f| handout::page(&view, f, screen, logo)),
        );
    }
    let options = PdfOptions {
        paper: args.paper.map(paper_of),
        transparent: false,
        lang,
        pages: Pages::One,
    };
    let file = args.output.display().to_string();
    let bytes = pdf::render_each(&pages, org, &options)
        .map_err(|e| format!("{}{}{}", shown(&file), lang.pick(" : ", ": "), e.text(lang)))?;
    format::write_export(&args.output, &bytes).map_err(|e| e.text(lang))?;
    let count = lang.count(pages.len(), ("page", "pages"), ("page", "pages"));
    out!("{}{}{count}", shown(&file), lang.pick(" : ", ": "));
    Ok(())
}

fn paper_of(paper: PaperArg) -> (Paper, bool) {
    match paper {
        PaperArg::A4 => (Paper::A4, false),
        PaperArg::A4Landscape => (Paper::A4, true),
        PaperArg::A3 => (Paper::A3, false),
        PaperArg::A3Landscape => (Paper::A3, true),
    }
}

/// The screen the steps are framed for, in pixels, and the resolution written in the files.
fn screen(args: &PresentArgs, lang: Lang) -> Result<(Screen, f32), String> {
    if let Some(paper) = args.paper {
        let (paper, landscape) = paper_of(paper);
        let (mut w, mut h) = paper.mm();
        if landscape {
            std::mem::swap(&mut w, &mut h);
        }
        let px = |mm: f32| (mm / 25.4 * PAPER_DPI).round();
        let screen = Screen {
            width: px(w),
            height: px(h),
        };
        return Ok((screen, PAPER_DPI));
    }
    let Some(size) = &args.size else {
        return Ok((Screen::PROJECTOR, 96.0));
    };
    let parsed = size
        .split_once(['x', 'X', '×'])
        .and_then(|(w, h)| Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?)))
        .filter(|&(w, h)| (640..=8000).contains(&w) && (480..=8000).contains(&h));
    match parsed {
        Some((w, h)) => Ok((
            Screen {
                width: w as f32,
                height: h as f32,
            },
            96.0,
        )),
        None => Err(say!(
            lang,
            "--size {size} : attendu une largeur et une hauteur en pixels, comme 1920x1080 (de 640x480 à 8000x8000)",
            "--size {size}: expected a width and a height in pixels, such as 1920x1080 (640x480 to 8000x8000)"
        )),
    }
}
