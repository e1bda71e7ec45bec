//! How long a spreadsheet takes to come in and go out: a 10,000-unit structure written as an
//! XLSX workbook and as a CSV table, then each read back and built into a structure; and the
//! whole of what `organigramme import` does with a workbook, from the file to the `.ron`
//! written (issue 16 asks for it under a second). Run with `cargo bench --bench tables`.

use criterion::{Criterion, criterion_group, criterion_main};
use organigramme::export::{table, xlsx};
use organigramme::format;
use organigramme::generate::generate;
use organigramme::i18n::Lang;
use organigramme::import;
use std::hint::black_box;

fn tables(c: &mut Criterion) {
    let org = generate(10_000, 1);
    let workbook = xlsx::write(&org, Lang::Fr).expect("a generated structure writes");
    let csv = table::csv(&org, Lang::Fr);
    let mut group = c.benchmark_group("10000 unités");
    group.sample_size(10);
    group.bench_function("écriture xlsx", |b| {
        b.iter(|| xlsx::write(black_box(&org), Lang::Fr))
    });
    group.bench_function("import xlsx", |b| {
        b.iter(|| {
            let table = import::read_workbook(black_box(&workbook), None).expect("it reads");
            let columns = import::guess_columns(&table.headers);
            import::build(&table, &columns, "t").expect("it builds")
        })
    });
    let dir = std::env::temp_dir().join(format!("organigramme-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let (xlsx_path, ron_path) = (dir.join("unites.xlsx"), dir.join("unites.ron"));
    std::fs::write(&xlsx_path, &workbook).expect("the workbook is written");
    group.bench_function("import xlsx, du fichier au .ron", |b| {
        b.iter(|| {
            let table = import::read_path(black_box(&xlsx_path), None).expect("it reads");
            let columns = import::guess_columns(&table.headers);
            let imported = import::build(&table, &columns, "t").expect("it builds");
            let text = format::to_string(&imported.organisation);
            format::atomic_write(&ron_path, text.as_bytes()).expect("it writes")
        })
    });
    group.bench_function("import csv", |b| {
        b.iter(|| {
            let table = import::read_csv(black_box(&csv));
            let columns = import::guess_columns(&table.headers);
            import::build(&table, &columns, "t").expect("it builds")
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, tables);
criterion_main!(benches);
