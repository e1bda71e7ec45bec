//! The draft as a Word document: the four parts of a minimal WordprocessingML package (and
//! the relationship that gives the body its styles), written by hand: a page of XML that
//! Word and LibreOffice both open, where a DOCX crate would add build time for features a
//! draft does not use.

use super::draft::{Block, Document};
use super::xml::{escape, package};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Times New Roman 12 justified, as texts are typed in ministries; the title and the
/// articles' headings centred and bold.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="360"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Centered"><w:name w:val="Centered"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Article"><w:name w:val="Article"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:jc w:val="center"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListItem"><w:name w:val="List Item"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/></w:pPr></w:style></w:styles>"#;

fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

fn paragraph(style: &str, inner: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{inner}</w:p>"#)
}

fn block(b: &Block) -> String {
    match b {
        Block::Paragraph(t) => paragraph("Normal", &run(t)),
        Block::Centered(t) => paragraph("Centered", &run(t)),
        Block::Item { level, text } => {
            // A hanging indent per level: the dash hangs, the text's lines align.
            let left = 567 * level;
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="ListItem"/><w:ind w:left="{left}" w:hanging="283"/></w:pPr>{}</w:p>"#,
                run(&format!("–\u{a0}{text}"))
            )
        }
    }
}

/// « Article 1er », the « er » raised.
fn heading(n: usize) -> String {
    let inner = if n == 1 {
        format!(
            r#"{}<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>er</w:t></w:r>"#,
            run("Article 1")
        )
    } else {
        run(&format!("Article {n}"))
    };
    paragraph("Article", &inner)
}

pub fn document_xml(doc: &Document) -> String {
    let mut body = paragraph("Title", &run(&doc.title));
    body.extend(doc.preamble.iter().map(block));
    for article in &doc.articles {
        body.push_str(&heading(article.number));
        body.extend(article.blocks.iter().map(block));
    }
    body.extend(doc.closing.iter().map(block));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

pub fn write(doc: &Document) -> Result<Vec<u8>, String> {
    package(
        &[
            ("[Content_Types].xml", CONTENT_TYPES.into()),
            ("_rels/.rels", RELS.into()),
            ("word/document.xml", document_xml(doc).into_bytes()),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS.into()),
            ("word/styles.xml", STYLES.into()),
        ],
        false,
    )
}
