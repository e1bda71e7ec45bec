//! How long a spreadsheet takes to come in and go out: a 10,000-unit structure written as an
//! XLSX workbook and as a CSV table, then each read back and built into a structure, as
//! `organigramme import` does. Run with `cargo bench --bench tables`.

use criterion::{Criterion, criterion_group, criterion_main};
use organigramme::export::{table, xlsx};
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
    group.bench_function("import csv", |b| {
        b.iter(|| {
            let table = import::read_csv(black_box(&csv));
            let columns = import::guess_columns(&table.headers);
            import::build(&table, &columns, "t").expect("it builds")
        })
    });
    group.finish();
}

criterion_group!(benches, tables);
criterion_main!(benches);
