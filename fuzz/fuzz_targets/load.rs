//! Any bytes given to the loader: never a panic, a hang or a runaway allocation. What loads
//! also survives what the app does next with it: saving and reloading gives the same
//! structure back, and the chart and its SVG can be built.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigramme::{export::svg, format, scene};

fuzz_target!(|bytes: &[u8]| {
    match format::load_bytes("fuzz.ron", bytes) {
        Ok(loaded) => {
            let org = &loaded.organisation;
            let text = format::to_string(org);
            let again = format::load_bytes("saved.ron", text.as_bytes())
                .expect("what was saved loads again");
            assert_eq!(&again.organisation, org, "saving changed the structure");
            let chart = scene::build(org, &scene::ChartOptions::default());
            assert!(svg::write(&chart, org, &svg::SvgOptions::default()).ends_with("</svg>\n"));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
