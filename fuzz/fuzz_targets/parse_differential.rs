//! The fast reader against RON on any text: whatever the fast reader accepts, RON must read
//! to the same value (the fast reader gives up on everything else, and RON decides).
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigramme::format::fast;
use organigramme::model::Organisation;

#[derive(Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    organisation: Organisation,
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(fast) = fast::from_str::<File>(text) {
        let ron: Result<File, _> = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text);
        assert_eq!(ron.ok(), Some(fast), "the fast reader and RON disagree");
    }
});
