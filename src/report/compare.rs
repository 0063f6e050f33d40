//! The levels of care side by side, built from the levels' `compare`
//! attributes in the rule file. [`comparison`] picks the data; the
//! renderers turn it into a terminal table, Markdown, CSV or JSON.

use comfy_table::{
    presets, Attribute as Style, Cell, Color, ColumnConstraint, ContentArrangement, LineStyle,
    Table, Width,
};
use indexmap::IndexMap;
use serde::Serialize;

use super::escape::cell;
use super::wrap::wrap_strict;
use crate::error::{Error, Problem};
use crate::rules::Rules;
use crate::suggest;

/// The comparison as data: also the JSON form.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Comparison {
    /// The rows, in the rule file's order.
    pub attributes: Vec<AttributeName>,
    /// The columns, least to most intensive.
    pub levels: Vec<LevelColumn>,
    /// The language of the texts (the mark on the recommended level).
    #[serde(skip)]
    pub lang: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AttributeName {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LevelColumn {
    pub id: String,
    pub name: String,
    /// The level in a sentence or two.
    pub summary: String,
    /// Set on the level a screening recommended.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub recommended: bool,
    /// Attribute id → what this level offers or asks.
    pub compare: IndexMap<String, String>,
}

/// How the terminal table looks. The default: 80 columns, box-drawing
/// borders, no color.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// The widest a line may be, in columns.
    pub width: usize,
    /// ASCII borders instead of box-drawing characters.
    pub ascii: bool,
    /// ANSI color and bold.
    pub color: bool,
}

impl Default for Look {
    fn default() -> Self {
        Look {
            width: 80,
            ascii: false,
            color: false,
        }
    }
}

/// The narrowest `--width` accepted; narrower than a table needs, the
/// comparison is printed as a list.
pub const MIN_WIDTH: usize = 20;

/// Marks the recommended column in words, not only in color.
fn recommended_mark(c: &Comparison) -> String {
    crate::words::of(&c.lang).get("recommended-mark")
}

impl Comparison {
    /// Mark level `id` as the one a screening recommended.
    pub fn recommend(mut self, id: &str) -> Self {
        for l in &mut self.levels {
            l.recommended = l.id == id;
        }
        self
    }
}

/// The comparison of `levels` (ids, in any order; all levels if `None`),
/// none of them marked yet.
pub fn comparison(rules: &Rules, levels: Option<&[String]>) -> Result<Comparison, Error> {
    let all = &rules.file.levels;
    let ids = || all.iter().map(|l| l.id.as_str());
    if rules.file.attributes.is_empty() {
        return Err(Error::Rules(vec![Problem::new(
            "the rules define no attributes to compare the levels by",
        )
        .at(rules.source.key("levels"))
        .help(
            "add `attributes: [{id, name}]`, and under each level a `compare:` value for each",
        )]));
    }
    if let Some(wanted) = levels {
        if wanted.is_empty() {
            return Err(Error::Usage(
                Problem::new("`--levels` names no level").help(format!(
                    "give level ids separated by commas; valid levels: {}",
                    suggest::backticked(ids())
                )),
            ));
        }
        let unknown: Vec<&str> = wanted
            .iter()
            .map(String::as_str)
            .filter(|w| rules.level_rank(w).is_none())
            .collect();
        if let Some(first) = unknown.first() {
            let (s, list) = (
                if unknown.len() > 1 { "s" } else { "" },
                suggest::backticked(unknown.iter().copied()),
            );
            return Err(Error::Usage(
                Problem::new(format!("unknown level{s} {list} in `--levels`"))
                    .help(suggest::help_with_list(first, "levels", ids())),
            ));
        }
    }
    let shown = |id: &str| levels.is_none_or(|w| w.iter().any(|x| x == id));
    let attributes = rules
        .file
        .attributes
        .iter()
        .map(|a| AttributeName {
            id: a.id.to_string(),
            name: one_paragraph(&a.name),
        })
        .collect();
    let levels = all
        .iter()
        .filter(|l| shown(&l.id))
        .map(|l| LevelColumn {
            id: l.id.to_string(),
            name: one_paragraph(&l.name),
            summary: one_paragraph(&l.summary),
            recommended: false,
            compare: rules
                .file
                .attributes
                .iter()
                .map(|a| {
                    let value = l.compare.get(&a.id).map_or("—", |t| t.as_str());
                    (a.id.to_string(), one_paragraph(value))
                })
                .collect(),
        })
        .collect();
    Ok(Comparison {
        attributes,
        levels,
        lang: rules.lang.clone(),
    })
}

/// Folded text: single spaces, trimmed; line breaks the author wrote stay.
fn one_paragraph(text: &str) -> String {
    text.trim()
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn header(level: &LevelColumn, mark: &str) -> String {
    if level.recommended {
        format!("{}\n{mark}", level.name)
    } else {
        level.name.clone()
    }
}

/// The narrowest width at which a table of `columns` columns stays legible:
/// ten characters of text in a cell, its padding and border.
fn table_min_width(columns: usize) -> usize {
    columns * 13 + 1
}

/// The terminal table: one column per level, one row per attribute. Never
/// wider than `look.width`; narrower than a table needs, a list instead.
pub fn table(c: &Comparison, look: Look) -> String {
    if look.width < table_min_width(c.levels.len() + 1) {
        return list(c, look.width);
    }
    let mut t = Table::new();
    t.load_style(if look.ascii {
        // The preset draws the header rule as one `=` line; give it joints
        // where the columns meet, like every other rule.
        presets::ASCII_FULL.header_separator(LineStyle::new('+', '=', '+', '+'))
    } else {
        presets::UTF8_FULL
    });
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_width(u16::try_from(look.width).unwrap_or(u16::MAX));
    if look.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    let mark = recommended_mark(c);
    let mut head = vec![Cell::new("")];
    head.extend(c.levels.iter().map(|l| {
        let cell = Cell::new(header(l, &mark)).add_attribute(Style::Bold);
        if l.recommended {
            cell.fg(Color::Green)
        } else {
            cell
        }
    }));
    t.set_header(head);
    if let Some(i) = c.levels.iter().position(|l| l.recommended) {
        if let Some(column) = t.column_mut(i + 1) {
            // Room for the recommended mark on one line: the text and its padding.
            let room = u16::try_from(unicode_width::UnicodeWidthStr::width(mark.as_str()) + 2)
                .unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(room)));
        }
    }
    for a in &c.attributes {
        let mut row = vec![Cell::new(&a.name).add_attribute(Style::Bold)];
        row.extend(c.levels.iter().map(|l| Cell::new(&l.compare[&a.id])));
        t.add_row(row);
    }
    let mut out = t.to_string();
    out.push('\n');
    out
}

/// One block per attribute, each level's value indented under its name:
/// for very narrow terminals, and easy on screen readers.
fn list(c: &Comparison, width: usize) -> String {
    let mark = recommended_mark(c);
    let mut out = String::new();
    for a in &c.attributes {
        out.push_str(&wrap_strict(&a.name, width, 0, ""));
        out.push('\n');
        for l in &c.levels {
            let marked = if l.recommended {
                format!(" {mark}")
            } else {
                String::new()
            };
            let name = format!("{}{marked}:", l.name);
            out.push_str(&format!("  {}\n", wrap_strict(&name, width, 2, "  ")));
            let value = wrap_strict(&l.compare[&a.id], width, 4, "    ");
            out.push_str(&format!("    {value}\n"));
        }
    }
    // A blank line inside a value leaves only the indent: drop the spaces.
    out.lines().map(|l| format!("{}\n", l.trim_end())).collect()
}

/// A Markdown table; the recommended level's header is marked in words.
pub fn markdown(c: &Comparison) -> String {
    let mark = recommended_mark(c);
    let mut out = String::from("| |");
    for l in &c.levels {
        if l.recommended {
            out.push_str(&format!(" **{}** {mark} |", cell(&l.name)));
        } else {
            out.push_str(&format!(" {} |", cell(&l.name)));
        }
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(c.levels.len()));
    out.push('\n');
    for a in &c.attributes {
        out.push_str(&format!("| **{}** |", cell(&a.name)));
        for l in &c.levels {
            out.push_str(&format!(" {} |", cell(&l.compare[&a.id])));
        }
        out.push('\n');
    }
    out
}

/// CSV (RFC 4180): `attribute,name,<level id>...`, then a row per attribute.
pub fn csv(c: &Comparison) -> String {
    let mut rows = vec![["attribute", "name"]
        .into_iter()
        .chain(c.levels.iter().map(|l| l.id.as_str()))
        .map(csv_field)
        .collect::<Vec<_>>()
        .join(",")];
    for a in &c.attributes {
        rows.push(
            [a.id.as_str(), a.name.as_str()]
                .into_iter()
                .chain(c.levels.iter().map(|l| l.compare[&a.id].as_str()))
                .map(csv_field)
                .collect::<Vec<_>>()
                .join(","),
        );
    }
    let mut out = rows.join("\r\n");
    out.push_str("\r\n");
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The comparison as one JSON object.
pub fn json(c: &Comparison) -> String {
    let mut out = serde_json::to_string_pretty(c).expect("a comparison always serializes");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests;
