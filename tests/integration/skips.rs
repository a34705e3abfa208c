//! Nothing is skipped in silence (issue 12): binary files, files over `--max-file-size`,
//! very large single-line files, archives, LFS pointers, and blobs missing from partial or
//! shallow clones, each in a real git repository or folder, through the real binary.

use crate::support::sandbox::Sandbox;
use crate::support::tokens::token;
use serde_json::Value;
use std::process::Output;

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn leakgate(sandbox: &Sandbox, args: &[&str]) -> Output {
    sandbox
        .leakgate_command()
        .args(args)
        .output()
        .expect("leakgate runs")
}

/// Where a JSON report's findings are: path, line and commit summary (empty without a
/// commit), sorted.
fn places(report: &Value) -> Vec<(String, u64, String)> {
    let mut places: Vec<(String, u64, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["commit"]["summary"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect();
    places.sort();
    places
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn skipped(report: &Value, reason: &str) -> u64 {
    report["summary"]["skipped"][reason]
        .as_u64()
        .unwrap_or_else(|| panic!("no summary.skipped.{reason}: {report:#}"))
}

/// `BIN\0\0 KEY=<token>`: binary by its NUL bytes, with a token in a printable run.
fn binary_with_token(seed: u64) -> Vec<u8> {
    let mut data = b"BIN\0\0\x01\x02 ANTHROPIC_KEY=".to_vec();
    data.extend_from_slice(token(seed).as_bytes());
    data.extend_from_slice(b"\0\xff\xfe\0");
    data
}

#[test]
fn a_binary_file_named_on_the_command_line_is_scanned_for_printable_runs() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.root.join("b.bin"), binary_with_token(1)).unwrap();
    let out = leakgate(&sandbox, &["scan", "b.bin", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["findings"][0]["path"], "b.bin", "{report:#}");
    assert_eq!(report["findings"][0]["rule"], "anthropic-api-key");

    // --no-binary: counted, and the exit code is unchanged by the skip.
    let out = leakgate(
        &sandbox,
        &["scan", "b.bin", "--no-binary", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(skipped(&report, "binary"), 1);
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
    let human = leakgate(
        &sandbox,
        &["scan", "b.bin", "--no-binary", "--color", "never"],
    );
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("1 not scanned (1 binary"), "{text}");
}

#[test]
fn a_staged_binary_file_is_scanned() {
    let sandbox = Sandbox::new();
    sandbox.write("README", "hello\n");
    sandbox.commit("initial");
    std::fs::write(sandbox.root.join("b.bin"), binary_with_token(2)).unwrap();
    sandbox.git(&["add", "b.bin"]);
    let out = leakgate(&sandbox, &["staged", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(json(&out)["findings"][0]["path"], "b.bin");
}

#[test]
fn a_file_over_max_file_size_fails_closed_unless_skips_are_accepted() {
    let sandbox = Sandbox::new();
    let mut dump = "INSERT INTO t VALUES (1, 'nothing to see');\n".repeat(100);
    dump.push_str(&format!("-- key {}\n", token(3)));
    sandbox.write("dump.sql", &dump);

    // No limit by default: the token at the end is found.
    let out = leakgate(&sandbox, &["scan", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    let out = leakgate(
        &sandbox,
        &["scan", ".", "--max-file-size", "1000", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(skipped(&json(&out), "too_large"), 1);
    let err = stderr(&out);
    assert!(
        err.contains("dump.sql") && err.contains("--max-file-size"),
        "{err}"
    );
    assert!(err.contains("--accept-skips"), "{err}");

    let out = leakgate(
        &sandbox,
        &["scan", ".", "--max-file-size", "1000", "--accept-skips"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // The same in the index and in history.
    sandbox.git(&["add", "dump.sql"]);
    let out = leakgate(
        &sandbox,
        &["staged", "--max-file-size", "1000", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(skipped(&json(&out), "too_large"), 1);
    sandbox.commit("dump");
    let out = leakgate(
        &sandbox,
        &["history", "--max-file-size", "1000", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(skipped(&json(&out), "too_large"), 1);
}

#[test]
fn a_64_mb_single_line_file_is_scanned_in_bounded_windows() {
    let sandbox = Sandbox::new();
    // Minified code: one 64 MiB line, the token near its end.
    let piece = "function f(a,b){return a+b};var q=[1,2,3].map(function(x){return x*2});";
    let mut line = piece.repeat(64 * 1024 * 1024 / piece.len());
    let column = line.len() + "k=\"".len() + 1;
    line.push_str(&format!("k=\"{}\";", token(4)));
    sandbox.write("app.min.js", &line);
    let out = leakgate(&sandbox, &["scan", "app.min.js", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    let finding = &report["findings"][0];
    assert_eq!(finding["line"], 1, "{report:#}");
    assert_eq!(
        finding["column"].as_u64(),
        Some(column as u64),
        "{report:#}"
    );
}

#[test]
fn archives_and_lfs_pointers_are_counted_without_changing_the_exit_code() {
    let sandbox = Sandbox::new();
    let mut zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec();
    zip.extend_from_slice(&[0x8d, 0x3f, 0x00, 0x91]);
    std::fs::write(sandbox.root.join("bundle.whl"), &zip).unwrap();
    sandbox.write(
        "model.bin",
        "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n",
    );
    sandbox.commit("artifacts");
    for args in [
        vec!["scan", ".", "--format", "json"],
        vec!["history", "--format", "json"],
    ] {
        let out = leakgate(&sandbox, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let report = json(&out);
        assert_eq!(skipped(&report, "archive"), 1, "{args:?}");
        assert_eq!(skipped(&report, "lfs"), 1, "{args:?}");
    }
}

/// A repository with a token in history (removed later), cloned blob-less over file://.
fn partial_clone() -> (Sandbox, std::path::PathBuf) {
    let sandbox = Sandbox::new();
    sandbox.write("config.txt", &format!("key = {}\n", token(5)));
    sandbox.commit("add key");
    sandbox.write("config.txt", "key = from the environment\n");
    sandbox.commit("remove key");
    sandbox.git(&["config", "uploadpack.allowFilter", "true"]);
    let clone = sandbox.dir.path().join("clone");
    let url = format!("file://{}", sandbox.root.display());
    sandbox.git_in(
        sandbox.dir.path(),
        &[
            "clone",
            "-q",
            "--filter=blob:none",
            &url,
            clone.to_str().unwrap(),
        ],
    );
    (sandbox, clone)
}

#[test]
fn a_blobless_partial_clone_is_never_clean() {
    let (sandbox, clone) = partial_clone();
    // The audit, an audit of one branch, and the one commit that added the token: each
    // needs a blob the clone lacks. (`HEAD~1..HEAD` is clean and exits 0: the blob it adds
    // was checked out, so it is present and scanned.)
    for args in [
        vec!["history"],
        vec!["history", "main"],
        vec!["history", "HEAD~1^!"],
    ] {
        let out = sandbox
            .leakgate_command_in(&clone)
            .args(&args)
            .args(["--format", "json"])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("partial clone"), "{args:?}: {err}");
        assert!(
            err.contains("git fetch --refetch origin"),
            "{args:?}: {err}"
        );
        assert!(skipped(&json(&out), "missing") >= 1, "{args:?}");
    }
    // `--accept-skips` accepts only `--max-file-size` opt-outs: missing blobs stay exit 2.
    let out = sandbox
        .leakgate_command_in(&clone)
        .args(["history", "--accept-skips"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("never accepted as clean"), "{err}");
    // Once the blobs are fetched as the message says, the token is found.
    sandbox.git_in(
        &clone,
        &["config", "--unset", "remote.origin.partialclonefilter"],
    );
    // `--refetch` starts auto-maintenance to consolidate packs, detached by default: keep
    // it in the foreground so the audit below never races a repack deleting the packs it
    // reads.
    sandbox.git_in(
        &clone,
        &[
            "-c",
            "maintenance.autoDetach=false",
            "-c",
            "gc.autoDetach=false",
            "fetch",
            "-q",
            "--refetch",
            "origin",
        ],
    );
    let out = sandbox
        .leakgate_command_in(&clone)
        .args(["history", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn a_shallow_clone_audit_says_history_is_missing() {
    let sandbox = Sandbox::new();
    sandbox.write("a.txt", "one\n");
    sandbox.commit("one");
    sandbox.write("a.txt", "two\n");
    sandbox.commit("two");
    let clone = sandbox.dir.path().join("shallow");
    let url = format!("file://{}", sandbox.root.display());
    sandbox.git_in(
        sandbox.dir.path(),
        &["clone", "-q", "--depth=1", &url, clone.to_str().unwrap()],
    );
    let run = |args: &[&str]| {
        sandbox
            .leakgate_command_in(&clone)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["history"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("shallow clone: "), "{}", stderr(&out));
    // Shallow history is content we could not read, not an opt-out: never accepted.
    assert_eq!(run(&["history", "--accept-skips"]).status.code(), Some(2));
    let out = run(&["history", "HEAD~1..HEAD"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("unknown revision `HEAD~1..HEAD`")
            && err.contains("shallow clone: fetch more history"),
        "{err}"
    );
}

#[test]
fn history_of_a_revision_audits_everything_it_reaches() {
    let sandbox = Sandbox::new();
    sandbox.write("config.txt", &format!("key = {}\n", token(6)));
    let added = sandbox.commit("add key");
    sandbox.write("config.txt", "key = from the environment\n");
    sandbox.commit("remove key");
    for rev in ["HEAD", "main"] {
        let out = leakgate(&sandbox, &["history", rev, "--format", "json"]);
        assert_eq!(out.status.code(), Some(1), "{rev}: {}", stderr(&out));
        let report = json(&out);
        assert_eq!(
            report["findings"][0]["commit"]["id"],
            added.as_str(),
            "{report:#}"
        );
    }
    // Change mode: the last commit removes the token and adds nothing.
    let out = leakgate(&sandbox, &["history", "HEAD^!"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = leakgate(&sandbox, &["history", "nosuchbranch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown revision `nosuchbranch`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn threads_are_bounded() {
    let sandbox = Sandbox::new();
    let out = leakgate(&sandbox, &["scan", ".", "--threads", "100000"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--threads 100000: too many"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        leakgate(&sandbox, &["scan", ".", "--threads", "0"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn help_names_every_skip_reason() {
    let sandbox = Sandbox::new();
    let out = leakgate(&sandbox, &["scan", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    for reason in leakgate::pipeline::Skip::ALL {
        assert!(
            help.contains(&format!("`{}`", reason.key())),
            "{reason:?}: {help}"
        );
    }
    assert!(
        help.contains("0 (the default) means one per core"),
        "{help}"
    );
}

/// A git blob above the streaming threshold (src/pipeline/git_stream.rs) is read through
/// `git cat-file` in windows, not whole: a token at its start, and one past the first
/// window, are found at their lines, by the hook (index) and by a history audit, at every
/// path the blob is known by.
#[test]
fn a_large_git_blob_is_streamed_and_scanned_to_its_end() {
    let sandbox = Sandbox::new();
    let filler = "INSERT INTO logs VALUES (1, 'request served in 12 ms');\n";
    let lines = 40 * 1024 * 1024 / filler.len();
    let mut dump = format!("api_key = \"{}\"\n", token(11));
    dump.push_str(&filler.repeat(lines));
    dump.push_str(&format!("api_key = \"{}\"\n", token(12)));
    let last_line = lines + 2;
    sandbox.write("db/dump.sql", &dump);
    sandbox.write("db/copy.sql", &dump);
    sandbox.git(&["add", "db"]);
    let staged = leakgate(&sandbox, &["staged", "--format", "json"]);
    assert_eq!(staged.status.code(), Some(1), "{}", stderr(&staged));
    sandbox.commit("add dumps");
    let audit = leakgate(&sandbox, &["history", "--format", "json"]);
    assert_eq!(audit.status.code(), Some(1), "{}", stderr(&audit));
    for report in [json(&staged), json(&audit)] {
        let found: Vec<(String, u64)> = places(&report)
            .into_iter()
            .map(|(path, line, _)| (path, line))
            .collect();
        let last = last_line as u64;
        assert_eq!(
            found,
            [
                ("db/copy.sql".to_string(), 1),
                ("db/copy.sql".to_string(), last),
                ("db/dump.sql".to_string(), 1),
                ("db/dump.sql".to_string(), last),
            ],
            "{report:#}"
        );
    }
}

/// A history audit walks packs in parallel, which holds each object whole; a packed blob
/// over the streaming threshold, and a blob git stored as a delta on it, are left out of
/// the walk and read by id (the large one streamed in windows) instead. Both tokens are
/// found, at their lines, with their commits, after `git gc` packed everything.
#[test]
fn a_large_packed_blob_and_a_delta_on_it_are_scanned_by_an_audit() {
    let sandbox = Sandbox::new();
    let chunk: String = (0..40_000)
        .map(|i| {
            format!(
                "INSERT INTO logs VALUES ({i}, 'served in {} ms');\n",
                i % 97
            )
        })
        .collect();
    let chunk_lines: u64 = 40_000;
    // First a 2 MiB dump, then the same rows repeated past 32 MiB: git stores the large
    // version whole and the small one as a delta on it.
    let small = format!("{chunk}api_key = \"{}\"\n", token(21));
    sandbox.write("db/dump.sql", &small);
    sandbox.commit("small dump");
    let copies = 17;
    let large = format!("{}api_key = \"{}\"\n", chunk.repeat(copies), token(22));
    sandbox.write("db/dump.sql", &large);
    sandbox.commit("large dump");
    sandbox.git(&["gc", "-q"]);
    let objects = sandbox.git(&["count-objects", "-v"]);
    assert!(objects.contains("count: 0"), "not all packed: {objects}");
    let audit = leakgate(&sandbox, &["history", "--format", "json"]);
    assert_eq!(audit.status.code(), Some(1), "{}", stderr(&audit));
    let report = json(&audit);
    assert_eq!(
        places(&report),
        [
            (
                "db/dump.sql".to_string(),
                chunk_lines + 1,
                "small dump".to_string()
            ),
            (
                "db/dump.sql".to_string(),
                chunk_lines * copies as u64 + 1,
                "large dump".to_string()
            ),
        ],
        "{report:#}"
    );
}
