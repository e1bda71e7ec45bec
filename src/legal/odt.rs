//! The draft as an OpenDocument text, which LibreOffice (in use in many ministries) opens as
//! its own: « mimetype » stored first, the manifest, the content and the styles.

use super::draft::{Block, Document};
use super::xml::{escape, package};

const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2""#;

/// Times New Roman 12 justified, the title and the articles' headings centred and bold.
fn styles_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES}><office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties fo:font-family="'Times New Roman'" fo:font-size="12pt" fo:language="fr" fo:country="FR"/></style:default-style><style:style style:name="Corps" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/></style:style><style:style style:name="Titre" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.6cm"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style><style:style style:name="Centre" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style><style:style style:name="Article" style:family="paragraph" style:default-outline-level="2"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.4cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="Liste" style:family="paragraph" style:parent-style-name="Corps"><style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style></office:styles></office:document-styles>"#
    )
}

fn paragraph(style: &str, text: &str) -> String {
    format!(
        r#"<text:p text:style-name="{style}">{}</text:p>"#,
        escape(text)
    )
}

fn block(b: &Block) -> String {
    match b {
        Block::Paragraph(t) => paragraph("Corps", t),
        Block::Centered(t) => paragraph("Centre", t),
        Block::Item { level, text } => {
            paragraph(&format!("Liste{level}"), &format!("–\u{a0}{text}"))
        }
    }
}

pub fn content_xml(doc: &Document) -> String {
    let deepest = doc
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .filter_map(|b| match b {
            Block::Item { level, .. } => Some(*level),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    // One automatic style per list level used, each indented one step more, the dash hanging.
    let mut automatic = String::from(
        r#"<style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>"#,
    );
    for level in 1..=deepest {
        let margin = 1.0 * level as f32;
        automatic.push_str(&format!(
            r#"<style:style style:name="Liste{level}" style:family="paragraph" style:parent-style-name="Liste"><style:paragraph-properties fo:margin-left="{margin:.1}cm" fo:text-indent="-0.5cm"/></style:style>"#
        ));
    }
    let mut body = paragraph("Titre", &doc.title);
    body.extend(doc.preamble.iter().map(block));
    for article in &doc.articles {
        let n = article.number;
        let sup = if n == 1 {
            r#"<text:span text:style-name="Sup">er</text:span>"#
        } else {
            ""
        };
        body.push_str(&format!(
            r#"<text:h text:style-name="Article" text:outline-level="2">Article {n}{sup}</text:h>"#
        ));
        body.extend(article.blocks.iter().map(block));
    }
    body.extend(doc.closing.iter().map(block));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}><office:automatic-styles>{automatic}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    )
}

pub fn write(doc: &Document) -> Result<Vec<u8>, String> {
    package(
        &[
            ("mimetype", MIMETYPE.into()),
            ("META-INF/manifest.xml", MANIFEST.into()),
            ("content.xml", content_xml(doc).into_bytes()),
            ("styles.xml", styles_xml().into_bytes()),
        ],
        true,
    )
}
