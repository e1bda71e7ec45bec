//! The legal text of an organisation, both ways: the draft decree or arrêté that fixes a
//! structure (`draft`, laid out by `plain`, `docx` and `odt`), and the structure an article
//! describes (`read`), each unit and mission with the words it came from.

mod bodies;
mod docx;
pub mod draft;
pub mod french;
mod odt;
mod plain;
pub mod read;
mod xml;

pub use draft::{Document, DraftOptions, Form, draft};
pub use read::{Reading, read};

use crate::i18n::Message;
use crate::model::Organisation;
use std::path::Path;

/// The forms a draft is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftFormat {
    Docx,
    Odt,
    Markdown,
    Text,
}

impl DraftFormat {
    /// The format a file name's extension asks for.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "docx" => DraftFormat::Docx,
            "odt" => DraftFormat::Odt,
            "md" => DraftFormat::Markdown,
            "txt" => DraftFormat::Text,
            _ => return None,
        })
    }
}

/// The draft text of `org`'s structure, as the bytes of a file in `format`.
pub fn draft_bytes(
    org: &Organisation,
    options: &DraftOptions,
    format: DraftFormat,
) -> Result<Vec<u8>, Message> {
    let doc = draft(org, options);
    let packaged = match format {
        DraftFormat::Text => return Ok(plain::txt(&doc).into_bytes()),
        DraftFormat::Markdown => return Ok(plain::md(&doc).into_bytes()),
        DraftFormat::Docx => docx::write(&doc),
        DraftFormat::Odt => odt::write(&doc),
    };
    packaged.map_err(|e| {
        Message::new(
            format!("le document n'a pas pu être assemblé : {e}"),
            format!("the document could not be put together: {e}"),
        )
    })
}
