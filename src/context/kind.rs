//! What syntax a blob is written in, from its path and, failing that, its first bytes.
//!
//! The kind decides only a few things the line lexer cannot guess from one line: where an
//! unquoted value ends (a `.env` value runs to the end of the line, a shell word stops at a
//! space), which comment marker cuts a value, and how a line's parents are found (YAML
//! indentation, braces, INI sections, XML tags).

/// A file's syntax, as far as key/value extraction cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `.env`, `.envrc` without `export`: `K=V`, the value runs to the end of the line.
    Env,
    /// Shell scripts: an unquoted value is one word.
    Shell,
    Dockerfile,
    Makefile,
    /// `.properties`, INI, TOML, `.cfg`, `.conf`: `[sections]`, `k = v` to the end of line.
    Ini,
    Yaml,
    Json,
    Hcl,
    Xml,
    /// Source code of a C-like, Python, Ruby or PHP family language.
    Code,
    /// Anything else: line-based `k = v` / `k: v`, values to the end of the line.
    Unknown,
}

impl Kind {
    /// The kind of the blob at `path` holding `data`.
    pub fn detect(path: Option<&str>, data: &[u8]) -> Kind {
        if let Some(kind) = path.and_then(by_path) {
            return kind;
        }
        by_content(data)
    }

    /// Whether an unquoted value runs to the end of its line (less a trailing comment).
    pub fn bare_value_to_line_end(self) -> bool {
        matches!(
            self,
            Kind::Env | Kind::Makefile | Kind::Ini | Kind::Yaml | Kind::Unknown
        )
    }

    /// Whether the kind nests by braces (`{`, `[`).
    pub fn nests_by_braces(self) -> bool {
        matches!(self, Kind::Json | Kind::Hcl | Kind::Code | Kind::Unknown)
    }
}

fn by_path(path: &str) -> Option<Kind> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    if lower == "dockerfile" || lower.starts_with("dockerfile.") || lower.ends_with(".dockerfile") {
        return Some(Kind::Dockerfile);
    }
    if matches!(lower.as_str(), "makefile" | "gnumakefile") || lower.ends_with(".mk") {
        return Some(Kind::Makefile);
    }
    if lower == ".env" || lower.starts_with(".env.") || lower.ends_with(".env") {
        return Some(Kind::Env);
    }
    // Shell history: command lines as typed (`mysql -pv`, `export K=v`).
    if matches!(
        lower.as_str(),
        ".bash_history" | ".zsh_history" | ".sh_history" | ".history" | ".ash_history"
    ) {
        return Some(Kind::Shell);
    }
    if matches!(
        lower.as_str(),
        ".npmrc" | ".pypirc" | ".gitconfig" | ".netrc"
    ) {
        return Some(Kind::Ini);
    }
    let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
    Some(match ext {
        "sh" | "bash" | "zsh" | "ksh" | "envrc" | "bashrc" | "zshrc" | "profile" => Kind::Shell,
        "properties" | "ini" | "cfg" | "conf" | "toml" | "editorconfig" | "service" => Kind::Ini,
        "yaml" | "yml" => Kind::Yaml,
        "json" | "jsonc" | "json5" | "ipynb" | "har" | "postman_collection" | "map" => Kind::Json,
        "tf" | "tfvars" | "hcl" | "nomad" => Kind::Hcl,
        "xml" | "config" | "csproj" | "props" | "plist" | "xaml" | "svg" | "html" | "htm" => {
            Kind::Xml
        }
        "py" | "pyi" | "js" | "mjs" | "cjs" | "jsx" | "ts" | "tsx" | "mts" | "cts" | "go"
        | "java" | "kt" | "kts" | "cs" | "rb" | "php" | "rs" | "c" | "h" | "cc" | "cpp" | "hpp"
        | "swift" | "dart" | "scala" | "groovy" | "gradle" | "lua" | "ex" | "exs" | "ps1"
        | "psm1" | "r" | "pl" | "pm" | "vue" | "svelte" => Kind::Code,
        // More languages whose unquoted values are expressions: Objective-C, F#, Haskell,
        // OCaml, Nim, Zig, Crystal, VB, Julia, Clojure, Erlang, Elm, Haxe, PowerShell data.
        "m" | "mm" | "fs" | "fsx" | "fsi" | "hs" | "ml" | "mli" | "nim" | "zig" | "cr" | "vb"
        | "vbs" | "jl" | "clj" | "cljs" | "cljc" | "erl" | "hrl" | "elm" | "hx" | "psd1"
        | "sbt" => Kind::Code,
        _ => return None,
    })
}

fn by_content(data: &[u8]) -> Kind {
    let head = &data[..data.len().min(512)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&head[..0], |i| &head[i..]);
    if start.starts_with(b"#!") {
        return Kind::Shell;
    }
    if start.starts_with(b"<?xml") || start.starts_with(b"<") {
        return Kind::Xml;
    }
    if start.starts_with(b"{") || start.starts_with(b"[{") {
        return Kind::Json;
    }
    Kind::Unknown
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn kinds_by_path_and_content() {
        let cases: &[(Option<&str>, &str, Kind)] = &[
            (Some("Dockerfile"), "", Kind::Dockerfile),
            (Some("docker/api.Dockerfile"), "", Kind::Dockerfile),
            (Some("Makefile"), "", Kind::Makefile),
            (Some("rules.mk"), "", Kind::Makefile),
            (Some(".env.production"), "", Kind::Env),
            (Some("deploy/prod.env"), "", Kind::Env),
            (Some("app.properties"), "", Kind::Ini),
            (Some("pyproject.toml"), "", Kind::Ini),
            (Some("values.yaml"), "", Kind::Yaml),
            (Some("a/b.json"), "", Kind::Json),
            (Some("main.tf"), "", Kind::Hcl),
            (Some("web.config"), "", Kind::Xml),
            (Some("main.go"), "", Kind::Code),
            (Some("run.sh"), "", Kind::Shell),
            (Some("notes"), "#!/bin/sh\n", Kind::Shell),
            (None, "  {\"a\": 1}", Kind::Json),
            (None, "<?xml version=\"1.0\"?>", Kind::Xml),
            (None, "KEY=value", Kind::Unknown),
        ];
        for (path, data, want) in cases {
            assert_eq!(Kind::detect(*path, data.as_bytes()), *want, "{path:?}");
        }
    }
}
