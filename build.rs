//! Build script: parses the built-in rule files once, at compile time.
//!
//! Parsing the 640 KB of `rules/*.toml` was most of the start-up of every run (a pre-commit
//! hook's budget is a few milliseconds; issue 17). Here each file listed in
//! `src/rules/builtin.rs` is parsed with the same serde types the binary uses
//! (`src/rules/syntax.rs`, included below), so a broken built-in file fails the build with a
//! message naming the file, line and key, and the parsed files are written to
//! `$OUT_DIR/builtin-rules.postcard`, which `rules::builtin::preparsed` reads back in a
//! fraction of a millisecond. The checks that need the rest of the crate (regexes, verify
//! tables, context rules) run when the rules load, and in full in the test suite and
//! `leakgate rules check`, which still read the TOML sources.

use std::path::{Path, PathBuf};

/// `syntax.rs` names `crate::finding::{Confidence, Severity}`; the binary's definitions live
/// in `src/finding.rs` with much else. These mirror them: the variants in the same order (the
/// pre-parsed form stores a variant's index) with the same names. The test
/// `rules::builtin::tests::the_preparsed_rules_equal_the_parsed_toml` proves the two agree.
mod finding {
    use serde::{Deserialize, Serialize};

    #[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Severity {
        Low,
        Medium,
        High,
        Critical,
    }

    #[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Confidence {
        Low,
        Medium,
        High,
    }
}

/// `syntax::SpecText` asks whether a string lies in the binary's embedded rules; the build
/// script writes them and never reads them back.
mod rules {
    pub mod builtin {
        pub fn embedded(_bytes: &[u8]) -> Option<&'static str> {
            None
        }
        pub fn embedded_bytes(_bytes: &[u8]) -> Option<&'static [u8]> {
            None
        }
    }
}

#[allow(dead_code)]
#[path = "src/rules/syntax.rs"]
mod syntax;

#[allow(dead_code)]
#[path = "src/toml_location.rs"]
mod toml_location;

/// What every match of a path pattern needs in the path: worked out here for the built-in
/// patterns so that a run borrows them instead of parsing 21 patterns (issue 17).
#[allow(dead_code)]
#[path = "src/scan/path_needle.rs"]
mod path_needle;

/// The gram filter's table (`src/scan/anchors.rs`): the built-in keywords are filed here, so
/// that a run borrows the table instead of working it out (issue 17).
#[allow(dead_code)]
#[path = "src/scan/gram_table.rs"]
mod gram_table;

/// Where `src/rules/builtin.rs` names each file.
const INCLUDE: &str = "include_str!(\"../../rules/";

fn main() {
    if let Err(message) = run() {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let list = manifest.join("src/rules/builtin.rs");
    println!("cargo:rerun-if-changed=src/rules/builtin.rs");
    println!("cargo:rerun-if-changed=src/rules/syntax.rs");
    println!("cargo:rerun-if-changed=src/toml_location.rs");
    println!("cargo:rerun-if-changed=src/scan/path_needle.rs");
    println!("cargo:rerun-if-changed=src/scan/gram_table.rs");
    println!("cargo:rerun-if-changed=src/scan/gram_tiers.bin");
    println!("cargo:rerun-if-changed=rules");

    let names = listed_files(&list)?;
    let mut files = Vec::with_capacity(names.len());
    for name in &names {
        files.push(parse(&manifest.join("rules").join(name), name)?);
    }
    unique_ids(&names, &files)?;
    std::fs::write(out.join("path-needles.rs"), path_needles(&files))
        .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    std::fs::write(out.join("file-anchored.rs"), file_anchored(&files))
        .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    let (table, keywords) = keyword_table(&files);
    std::fs::write(out.join("keyword-table.rs"), table)
        .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    std::fs::write(out.join("gram-table.rs"), gram_table_source(&keywords))
        .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    let (bytes, spans) = encode(&files)?;
    std::fs::write(out.join("builtin-rules.postcard"), bytes)
        .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    std::fs::write(out.join("rule-spans.rs"), rule_spans(&spans))
        .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    std::fs::write(
        out.join("rule-starts.rs"),
        rule_starts(&names, &files, &spans),
    )
    .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    Ok(())
}

/// Where one rule's table lies in the pre-parsed form: its file's index in the list, and
/// the byte range of its own encoding.
struct Span {
    file: usize,
    start: usize,
    end: usize,
    /// The encoded `[rule.value]` (when the rule has one) and `[[rule.context]]` list: the
    /// bytes a `syntax::Deferred` keeps, inside the rule's range.
    value: Option<(usize, usize)>,
    context: (usize, usize),
}

/// The parsed files in postcard's form (a list is its length as a varint, then its items;
/// a struct is its fields in order), written rule by rule so that each rule's byte range is
/// known: a run decodes one rule's table from its range, keeps the range instead of the
/// decoded table, and decodes it again only when it is read (`rules::spec_cell`). The
/// result is checked against postcard's own encoding of the whole list.
fn encode(files: &[syntax::RuleFile]) -> Result<(Vec<u8>, Vec<Span>), String> {
    let store = |e: postcard::Error| format!("cannot store the parsed built-in rules: {e}");
    let mut bytes = postcard::to_allocvec(&files.len()).map_err(store)?;
    let mut spans = Vec::new();
    for (file, parsed) in files.iter().enumerate() {
        bytes.extend(postcard::to_allocvec(&parsed.rule.len()).map_err(store)?);
        for rule in &parsed.rule {
            let start = bytes.len();
            bytes.extend(postcard::to_allocvec(rule).map_err(store)?);
            let end = bytes.len();
            // `value` and `context` are the table's last two fields, each a `Deferred`
            // (its value's own encoding, stored as bytes: a length, then the bytes), so
            // their encodings end the rule's. Found there, and checked to be.
            let context = postcard::to_allocvec(&*rule.context).map_err(store)?;
            let context_field = postcard::to_allocvec(&rule.context).map_err(store)?;
            let value_field = postcard::to_allocvec(&rule.value).map_err(store)?;
            let value_end = end - context_field.len();
            if !bytes[start..end].ends_with(&context_field)
                || !bytes[start..value_end].ends_with(&value_field)
                || !context_field.ends_with(&context)
            {
                return Err(format!(
                    "rule `{}`: `value` and `context` do not end its encoding",
                    rule.id
                ));
            }
            let value = match &rule.value {
                None => None,
                Some(value) => {
                    let inner = postcard::to_allocvec(&**value).map_err(store)?;
                    Some((value_end - inner.len(), value_end))
                }
            };
            spans.push(Span {
                file,
                start,
                end,
                value,
                context: (end - context.len(), end),
            });
        }
    }
    if bytes != postcard::to_allocvec(&files).map_err(store)? {
        return Err("the rule-by-rule encoding differs from postcard's own".into());
    }
    Ok((bytes, spans))
}

/// `src/rules/builtin.rs`'s table of every built-in rule's byte range, as Rust source: an
/// array of integers, so the loader relocates nothing for it (a table of references would
/// cost a relocation per entry at every start).
fn rule_spans(spans: &[Span]) -> String {
    let mut out = format!(
        "// Written by build.rs (`rule_spans`): (file index, start, end) per built-in rule.\n\
         pub(super) static RULE_SPANS: [(u16, u32, u32); {}] = [\n",
        spans.len()
    );
    for span in spans {
        out.push_str(&format!(
            "    ({}, {}, {}),\n",
            span.file, span.start, span.end
        ));
    }
    out.push_str("];\n");
    out
}

/// `src/rules/builtin.rs`'s start records: per built-in rule, in order, the fields of its
/// table that building the rule reads (`Rule::build`: id, keywords, regex, path, kind,
/// boundaries, severity...), as plain integers and ranges into one string, so that a start
/// decodes no table (reading the 474 tables with postcard was a fifth of a one-file scan's
/// start-up, issue 17). The `value` and `context` fields are the ranges of their encoded
/// bytes in the pre-parsed rules, which stay encoded until read. The texts a start does not
/// read (title, remediation, examples, verify and revoke tables) are not here: the rule
/// keeps its whole encoded table and decodes it when one is read (`rules::spec_cell`). The
/// test `rules::set::tests::start_records_build_the_rules_the_tables_build` compares each
/// record with the decoded table.
fn rule_starts(names: &[String], files: &[syntax::RuleFile], spans: &[Span]) -> String {
    let mut text = String::new();
    // Each file's origin (`rules/<name>`), side by side: read at every start, they were
    // scattered among the embedded TOML texts, a page fault each.
    let origins: Vec<(usize, usize)> = names
        .iter()
        .map(|name| add(&mut text, &format!("rules/{name}")))
        .collect();
    let mut keywords: Vec<(usize, usize)> = Vec::new();
    let mut known: Vec<(usize, usize)> = Vec::new();
    fn add(text: &mut String, piece: &str) -> (usize, usize) {
        let start = text.len();
        text.push_str(piece);
        (start, text.len())
    }
    let mut records = String::new();
    for (rule, span) in files.iter().flat_map(|f| &f.rule).zip(spans) {
        let mut range = |piece: Option<&syntax::SpecText>| match piece {
            None => "NONE".to_string(),
            Some(piece) => format!("{:?}", add(&mut text, piece.as_str())),
        };
        let id = range(Some(&rule.id));
        let provider = range(rule.provider.as_ref());
        let regex = range(rule.regex.as_ref());
        let checksum = range(rule.checksum.as_ref());
        let path = range(rule.path.as_ref());
        let content = range(rule.content.as_ref());
        let inspect = range(rule.inspect.as_ref());
        let first_keyword = keywords.len();
        for keyword in &rule.keywords {
            keywords.push(add(&mut text, keyword.as_str()));
        }
        let first_known = known.len();
        for entry in &rule.known_public {
            known.push(add(&mut text, entry.value_sha256.as_str()));
        }
        let prefixed = |value: Option<String>| match value {
            None => "None".to_string(),
            Some(value) => format!("Some({value})"),
        };
        records.push_str(&format!(
            "    RuleStart {{ id: {id}, provider: {provider}, regex: {regex}, \
             checksum: {checksum}, path: {path}, content: {content}, inspect: {inspect}, \
             keywords: ({first_keyword}, {}), known_public: ({first_known}, {}), \
             keyword_boundary: {}, multiline: {}, fallback: {}, min_entropy: {}, \
             severity: {}, confidence: {}, value: {}, context: {:?} }},\n",
            keywords.len(),
            known.len(),
            prefixed(
                rule.keyword_boundary
                    .map(|b| format!("KeywordBoundary::{b:?}"))
            ),
            rule.multiline,
            rule.fallback,
            prefixed(rule.min_entropy.map(|e| format!("{e:?}"))),
            prefixed(rule.severity.map(|s| format!("Severity::{s:?}"))),
            prefixed(rule.confidence.map(|c| format!("Confidence::{c:?}"))),
            prefixed(span.value.map(|v| format!("{v:?}"))),
            span.context,
        ));
    }
    let ranges = |name: &str, list: &[(usize, usize)]| {
        let mut out = format!(
            "pub(super) static {name}: [(u32, u32); {}] = [\n",
            list.len()
        );
        for range in list {
            out.push_str(&format!("    {range:?},\n"));
        }
        out.push_str("];\n");
        out
    };
    let mut out = String::from("// Written by build.rs (`rule_starts`).\n");
    out.push_str(&format!("pub(super) static START_TEXT: &str = {text:?};\n"));
    out.push_str(&ranges("START_ORIGINS", &origins));
    out.push_str(&ranges("START_KEYWORDS", &keywords));
    out.push_str(&ranges("START_KNOWN_PUBLIC", &known));
    out.push_str(&format!(
        "static RULE_STARTS: [RuleStart; {}] = [\n{records}];\n",
        spans.len()
    ));
    out
}

/// The file names `src/rules/builtin.rs` includes, in its order (the order of the rule set).
fn listed_files(list: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(list)
        .map_err(|e| format!("{}: cannot read: {e}", list.display()))?;
    let names: Vec<String> = text
        .split(INCLUDE)
        .skip(1)
        .filter_map(|rest| rest.split_once("\")").map(|(name, _)| name.to_string()))
        .collect();
    if names.is_empty() {
        return Err(format!(
            "{}: no `{INCLUDE}...\")` entries found",
            list.display()
        ));
    }
    Ok(names)
}

/// One rule file, parsed; a syntax error names the file, line and key.
fn parse(path: &Path, name: &str) -> Result<syntax::RuleFile, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("rules/{name}: cannot read: {e}"))?;
    toml::from_str(&text).map_err(|e| {
        format!(
            "rules/{name}: {}",
            toml_location::describe(&text, e.span(), e.message())
        )
    })
}

/// Every built-in rule id is used once, so that `RuleSet::builtin` need not check it at
/// every start (hashing 474 ids was 4 % of a one-file scan's start-up, issue 17). The same
/// message as the run-time check of user rules (`RuleSet::check_unique_ids`).
fn unique_ids(names: &[String], files: &[syntax::RuleFile]) -> Result<(), String> {
    let mut seen = std::collections::HashMap::new();
    for (name, file) in names.iter().zip(files) {
        for rule in &file.rule {
            if let Some(first) = seen.insert(rule.id.to_string(), name) {
                return Err(format!(
                    "rules/{name}: rule `{}`: duplicate id (also in rules/{first})",
                    rule.id
                ));
            }
        }
    }
    Ok(())
}

/// `src/rules/builtin.rs`'s list, sorted by id, of the built-in rules with a context anchor
/// that names files by their path (`file` or `path`), with those patterns: a start asks it
/// of every rule, and the scanner's path set takes the patterns from it, so the anchors
/// themselves stay encoded until a context rule is built (issue 17).
fn file_anchored(files: &[syntax::RuleFile]) -> String {
    // (id, `file` patterns, `path` patterns), each list in anchor order.
    let mut rules: Vec<(&str, Vec<&str>, Vec<&str>)> = files
        .iter()
        .flat_map(|f| &f.rule)
        .filter(|rule| {
            rule.context
                .iter()
                .any(|a| a.file.is_some() || a.path.is_some())
        })
        .map(|rule| {
            let list = |pick: fn(&syntax::ContextSpec) -> Option<&syntax::SpecText>| {
                rule.context
                    .iter()
                    .filter_map(pick)
                    .map(syntax::SpecText::as_str)
                    .collect()
            };
            (
                rule.id.as_str(),
                list(|a| a.file.as_ref()),
                list(|a| a.path.as_ref()),
            )
        })
        .collect();
    rules.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut out = String::from(
        "// Written by build.rs (`file_anchored`).\n\
         pub(super) static FILE_ANCHORED: &[(&str, &[&str], &[&str])] = &[\n",
    );
    for (id, file, path) in rules {
        out.push_str(&format!("    ({id:?}, &{file:?}, &{path:?}),\n"));
    }
    out.push_str("];\n");
    out
}

/// `src/rules/builtin.rs`'s keyword table of the built-in content rules, as Rust source of
/// plain integers and one string: what `scan::prefilter::Prefilter::new` works out from the
/// rule set at every start (a hash map over ~900 keywords, an owner list per keyword: a
/// tenth of a one-file scan's start-up, issue 17), worked out here once.
///
/// The same steps as the run time: a content rule is one with a `regex` or a `[rule.value]`
/// / `[[rule.context]]` (`Rule::build`'s `FindingKind::Secret`); a keyword is lowercased as
/// `Rule::build` does (Unicode, only if some character is not lowercase) and then as
/// `Prefilter::new` does (ASCII); keywords are numbered in order of first appearance, rule
/// by rule. Per keyword, its owners in that order: `(rule index, index of the keyword in the
/// rule's list)`, so that the run time reads each owner's word-boundary flag from the rule
/// it built. The test `scan::prefilter::tests::the_builtin_keyword_table_is_what_the_rules_give`
/// compares the result with the prefilter built from the loaded rules. Returns the source
/// and the keywords in their order (for [`gram_table_source`]).
fn keyword_table(files: &[syntax::RuleFile]) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut patterns: Vec<(usize, usize)> = Vec::new();
    let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut position: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut always: Vec<usize> = Vec::new();
    for (index, rule) in files.iter().flat_map(|f| &f.rule).enumerate() {
        let content = rule.regex.is_some() || rule.value.is_some() || !rule.context.is_empty();
        if !content {
            continue;
        }
        if rule.keywords.is_empty() {
            always.push(index);
        }
        for (k, keyword) in rule.keywords.iter().enumerate() {
            let keyword = keyword.as_str();
            let lower = keyword
                .chars()
                .all(|c| c.to_lowercase().eq(std::iter::once(c)));
            let keyword = if lower {
                keyword.to_string()
            } else {
                keyword.to_lowercase()
            };
            let keyword = keyword.to_ascii_lowercase();
            match position.get(&keyword) {
                Some(&at) => owners[at].push((index, k)),
                None => {
                    position.insert(keyword.clone(), patterns.len());
                    patterns.push((text.len(), text.len() + keyword.len()));
                    text.push_str(&keyword);
                    owners.push(vec![(index, k)]);
                }
            }
        }
    }
    let mut out = String::from("// Written by build.rs (`keyword_table`).\n");
    out.push_str(&format!(
        "pub(super) static KEYWORD_TEXT: &str = {text:?};\n\
         pub(super) static KEYWORD_PATTERNS: [(u32, u32); {}] = [\n",
        patterns.len()
    ));
    for (start, end) in &patterns {
        out.push_str(&format!("    ({start}, {end}),\n"));
    }
    out.push_str("];\n");
    let flat: Vec<(usize, usize)> = owners.iter().flatten().copied().collect();
    out.push_str(&format!(
        "pub(super) static KEYWORD_OWNERS: [(u16, u16); {}] = [\n",
        flat.len()
    ));
    for (rule, k) in &flat {
        out.push_str(&format!("    ({rule}, {k}),\n"));
    }
    out.push_str("];\n");
    out.push_str(&format!(
        "pub(super) static KEYWORD_OWNER_STARTS: [u32; {}] = [\n",
        owners.len() + 1
    ));
    let mut at = 0;
    for list in &owners {
        out.push_str(&format!("    {at},\n"));
        at += list.len();
    }
    out.push_str(&format!("    {at},\n];\n"));
    out.push_str(&format!(
        "pub(super) static KEYWORD_ALWAYS: [u16; {}] = {always:?};\n",
        always.len()
    ));
    let keywords = patterns
        .iter()
        .map(|&(start, end)| text[start..end].to_string())
        .collect();
    (out, keywords)
}

/// The gram filter's table of `keywords` (the prefilter's, in the order of `keyword_table`),
/// filed by `src/scan/gram_table.rs` as the run time files them, as Rust source for
/// `scan::anchors`'s `builtin` module. The test
/// `scan::anchors::tests::the_builtin_table_is_the_one_the_run_time_files` compares it
/// with the table filed at run time.
fn gram_table_source(keywords: &[String]) -> String {
    use std::fmt::Write;
    let (filed, short) = gram_table::file(keywords.iter().map(|k| k.as_bytes()));
    let layout = gram_table::layout(filed);
    let mut out = String::from("// Written by build.rs (`gram_table_source`).\n");
    let list = |out: &mut String, name: &str, ty: &str, values: Vec<String>| {
        let _ = write!(
            out,
            "pub(super) static {name}: [{ty}; {}] = [",
            values.len()
        );
        for (i, value) in values.iter().enumerate() {
            out.push_str(if i % 16 == 0 { "\n    " } else { " " });
            out.push_str(value);
            out.push(',');
        }
        out.push_str("\n];\n");
    };
    list(
        &mut out,
        "GRAM_ROWS",
        "u8",
        layout.rows.iter().map(u8::to_string).collect(),
    );
    list(
        &mut out,
        "GRAM_RANK",
        "u32",
        layout.rank.iter().map(u32::to_string).collect(),
    );
    list(
        &mut out,
        "GRAM_STARTS",
        "u32",
        layout.starts.iter().map(u32::to_string).collect(),
    );
    list(
        &mut out,
        "GRAM_ENTRIES",
        "Entry",
        layout
            .entries
            .iter()
            .map(|e| {
                format!(
                    "Entry {{ id: {}, offset: {}, gram: {:#x}, mask: {:#x} }}",
                    e.id, e.offset, e.gram, e.mask
                )
            })
            .collect(),
    );
    list(
        &mut out,
        "GRAM_SHORT",
        "u32",
        short.iter().map(usize::to_string).collect(),
    );
    out
}

/// `src/scan/path_set.rs`'s table of the built-in path patterns' needles, as Rust source:
/// every rule's `path` and every context anchor's `file` and `path`, sorted by source
/// (a pattern without a needle is left out: the scanner then works it out, to the same
/// `None`).
fn path_needles(files: &[syntax::RuleFile]) -> String {
    let mut sources: Vec<&str> = Vec::new();
    for rule in files.iter().flat_map(|f| &f.rule) {
        sources.extend(rule.path.as_deref());
        for context in &rule.context {
            sources.extend(context.file.as_deref());
            sources.extend(context.path.as_deref());
        }
    }
    sources.sort_unstable();
    sources.dedup();
    let mut out = String::from(
        "// Written by build.rs (`path_needles`).\n\
         pub(super) static PATH_NEEDLES: &[(&str, bool, &[&[u8]])] = &[\n",
    );
    for source in sources {
        let Some(needle) = path_needle::Needle::of(source) else {
            continue;
        };
        out.push_str(&format!("    ({source:?}, {}, &[", needle.ends_with));
        for string in &needle.strings {
            out.push_str(&format!("&{string:?}, "));
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    out
}
