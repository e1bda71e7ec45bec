//! Graphviz DOT from the model, for users who lay charts out with Graphviz (and to compare our
//! layout with `dot`'s): one box per unit, the hierarchy as plain edges, functional relations as
//! dotted edges that do not constrain the ranks.

use crate::model::{Hierarchy, Id, Organisation, Target};
use std::collections::HashSet;
use std::fmt::Write;

/// What to write: the same selection as the chart's `--root`, `--depth` and folded units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DotOptions {
    pub root: Option<Id>,
    pub depth: Option<usize>,
    pub left_right: bool,
}

/// Inside a double-quoted DOT string: quotes and backslashes escaped (a lone backslash would
/// start a Graphviz escape such as `\N`), line breaks as `\n`, other control characters dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Breaks a label into lines of about `width` characters, so boxes keep a chart's proportions
/// instead of one long line per name.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut line = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}

/// Which units are written: below the root, above the depth limit, not under a folded unit.
fn shown(org: &Organisation, options: &DotOptions) -> Vec<bool> {
    let tree = Hierarchy::of(org);
    let n = org.units.len();
    let roots = match options.root.as_ref().and_then(|r| tree.unit(r)) {
        Some(r) => vec![r],
        None => tree.roots().to_vec(),
    };
    let max_depth = options.depth.unwrap_or(usize::MAX).max(1);
    let mut shown = vec![false; n];
    let mut stack: Vec<(usize, usize)> = roots.into_iter().map(|r| (r, 1)).collect();
    while let Some((i, depth)) = stack.pop() {
        // A cycle or a duplicate id must not loop forever.
        if std::mem::replace(&mut shown[i], true) {
            continue;
        }
        if !org.units[i].collapsed && depth < max_depth {
            stack.extend(tree.children(i).iter().map(|&c| (c, depth + 1)));
        }
    }
    shown
}

pub fn write(org: &Organisation, options: &DotOptions) -> String {
    let shown = shown(org, options);
    let index = org.index();
    let mut s = String::with_capacity(256 + org.units.len() * 120);
    let _ = writeln!(s, "digraph \"{}\" {{", escape(&org.name));
    let rankdir = if options.left_right { "LR" } else { "TB" };
    let _ = writeln!(s, "  graph [rankdir={rankdir}, charset=\"UTF-8\"];");
    let _ = writeln!(
        s,
        "  node [shape=box, fontname=\"Liberation Sans\", fontsize=10];"
    );
    let _ = writeln!(s, "  edge [arrowhead=none];");
    for (i, u) in org.units.iter().enumerate().filter(|(i, _)| shown[*i]) {
        let _ = writeln!(s, "  u{i} [label=\"{}\"];", escape(&wrap(&u.name, 30)));
    }
    for (i, u) in org.units.iter().enumerate().filter(|(i, _)| shown[*i]) {
        if let Some(&Target::Unit(p)) = u.parent.as_ref().and_then(|p| index.get(p))
            && shown[p]
        {
            let _ = writeln!(s, "  u{p} -> u{i};");
        }
    }
    // Outside entities only when a written relation reaches them.
    let node = |id: &Id| match index.get(id) {
        Some(&Target::Unit(i)) if shown[i] => Some(format!("u{i}")),
        Some(&Target::Entity(e)) => Some(format!("e{e}")),
        _ => None,
    };
    let mut entities = HashSet::new();
    for r in &org.relations {
        let (Some(a), Some(b)) = (node(&r.from), node(&r.to)) else {
            continue;
        };
        for end in [&r.from, &r.to] {
            if let Some(&Target::Entity(e)) = index.get(end)
                && entities.insert(e)
            {
                let e = &org.entities[e];
                let name = if e.acronym.is_empty() {
                    &e.name
                } else {
                    &e.acronym
                };
                let _ = writeln!(
                    s,
                    "  {} [label=\"{}\", shape=ellipse, style=dashed];",
                    node(end).unwrap_or_default(),
                    escape(&wrap(name, 30))
                );
            }
        }
        let label = escape(&r.label);
        let _ = writeln!(
            s,
            "  {a} -> {b} [style=dotted, constraint=false, label=\"{label}\"];"
        );
    }
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Relation, Unit};

    #[test]
    fn escapes_what_dot_would_read_as_syntax() {
        assert_eq!(escape(r#"a "b" \N c"#), r#"a \"b\" \\N c"#);
        assert_eq!(escape("un\r\ndeux\u{7}"), "un\\ndeux");
        assert_eq!(escape("l’œuvre « ok »"), "l’œuvre « ok »");
    }

    #[test]
    fn hierarchy_and_relations_as_edges() {
        let unit = |id: &str, parent: Option<&str>| Unit {
            id: Id::new(id),
            name: format!("Unité \"{id}\""),
            parent: parent.map(Id::new),
            ..Default::default()
        };
        let org = Organisation {
            units: vec![unit("a", None), unit("b", Some("a")), unit("c", Some("b"))],
            relations: vec![Relation {
                from: Id::new("c"),
                to: Id::new("a"),
                ..Default::default()
            }],
            ..Default::default()
        };
        let dot = write(&org, &DotOptions::default());
        assert!(dot.contains("u0 -> u1;") && dot.contains("u1 -> u2;"));
        assert!(dot.contains("u2 -> u0 [style=dotted"));
        assert!(dot.contains(r#"label="Unité \"b\"""#));
        let shallow = write(
            &org,
            &DotOptions {
                depth: Some(2),
                ..Default::default()
            },
        );
        assert!(!shallow.contains("u2") && shallow.contains("u1"));
    }
}
