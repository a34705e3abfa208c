//! A git work tree and git's own ignore verdict for paths in it.
//!
//! The `.env` states of SPEC §2 are git's, so the verdict comes from gix's exclude stack
//! (nested `.gitignore` files, negations, directory patterns, `.git/info/exclude`,
//! `core.excludesFile`), never from hand-rolled globbing or from the `ignore` crate that the
//! scan walker uses (it also honours `.ignore`, which git does not). One thing the stack
//! does not do by itself: git never looks inside an excluded directory, so a file under one
//! is ignored even if a later pattern would re-include it; [`Excludes::is_ignored`] checks
//! every parent folder first, as git does.

use anyhow::Context;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A repository with a work tree, and its canonical root.
pub struct WorkTree {
    pub repo: gix::Repository,
    /// Canonical path of the work tree's top folder.
    pub root: PathBuf,
}

impl WorkTree {
    /// The work tree holding `path`, or `None` if `path` is not inside one (or the
    /// repository is bare). `path` must exist.
    pub fn discover(path: &Path) -> anyhow::Result<Option<WorkTree>> {
        Ok(WorkTree::locate(path)?.ok())
    }

    /// The work tree holding `path`, or why there is none (one line: no repository, a bare
    /// one, `path` inside `.git`, or a repository git cannot open). `path` must exist.
    pub fn locate(path: &Path) -> anyhow::Result<Result<WorkTree, String>> {
        let canonical = std::fs::canonicalize(path)
            .with_context(|| format!("{}: no such file or directory", path.display()))?;
        let start = if canonical.is_dir() {
            canonical.clone()
        } else {
            canonical
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| canonical.clone())
        };
        let repo = match gix::discover(&start) {
            Ok(repo) => repo,
            Err(err) => {
                let found_git = start.ancestors().any(|dir| dir.join(".git").exists());
                return Ok(Err(if found_git {
                    let cause = format!("{err:#}").replace('\n', " ");
                    format!("git cannot open the repository there: {cause}")
                } else {
                    "no git repository there".to_string()
                }));
            }
        };
        let Some(workdir) = repo.workdir() else {
            return Ok(Err("the repository is bare".to_string()));
        };
        let root = std::fs::canonicalize(workdir)
            .with_context(|| format!("{}: cannot open the work tree", workdir.display()))?;
        if !canonical.starts_with(&root) || relative_to(&root, &canonical).starts_with(".git") {
            return Ok(Err("it is inside the .git folder".to_string()));
        }
        Ok(Ok(WorkTree { repo, root }))
    }

    /// `path` (existing) relative to the work tree's root, `/`-separated; `""` is the root.
    pub fn relative(&self, path: &Path) -> anyhow::Result<String> {
        let canonical = std::fs::canonicalize(path)
            .with_context(|| format!("{}: no such file or directory", path.display()))?;
        Ok(relative_to(&self.root, &canonical))
    }

    /// A fresh exclude stack: it reads `.gitignore` files as it meets them, so build a new
    /// one after editing any.
    pub fn excludes(&self) -> anyhow::Result<Excludes<'_>> {
        let index = self
            .repo
            .index_or_empty()
            .context("cannot read the git index")?;
        let stack = self
            .repo
            .excludes(
                &index,
                None,
                gix::worktree::stack::state::ignore::Source::WorktreeThenIdMappingIfNotSkipped,
            )
            .context("cannot read git's ignore rules")?;
        Ok(Excludes {
            stack,
            dirs: HashMap::new(),
            root: self.root.clone(),
            workdir: self.repo.workdir().map(Path::to_path_buf),
        })
    }
}

/// A pattern file's name: work-tree relative when inside the work tree, else as it is.
fn source_name(source: &Path, root: &Path, workdir: Option<&Path>) -> String {
    let inside = source
        .strip_prefix(root)
        .ok()
        .or_else(|| workdir.and_then(|w| source.strip_prefix(w).ok()));
    match inside {
        Some(rel) => relative_to(Path::new(""), rel),
        None => source.display().to_string(),
    }
}

/// `path` relative to `root` (both canonical), `/`-separated.
fn relative_to(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The pattern that decided a path's verdict, for messages: `sub/.gitignore:3: !.env.local`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decider {
    /// The file the pattern came from, relative to the work tree when inside it.
    pub source: String,
    pub line: usize,
    pub pattern: String,
    pub negative: bool,
}

impl std::fmt::Display for Decider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.source, self.line, self.pattern)
    }
}

/// Git's ignore verdicts for work-tree paths, with parent folders cached.
pub struct Excludes<'repo> {
    stack: gix::AttributeStack<'repo>,
    dirs: HashMap<String, bool>,
    /// The canonical root, and the work tree path as the repository spells it (the stack
    /// names pattern sources under the latter).
    root: PathBuf,
    workdir: Option<PathBuf>,
}

impl Excludes<'_> {
    /// Whether git ignores the untracked file or folder at `rel` (work-tree relative,
    /// `/`-separated): an excluded parent folder, or the last pattern matching it excludes
    /// it. Says nothing about tracked files, which git never ignores.
    pub fn is_ignored(&mut self, rel: &str, is_dir: bool) -> anyhow::Result<bool> {
        if let Some((parent, _)) = rel.rsplit_once('/') {
            if self.dir_ignored(parent)? {
                return Ok(true);
            }
        }
        self.matches_itself(rel, is_dir)
    }

    /// Whether the folder at `rel` or one of its parents is excluded (cached).
    pub fn dir_ignored(&mut self, rel: &str) -> anyhow::Result<bool> {
        if rel.is_empty() {
            return Ok(false);
        }
        if let Some(&known) = self.dirs.get(rel) {
            return Ok(known);
        }
        let ignored = self.is_ignored(rel, true)?;
        self.dirs.insert(rel.to_string(), ignored);
        Ok(ignored)
    }

    fn matches_itself(&mut self, rel: &str, is_dir: bool) -> anyhow::Result<bool> {
        let mode = is_dir.then_some(gix::index::entry::Mode::DIR);
        let platform = self
            .stack
            .at_entry(rel, mode)
            .with_context(|| format!("{rel}: cannot read the ignore rules on its path"))?;
        Ok(platform.is_excluded())
    }

    /// The last pattern that matches the file at `rel` itself (excluding or negated), if any.
    pub fn decider(&mut self, rel: &str) -> anyhow::Result<Option<Decider>> {
        let root = self.root.clone();
        let workdir = self.workdir.clone();
        let platform = self
            .stack
            .at_entry(rel, None)
            .with_context(|| format!("{rel}: cannot read the ignore rules on its path"))?;
        Ok(platform.matching_exclude_pattern().map(|m| Decider {
            source: m
                .source
                .map(|s| source_name(s, &root, workdir.as_deref()))
                .unwrap_or_else(|| "(command line)".to_string()),
            line: m.sequence_number,
            pattern: m.pattern.to_string(),
            negative: m.pattern.is_negative(),
        }))
    }
}
