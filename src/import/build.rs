//! A table with the meaning of its columns → an `Organisation`. Every row that can be placed
//! is; what cannot is a `Problem` at its row and column, worked around so that the result
//! always loads: a duplicate code's later row is left out, an unknown parent code or a
//! cycle leaves the unit at the top, a bad headcount is left empty. Whether to keep such a
//! result is the caller's choice (`--keep-going`, or the preview's box).

use super::cells::{headcount, missions, note_problem, one_line, staff};
use super::columns::{Column, kind_named, kind_of_name};
use super::{CellNote, Problem, Record, Table};
use crate::format::{MAX_STRING_BYTES, MAX_UNITS};
use crate::i18n::{Message, say, shown};
use crate::model::{Head, Id, Organisation, Unit, UnitKind};
use std::collections::{HashMap, HashSet};

/// What a table made: the structure, and what had to be worked around.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub organisation: Organisation,
    pub problems: Vec<Problem>,
}

struct Builder<'a> {
    table: &'a Table,
    index: HashMap<Column, usize>,
    problems: Vec<Problem>,
    /// Codes of units outside the table that its rows may name as parents: the structure
    /// an extract updates.
    outside: HashSet<&'a str>,
}

impl Builder<'_> {
    /// The text of `column` in `record`, empty when the table has no such column.
    fn cell<'r>(&self, record: &'r Record, column: Column) -> &'r str {
        let i = self.index.get(&column).copied();
        i.and_then(|i| record.cells.get(i))
            .map_or("", String::as_str)
    }

    fn problem(&mut self, row: usize, column: Column, message: Message) {
        let column = self.index.get(&column).map(|&i| {
            let header = self.table.headers.get(i).cloned().unwrap_or_default();
            (self.table.letter(i), header)
        });
        self.problems.push(Problem {
            row,
            column,
            message,
        });
    }

    /// Says what the sheet's notes mean for the columns read; returns the rows whose
    /// headcount is a merged cell's, left empty (see `note_problem`).
    fn notes(&mut self) -> HashSet<usize> {
        let mut merged_headcounts = HashSet::new();
        let table = self.table;
        for (row, i, note) in &table.notes {
            let Some((&column, _)) = self.index.iter().find(|&(_, at)| at == i) else {
                continue;
            };
            let Some(message) = note_problem(note, column) else {
                continue;
            };
            if matches!(note, CellNote::Merged(_)) {
                merged_headcounts.insert(*row);
            }
            self.problem(*row, column, message);
        }
        merged_headcounts
    }

    /// A cell's text, cut where a file would refuse it.
    fn text(&mut self, record: &Record, column: Column) -> String {
        let text = self.cell(record, column);
        if text.len() <= MAX_STRING_BYTES {
            return text.to_string();
        }
        let max = MAX_STRING_BYTES / 1024;
        let message = Message::each(|lang| {
            say!(
                lang,
                "texte trop long : coupé à {max} Ko",
                "text too long: cut at {max} KB"
            )
        });
        self.problem(record.row, column, message);
        let cut = (0..=MAX_STRING_BYTES)
            .rev()
            .find(|&i| text.is_char_boundary(i));
        text[..cut.unwrap_or(0)].to_string()
    }
}

/// Builds the structure `table` describes, its columns meaning `columns`; `name` names it
/// when the table has more than one top unit. `Err` when the table cannot describe units at
/// all: no name column, or more rows than a file may hold.
pub fn build(table: &Table, columns: &[Column], name: &str) -> Result<Imported, Message> {
    build_in(table, columns, name, HashSet::new())
}

/// As [`build`], for an extract that updates `existing`: a parent code may be the id of one
/// of its units.
pub fn build_over(
    table: &Table,
    columns: &[Column],
    existing: &Organisation,
) -> Result<Imported, Message> {
    let outside = existing.units.iter().map(|u| u.id.as_str()).collect();
    build_in(table, columns, &existing.name, outside)
}

fn build_in<'a>(
    table: &'a Table,
    columns: &[Column],
    name: &str,
    outside: HashSet<&'a str>,
) -> Result<Imported, Message> {
    let mut index = HashMap::new();
    for (i, &column) in columns.iter().enumerate() {
        if column != Column::Ignored {
            index.entry(column).or_insert(i);
        }
    }
    if !index.contains_key(&Column::Name) {
        return Err(Message::new(
            "aucune colonne ne donne le libellé des unités : choisissez « Libellé » pour l'une d'elles",
            "no column gives the units' names: choose “Name” for one of them",
        ));
    }
    if table.records.is_empty() {
        return Err(Message::new(
            "le tableau n'a que sa ligne d'en-têtes : aucune unité à importer",
            "the table has its header row only: no unit to import",
        ));
    }
    if table.records.len() > MAX_UNITS {
        let n = table.records.len();
        return Err(Message::each(|lang| {
            say!(
                lang,
                "{n} lignes : le maximum est de {MAX_UNITS} unités",
                "{n} rows: the most is {MAX_UNITS} units"
            )
        }));
    }
    let mut b = Builder {
        table,
        index,
        problems: Vec::new(),
        outside,
    };
    let merged_headcounts = b.notes();
    let mut units: Vec<Unit> = Vec::with_capacity(table.records.len());
    // Each unit's row and parent code, beside it.
    let mut rows: Vec<(usize, String)> = Vec::with_capacity(table.records.len());
    let mut by_code: HashMap<String, usize> = HashMap::new();
    for record in &table.records {
        let row = record.row;
        let has_code = b.index.contains_key(&Column::Code);
        let mut code = b.text(record, Column::Code);
        if code.is_empty() {
            if has_code {
                b.problem(row, Column::Code, Message::new("code vide", "empty code"));
            }
            code = format!("ligne-{row}");
        }
        if let Some(&first) = by_code.get(&code) {
            let (first_row, shown_code) = (rows[first].0, shown(&code).to_string());
            let message = Message::each(|lang| {
                say!(
                    lang,
                    "code « {shown_code} » en double (déjà ligne {first_row}) : ligne laissée de côté",
                    "duplicate code “{shown_code}” (already on row {first_row}): row left out"
                )
            });
            b.problem(row, Column::Code, message);
            continue;
        }
        let mut name = b.text(record, Column::Name);
        one_line(&mut name);
        if name.is_empty() {
            let message = Message::new(
                "libellé vide : l'unité prend son code pour nom",
                "empty name: the unit is named after its code",
            );
            b.problem(row, Column::Name, message);
            name = code.clone();
        }
        let kind_text = b.text(record, Column::Kind);
        let kind = kind_named(&kind_text)
            .or_else(|| (!kind_text.is_empty()).then_some(UnitKind::Other(kind_text)))
            .or_else(|| kind_of_name(&name))
            .unwrap_or(UnitKind::Service);
        let headcount = match merged_headcounts.contains(&row) {
            true => None,
            false => headcount(b.cell(record, Column::Headcount)).unwrap_or_else(|m| {
                b.problem(row, Column::Headcount, m);
                None
            }),
        };
        let staff = staff(b.cell(record, Column::Staff)).unwrap_or_else(|m| {
            b.problem(row, Column::Staff, m);
            false
        });
        let unit = Unit {
            id: Id::new(code.as_str()),
            acronym: b.text(record, Column::Acronym),
            kind,
            head: Head {
                title: b.text(record, Column::HeadTitle),
                name: b.text(record, Column::HeadName),
            },
            headcount,
            missions: missions(&b.text(record, Column::Missions)),
            notes: b.text(record, Column::Notes),
            staff,
            name,
            ..Default::default()
        };
        by_code.insert(code, units.len());
        rows.push((row, b.text(record, Column::Parent)));
        units.push(unit);
    }
    let parents = link(&mut b, &units, &rows, &by_code);
    let ids: Vec<Id> = units.iter().map(|u| u.id.clone()).collect();
    for ((unit, parent), (_, code)) in units.iter_mut().zip(&parents).zip(&rows) {
        unit.parent = match parent {
            Some(p) => Some(ids[*p].clone()),
            None if b.outside.contains(code.as_str()) => Some(Id::new(code.as_str())),
            None => None,
        };
    }
    let roots: Vec<&Unit> = units.iter().filter(|u| u.parent.is_none()).collect();
    let organisation = Organisation {
        name: match roots.as_slice() {
            [root] => root.name.clone(),
            _ => name.to_string(),
        },
        units,
        ..Default::default()
    };
    let mut problems = b.problems;
    // In the order a reader goes through the sheet: by row, then column (B before AA).
    problems.sort_by_cached_key(|p| {
        let letter = p
            .column
            .as_ref()
            .map(|(l, _)| l.clone())
            .unwrap_or_default();
        (p.row, letter.len(), letter)
    });
    Ok(Imported {
        organisation,
        problems,
    })
}

/// Each unit's parent, by index: a parent code no unit has leaves the unit at the top, and
/// so does the link that closes a cycle (the one on the lowest row of the cycle).
fn link(
    b: &mut Builder,
    units: &[Unit],
    rows: &[(usize, String)],
    by_code: &HashMap<String, usize>,
) -> Vec<Option<usize>> {
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(units.len());
    for (i, (row, code)) in rows.iter().enumerate() {
        let parent = match by_code.get(code) {
            _ if code.is_empty() => None,
            Some(&p) => Some(p),
            None if b.outside.contains(code.as_str()) => None,
            None => {
                let code = shown(code).to_string();
                let message = Message::each(|lang| {
                    say!(
                        lang,
                        "code parent « {code} » introuvable : l'unité est placée en tête",
                        "parent code “{code}” not found: the unit is placed at the top"
                    )
                });
                b.problem(*row, Column::Parent, message);
                None
            }
        };
        if parent == Some(i) {
            cycle(b, units, rows, &[i]);
            parents.push(None);
        } else {
            parents.push(parent);
        }
    }
    // 0: not seen; 1: on the path being walked; 2: done.
    let mut state = vec![0u8; units.len()];
    for start in 0..units.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at.filter(|&i| state[i] != 2) {
            if state[i] == 1 {
                let cycle_path = &path[path.iter().position(|&p| p == i).unwrap_or(0)..];
                let closing = cycle(b, units, rows, cycle_path);
                parents[closing] = None;
                break;
            }
            state[i] = 1;
            path.push(i);
            at = parents[i];
        }
        for i in path {
            state[i] = 2;
        }
    }
    parents
}

/// Reports the cycle through `path` (each unit the child of the next, the last the child of
/// the first) at the link that closes it, the unit on the last row; returns that unit.
fn cycle(b: &mut Builder, units: &[Unit], rows: &[(usize, String)], path: &[usize]) -> usize {
    let closing = *path.iter().max_by_key(|&&u| rows[u].0).unwrap_or(&path[0]);
    let start = path.iter().position(|&u| u == closing).unwrap_or(0);
    let codes: Vec<String> = path[start..]
        .iter()
        .chain(&path[..start])
        .chain(std::iter::once(&closing))
        .map(|&u| shown(units[u].id.as_str()).to_string())
        .collect();
    let codes = codes.join(" → ");
    let message = Message::each(|lang| {
        say!(
            lang,
            "cycle de rattachement {codes} : l'unité est placée en tête",
            "cycle of parents {codes}: the unit is placed at the top"
        )
    });
    b.problem(rows[closing].0, Column::Parent, message);
    closing
}
