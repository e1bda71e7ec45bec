//! Reading the organisation's logo (`Organisation::logo`): a PNG, JPEG or SVG file, its path
//! relative to the structure's file. A logo that cannot be read is a warning naming its path,
//! never a failed export: the chart is drawn without it.

use crate::format::os;
use crate::i18n::{Message, say, shown};
use crate::scene::{Logo, PlacedLogo};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A logo is tens of kilobytes; a file this large is not one.
const MAX_FILE_BYTES: u64 = 16 << 20;
/// Pictures larger than this a side are refused before they are decoded.
const MAX_DECODED_SIDE: u32 = 16_384;
/// Pixels a side kept: the logo is at most 240 chart units wide, which A3 at 300 dpi prints
/// over about 750 pixels; more would only cost memory and the canvas's texture.
const MAX_SIDE: u32 = 1024;

/// The logo `org_logo` names, for a structure read from `file`: None when it names none;
/// otherwise the logo, or why it is left out.
pub fn for_structure(org_logo: &str, file: Option<&Path>) -> Option<Result<Arc<Logo>, Message>> {
    if org_logo.trim().is_empty() {
        return None;
    }
    let Some(path) = locate(org_logo, file) else {
        return Some(Err(Message::each(|lang| {
            say!(
                lang,
                "logo « {} » : le chemin part du dossier du document, qui n'est pas encore enregistré ; le schéma est dessiné sans",
                "logo “{}”: the path starts from the document's folder, and the document is not saved yet; the chart is drawn without it",
                shown(org_logo)
            )
        })));
    };
    Some(load(&path).map(Arc::new))
}

/// Where the logo `org_logo` names is, in full, for a structure at `file`; None for a relative
/// path and a structure not saved yet.
pub fn locate(org_logo: &str, file: Option<&Path>) -> Option<PathBuf> {
    let named = Path::new(org_logo);
    let path = match file.and_then(Path::parent) {
        _ if named.is_absolute() => named.to_path_buf(),
        Some(folder) => folder.join(named),
        None => return None,
    };
    // In full: a file named on the command line may be relative, its folder "".
    Some(std::path::absolute(&path).unwrap_or(path))
}

/// Reads and decodes the logo at `path`.
pub fn load(path: &Path) -> Result<Logo, Message> {
    let shown_path = path.display().to_string();
    let why = |fr: &str, en: &str| {
        Message::each(|lang| {
            say!(
                lang,
                "logo {} : {} ; le schéma est dessiné sans",
                "logo {}: {}; the chart is drawn without it",
                shown(&shown_path),
                lang.pick(fr, en)
            )
        })
    };
    // A pipe or a device would be waited on, or read without end.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return Err(why(
            "ce n'est pas un fichier ordinaire",
            "it is not a regular file",
        ));
    }
    let source = read(path).map_err(|e| {
        let reason = |lang| os::reason(&e, lang);
        why(
            &reason(crate::i18n::Lang::Fr),
            &reason(crate::i18n::Lang::En),
        )
    })?;
    let (media_type, picture) = if source.starts_with(b"\x89PNG") {
        ("image/png", raster(&source, image::ImageFormat::Png))
    } else if source.starts_with(b"\xFF\xD8\xFF") {
        ("image/jpeg", raster(&source, image::ImageFormat::Jpeg))
    } else if looks_like_svg(&source) {
        ("image/svg+xml", vector(&source))
    } else {
        return Err(why(
            "ce n'est ni un PNG, ni un JPEG, ni un SVG",
            "it is neither a PNG, a JPEG nor an SVG",
        ));
    };
    let (width, height, rgba) = picture.map_err(|(fr, en)| why(&fr, &en))?;
    Ok(Logo {
        path: path.to_path_buf(),
        source: source.into(),
        media_type,
        width,
        height,
        rgba: rgba.into(),
    })
}

fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(std::io::ErrorKind::IsADirectory.into());
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::ErrorKind::FileTooLarge.into());
    }
    Ok(bytes)
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
        && text.contains("<svg")
}

/// Width, height and straight-alpha RGBA, or why not in French and English.
type Picture = Result<(u32, u32, Vec<u8>), (String, String)>;

fn raster(bytes: &[u8], format: image::ImageFormat) -> Picture {
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    reader.limits(limits);
    let decoded = reader.decode().map_err(|e| {
        (
            format!("image illisible ({e})"),
            format!("unreadable picture ({e})"),
        )
    })?;
    let mut rgba = decoded.into_rgba8();
    let (w, h) = rgba.dimensions();
    if w.max(h) > MAX_SIDE {
        let k = MAX_SIDE as f32 / w.max(h) as f32;
        let size = |v: u32| ((v as f32 * k).round() as u32).max(1);
        rgba = image::imageops::resize(
            &rgba,
            size(w),
            size(h),
            image::imageops::FilterType::Triangle,
        );
    }
    let (w, h) = rgba.dimensions();
    Ok((w, h, rgba.into_raw()))
}

/// An SVG logo drawn by resvg, `MAX_SIDE` pixels on its longer side: the SVG export embeds the
/// file itself; the bitmaps and the PDF draw these pixels.
fn vector(bytes: &[u8]) -> Picture {
    let mut options = super::png::svg_options();
    // A logo is drawn from itself alone: a file it names on this machine (`href="/home/…"`)
    // would otherwise be read into a chart that leaves it.
    options.image_href_resolver.resolve_string = Box::new(|_, _| None);
    let tree = resvg::usvg::Tree::from_data(bytes, &options).map_err(|e| {
        (
            format!("SVG illisible ({e})"),
            format!("unreadable SVG ({e})"),
        )
    })?;
    let size = tree.size();
    let k = MAX_SIDE as f32 / size.width().max(size.height());
    let (w, h) = (
        ((size.width() * k).round() as u32).max(1),
        ((size.height() * k).round() as u32).max(1),
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ("SVG vide".to_string(), "empty SVG".to_string()))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(k, k),
        &mut pixmap.as_mut(),
    );
    let mut rgba = pixmap.take();
    super::png::unpremultiply(&mut rgba);
    Ok((w, h, rgba))
}

/// The path a chooser picked, as the structure should name it: relative to the structure's
/// folder when it lies inside it (the two travel together), else as it is.
pub fn named(picked: &Path, file: Option<&Path>) -> String {
    // A document named on the command line may have a relative path, whose folder is "".
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let folder = file.map(absolute);
    let folder = folder.as_deref().and_then(Path::parent);
    let picked = absolute(picked);
    // The same folder may be written two ways (« C:\Users » and « c:\users », « /var » and
    // the « /private/var » a macOS dialog returns): compared as the system resolves them.
    let real = |p: &Path| std::fs::canonicalize(p).ok();
    let within = |folder: &Path| match picked.strip_prefix(folder) {
        Ok(relative) => Some(relative.to_path_buf()),
        Err(_) => real(&picked)?
            .strip_prefix(real(folder)?)
            .ok()
            .map(Path::to_path_buf),
    };
    match folder.and_then(within) {
        // With forward slashes, which every system reads: the structure and its logo open
        // on a colleague's machine too.
        Some(relative) => relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        None => picked.to_string_lossy().into_owned(),
    }
}

/// Draws the logo on a bitmap where the chart is drawn at `scale` pixels a unit from `offset`.
pub(crate) fn draw(
    pixmap: &mut resvg::tiny_skia::PixmapMut,
    placed: &PlacedLogo,
    scale: f32,
    offset: (f32, f32),
) {
    use resvg::tiny_skia::{IntSize, Pixmap, PixmapPaint, Transform};
    let (logo, r) = (&placed.logo, &placed.rect);
    let size = |v: f32| ((v * scale).round() as u32).max(1);
    let Some(picture) = image::RgbaImage::from_raw(logo.width, logo.height, logo.rgba.to_vec())
    else {
        return;
    };
    // Resized to its pixels on the bitmap beforehand: a sampling filter alone, shrinking a
    // 1,024-pixel logo to a hundred, would skip most of its pixels and leave it jagged.
    let mut rgba = image::imageops::resize(
        &picture,
        size(r.w),
        size(r.h),
        image::imageops::FilterType::Triangle,
    );
    // tiny-skia draws premultiplied pixels.
    for px in rgba.chunks_exact_mut(4) {
        let a = u16::from(px[3]);
        for c in &mut px[..3] {
            *c = ((u16::from(*c) * a + 127) / 255) as u8;
        }
    }
    let (w, h) = rgba.dimensions();
    let Some(picture) = IntSize::from_wh(w, h).and_then(|s| Pixmap::from_vec(rgba.into_raw(), s))
    else {
        return;
    };
    pixmap.draw_pixmap(
        0,
        0,
        picture.as_ref(),
        &PixmapPaint::default(),
        Transform::from_translate(offset.0 + r.x * scale, offset.1 + r.y * scale),
        None,
    );
}
