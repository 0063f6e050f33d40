//! The shape of the code, kept by tests (see ARCHITECTURE.md):
//!
//! - no import circle between the project's own files: the graph of the
//!   modules each file names (in `use` lines and in `crate::`/`super::`
//!   paths) has no cycle, a module's own children naming it aside;
//! - no function longer than a screen on the main path: in `src/run/` and
//!   `src/report/`, at most [`MAX_FN_LINES`] lines per function.
//!
//! A small reader of Rust source does this, rather than a tool such as
//! `cargo modules`: it needs nothing installed, runs with `cargo test`, and
//! says in its failure which files form the circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module: its crate (`core` or `main`) and path (`["rules", "model"]`).
type Module = Vec<String>;

/// The longest function allowed in `src/run/` and `src/report/`.
const MAX_FN_LINES: usize = 80;

struct File {
    module: Module,
    path: PathBuf,
    /// The source without comments, strings, characters and tests.
    code: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files() -> Vec<File> {
    let mut out = Vec::new();
    for (dir, krate) in [("core/src", "core"), ("src", "main")] {
        let base = root().join(dir);
        let mut stack = vec![base.clone()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let p = entry.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    let rel = p.strip_prefix(&base).unwrap().with_extension("");
                    let mut module: Module = vec![krate.to_owned()];
                    module.extend(rel.iter().map(|s| s.to_string_lossy().into_owned()));
                    if matches!(
                        module.last().map(String::as_str),
                        Some("mod" | "lib" | "main")
                    ) {
                        module.pop();
                    }
                    // Test modules in files of their own may use anything.
                    if module.last().is_some_and(|m| m == "tests") {
                        continue;
                    }
                    let text = std::fs::read_to_string(&p).unwrap();
                    out.push(File {
                        module,
                        path: p,
                        code: without_tests(&strip(&text)),
                    });
                }
            }
        }
    }
    out
}

/// `text` without comments, and with string and character literals
/// emptied, so that only code is left (line breaks kept).
fn strip(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            let end = rest.find('\n').unwrap_or(rest.len());
            i += end;
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(rest.len(), |e| e + 2);
            out.extend(rest[..end].chars().filter(|&c| c == '\n'));
            i += end;
        } else if rest.starts_with("r#\"") || rest.starts_with("r\"") {
            let hashes = rest[1..].chars().take_while(|&c| c == '#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let open = 2 + hashes;
            let end = rest[open..]
                .find(&close)
                .map_or(rest.len(), |e| open + e + close.len());
            out.push_str("\"\"");
            out.extend(rest[..end].chars().filter(|&c| c == '\n'));
            i += end;
        } else if rest.starts_with('"') {
            let mut j = 1;
            while j < rest.len() {
                match rest.as_bytes()[j] {
                    b'\\' => j += 2,
                    b'"' => break,
                    _ => j += 1,
                }
            }
            out.push_str("\"\"");
            out.extend(rest[..j.min(rest.len())].chars().filter(|&c| c == '\n'));
            i += (j + 1).min(rest.len());
        } else if rest.starts_with('\'') && is_char_literal(rest) {
            let end = rest[1..].find('\'').map_or(rest.len(), |e| e + 2);
            out.push_str("' '");
            i += end;
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// Whether `rest`, starting at a `'`, is a character literal rather than a
/// lifetime: `'x'`, `'\n'`, `'\u{1F}'`.
fn is_char_literal(rest: &str) -> bool {
    let mut chars = rest[1..].chars();
    match chars.next() {
        Some('\\') => true,
        Some(_) => chars.next() == Some('\''),
        None => false,
    }
}

/// The code before the first test module (`#[cfg(test)]` at the start of
/// a line): tests may name what they like.
fn without_tests(code: &str) -> String {
    match code.find("\n#[cfg(test)]") {
        Some(i) => code[..i].to_owned(),
        None => code.to_owned(),
    }
}

/// The paths named by the `use` items in `code`, braces expanded.
fn use_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while let Some(at) = code[i..].find("use ") {
        let start = i + at;
        i = start + 4;
        // `use` as a whole word, at the start of an item.
        let before = code[..start].trim_end();
        let word_start =
            start == 0 || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
        let item_start = before.is_empty()
            || before.ends_with(';')
            || before.ends_with('}')
            || before.ends_with('{')
            || before.ends_with(']')
            || before.ends_with("pub")
            || before.ends_with(')');
        if !word_start || !item_start {
            continue;
        }
        let Some(end) = code[i..].find(';') else {
            break;
        };
        expand(&tidy(&code[i..i + end]), "", &mut out);
        i += end;
    }
    out
}

/// A use tree with one space between words and none around `::`, braces
/// and commas: `a::{b,c as d}`.
fn tidy(tree: &str) -> String {
    let one: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    let chars: Vec<char> = one.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let near = |j: Option<&char>| j.is_some_and(|c| ":{},".contains(*c));
        if c == ' ' && (near(chars.get(k + 1)) || near(k.checked_sub(1).and_then(|j| chars.get(j))))
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// Expand a use tree (`a::{b, c::{d}}`) into paths, each with `prefix`.
fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let join = |p: &str| {
        if prefix.is_empty() {
            p.to_owned()
        } else {
            format!("{prefix}::{p}")
        }
    };
    match tree.find('{') {
        None => {
            let path = tree
                .split(" as ")
                .next()
                .unwrap_or(tree)
                .trim_end_matches("::*");
            out.push(join(path.trim_end_matches("::")));
        }
        Some(open) => {
            let head = join(tree[..open].trim_end_matches("::"));
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut depth = 0;
            let mut part = String::new();
            for c in inner.chars().chain(std::iter::once(',')) {
                match c {
                    '{' => {
                        depth += 1;
                        part.push(c);
                    }
                    '}' => {
                        depth -= 1;
                        part.push(c);
                    }
                    ',' if depth == 0 => {
                        if !part.is_empty() {
                            expand(&part, &head, out);
                        }
                        part.clear();
                    }
                    c => part.push(c),
                }
            }
        }
    }
}

/// The `crate::…` and `super::…` paths written in code.
fn inline_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for start in ["crate::", "super::", "carelevel_core::"] {
        let mut i = 0;
        while let Some(at) = code[i..].find(start) {
            let s = i + at;
            i = s + start.len();
            if s > 0 {
                let prev = code.as_bytes()[s - 1];
                if prev.is_ascii_alphanumeric() || prev == b'_' || prev == b':' {
                    continue;
                }
            }
            let path: String = code[s..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(path.trim_end_matches(':').to_owned());
        }
    }
    out
}

/// The module `path`, named in `from`, points at: the deepest module of
/// the project it walks through, or `None` for another crate.
fn resolve(path: &str, from: &Module, modules: &BTreeSet<Module>) -> Option<Module> {
    let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let (mut base, rest): (Module, &[&str]) = match segs.first().copied() {
        Some("crate") => (from[..1].to_vec(), &segs[1..]),
        Some("carelevel_core") => (vec!["core".into()], &segs[1..]),
        Some("self") => (from.clone(), &segs[1..]),
        Some("super") => {
            let mut b = from.clone();
            let mut k = 0;
            while segs.get(k) == Some(&"super") {
                b.pop();
                k += 1;
            }
            (b, &segs[k..])
        }
        // A child module named without `self::`, or another crate.
        Some(first) => {
            let mut child = from.clone();
            child.push(first.to_owned());
            if !modules.contains(&child) {
                return None;
            }
            (from.clone(), &segs[..])
        }
        None => return None,
    };
    // The main crate re-exports the core's modules at its root.
    if base == ["main"] {
        if let Some(first) = rest.first() {
            let ours: Module = vec!["main".into(), (*first).to_owned()];
            let theirs: Module = vec!["core".into(), (*first).to_owned()];
            if !modules.contains(&ours) && modules.contains(&theirs) {
                base = vec!["core".into()];
            }
        }
    }
    let mut found = None;
    let mut m = base;
    if modules.contains(&m) {
        found = Some(m.clone());
    }
    for s in rest {
        m.push((*s).to_owned());
        if modules.contains(&m) {
            found = Some(m.clone());
        } else {
            break;
        }
    }
    found
}

fn graph() -> (
    BTreeMap<Module, BTreeSet<Module>>,
    BTreeMap<Module, PathBuf>,
) {
    let files = files();
    let modules: BTreeSet<Module> = files.iter().map(|f| f.module.clone()).collect();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    let mut paths = BTreeMap::new();
    for f in &files {
        paths.insert(f.module.clone(), f.path.clone());
        let entry = edges.entry(f.module.clone()).or_default();
        for p in use_paths(&f.code).into_iter().chain(inline_paths(&f.code)) {
            let Some(to) = resolve(&p, &f.module, &modules) else {
                continue;
            };
            // A module naming itself, or a folder it is inside (its
            // `mod.rs`): the family aside.
            if to == f.module || f.module.starts_with(&to) {
                continue;
            }
            entry.insert(to);
        }
    }
    (edges, paths)
}

/// The circles of `edges`: its strongly connected parts of two or more.
fn circles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    // Tarjan's algorithm, iteratively small enough to be recursive here.
    struct State<'a> {
        edges: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on: BTreeSet<&'a Module>,
        next: usize,
        out: Vec<Vec<Module>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Module) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on.insert(v);
        let empty = BTreeSet::new();
        let targets = s.edges.get(v).unwrap_or(&empty);
        for w in targets {
            let Some((w, _)) = s.edges.get_key_value(w) else {
                continue;
            };
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut part = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                part.push(w.clone());
                if w == v {
                    break;
                }
            }
            if part.len() > 1 {
                s.out.push(part);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[test]
fn no_import_circle_between_the_projects_files() {
    let (edges, paths) = graph();
    assert!(edges.len() > 60, "{} files read", edges.len());
    let found = circles(&edges);
    let said: Vec<String> = found
        .iter()
        .map(|part| {
            part.iter()
                .map(|m| {
                    let p = &paths[m];
                    p.strip_prefix(root()).unwrap_or(p).display().to_string()
                })
                .collect::<Vec<_>>()
                .join(" ↔ ")
        })
        .collect();
    assert!(
        said.is_empty(),
        "files that import each other, in a circle (give the piece both need a place of its own, or move it to the side that owns it):\n{}",
        said.join("\n")
    );
}

#[test]
fn the_circle_finder_finds_circles() {
    let m = |s: &str| -> Module { s.split('/').map(str::to_owned).collect() };
    let mut edges = BTreeMap::new();
    edges.insert(m("main/a"), BTreeSet::from([m("main/b")]));
    edges.insert(m("main/b"), BTreeSet::from([m("main/c")]));
    edges.insert(m("main/c"), BTreeSet::from([m("main/a")]));
    edges.insert(m("main/d"), BTreeSet::from([m("main/a")]));
    let found = circles(&edges);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].len(), 3);
    let modules: BTreeSet<Module> = [
        m("main"),
        m("main/run"),
        m("main/run/end"),
        m("core"),
        m("core/rules"),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        resolve("super::end", &m("main/run/screen"), &modules),
        Some(m("main/run/end"))
    );
    assert_eq!(
        resolve("crate::rules::Rules", &m("main/run"), &modules),
        Some(m("core/rules"))
    );
    assert_eq!(resolve("serde::Serialize", &m("main/run"), &modules), None);
    let mut paths = Vec::new();
    expand(&tidy("crate::a::{b, c::{d, e as f}, g::*}"), "", &mut paths);
    assert_eq!(
        paths,
        [
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c::e",
            "crate::a::g"
        ]
    );
    assert_eq!(
        strip("let s = \"use crate::x;\"; // use crate::y;\nlet c = '\"'; fn f<'a>() {}"),
        "let s = \"\"; \nlet c = ' '; fn f<'a>() {}"
    );
}

/// The functions of `code`: name, first line, and length in lines.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let lines: Vec<&str> = code.lines().collect();
    for (n, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let is_fn = t.starts_with("fn ")
            || t.starts_with("pub fn ")
            || t.starts_with("pub(crate) fn ")
            || t.starts_with("pub(super) fn ");
        if !is_fn {
            continue;
        }
        let name: String = t[t.find("fn ").unwrap() + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        // From the first `{` of the body to the brace that closes it.
        let mut depth = 0i32;
        let mut opened = false;
        let mut end = n;
        'walk: for (k, l) in lines.iter().enumerate().skip(n) {
            for c in l.chars() {
                match c {
                    ';' if !opened && depth == 0 => break 'walk,
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => {
                        depth -= 1;
                        if opened && depth == 0 {
                            end = k;
                            break 'walk;
                        }
                    }
                    _ => {}
                }
            }
        }
        if opened {
            out.push((name, n + 1, end - n + 1));
        }
    }
    out
}

#[test]
fn functions_on_the_main_path_fit_a_screen() {
    let mut long = Vec::new();
    for f in files() {
        let on_path = f.module.len() >= 2
            && f.module[0] == "main"
            && (f.module[1] == "run" || f.module[1] == "report");
        if !on_path {
            continue;
        }
        for (name, line, len) in functions(&f.code) {
            if len > MAX_FN_LINES {
                let p = f
                    .path
                    .strip_prefix(root())
                    .unwrap_or(&f.path)
                    .display()
                    .to_string();
                long.push(format!("{p}:{line}: `{name}` is {len} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions longer than {MAX_FN_LINES} lines on the main path (split them into named stages):\n{}",
        long.join("\n")
    );
}
