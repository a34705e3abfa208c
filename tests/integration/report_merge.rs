//! `leakgate report merge` and the shard script of docs/org-audit.md (issue 18 item 3):
//! scripts/shard-audit.sh run locally over a list of `file://` repositories, its shards
//! merged into one report in which a secret leaked in two repositories is one finding
//! with two places; and the merge failing closed on a missing shard, a shard that did not
//! scan everything, and a JSON Lines shard (no summary).

use crate::remote::{anthropic, clean, file_url, leaky, publish, Run, Workspace};
use crate::support::sandbox::{isolate, leakgate_bin};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Runs scripts/shard-audit.sh with ARGS, leakgate being the binary under test.
fn shard(work: &Workspace, args: &[&str]) -> Run {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/shard-audit.sh");
    let mut command = std::process::Command::new("bash");
    isolate(&mut command);
    let output = command
        .arg(script)
        .args(args)
        .current_dir(work.path().join("cwd"))
        .env("TMPDIR", work.path().join("tmp"))
        .env("LEAKGATE", leakgate_bin())
        .env_remove("LEAKGATE_GIT_TOKEN")
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Three repositories (the same key leaked in two of them), listed in a file.
struct Fleet {
    _root: tempfile::TempDir,
    list: PathBuf,
    urls: Vec<String>,
}

fn fleet(work: &Workspace) -> Fleet {
    let root = tempfile::tempdir().unwrap();
    // The same seed: the same token, so the same fingerprint, in two repositories.
    let urls: Vec<String> = [
        publish(&leaky(20).sandbox, root.path(), "a.git"),
        publish(&clean(), root.path(), "b.git"),
        publish(&leaky(20).sandbox, root.path(), "c.git"),
    ]
    .iter()
    .map(|p| file_url(p))
    .collect();
    let list = work.path().join("repos.txt");
    std::fs::write(&list, format!("# the fleet\n{}\n", urls.join("\n"))).unwrap();
    Fleet {
        _root: root,
        list,
        urls,
    }
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn shards_written_by_the_script_merge_into_one_secret_with_its_places() {
    let work = Workspace::new();
    let fleet = fleet(&work);
    let shards: Vec<PathBuf> = (0..2)
        .map(|i| work.path().join(format!("shard-{i}.json")))
        .collect();
    for (i, out) in shards.iter().enumerate() {
        let run = shard(
            &work,
            &[path_str(&fleet.list), &i.to_string(), "2", path_str(out)],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    // Round-robin: shard 0 has a.git and c.git, shard 1 has b.git.
    let shard0: Value = serde_json::from_slice(&std::fs::read(&shards[0]).unwrap()).unwrap();
    assert_eq!(shard0["summary"]["repositories"], 2);
    assert_eq!(anthropic(&shard0).len(), 2);

    let merge = |format: &str| {
        let mut args = vec!["report", "merge", "--format", format];
        args.extend(shards.iter().map(|p| path_str(p)));
        work.run(&args, &[])
    };
    let run = merge("json");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["summary"]["repositories"], 3);
    let found = anthropic(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["repository"], fleet.urls[0].as_str());
    let places = found[0]["places"].as_array().unwrap();
    assert_eq!(places.len(), 1);
    assert_eq!(places[0]["repository"], fleet.urls[2].as_str());
    assert_eq!(places[0]["path"], "settings.py");
    assert!(found[0]["secret"].as_str().unwrap().contains('…'));
    assert_eq!(found[0]["severity"], shard0["findings"][0]["severity"]);

    // SARIF: the other place is a related location; human: an `also in` line.
    let sarif: Value = serde_json::from_str(&merge("sarif").stdout).unwrap();
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "anthropic-api-key")
        .unwrap()
        .clone();
    assert_eq!(result["relatedLocations"].as_array().unwrap().len(), 1);
    crate::support::sarif::assert_schema_valid(&sarif);
    crate::support::sarif::assert_github_accepts(&sarif);
    let human = merge("human");
    assert!(
        human
            .stdout
            .contains(&format!("also in {} settings.py", fleet.urls[2])),
        "{}",
        human.stdout
    );
}

#[test]
fn a_missing_or_broken_shard_fails_the_merge_with_no_report() {
    let work = Workspace::new();
    let fleet = fleet(&work);
    let out = work.path().join("shard-0.json");
    assert_eq!(
        shard(&work, &[path_str(&fleet.list), "0", "1", path_str(&out)]).code,
        0
    );
    let missing = work.path().join("shard-1.json");
    let run = work.run(
        &[
            "report",
            "merge",
            "--format",
            "json",
            path_str(&out),
            path_str(&missing),
        ],
        &[],
    );
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains("shard-1.json: cannot read the shard"),
        "{}",
        run.stderr
    );

    let broken = work.path().join("broken.json");
    std::fs::write(&broken, "{\"findings\": [").unwrap();
    let run = work.run(&["report", "merge", path_str(&out), path_str(&broken)], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("broken.json: line 1"), "{}", run.stderr);
}

#[test]
fn a_shard_that_did_not_scan_everything_fails_the_merge_closed() {
    let work = Workspace::new();
    let fleet = fleet(&work);
    // A list with a repository that cannot be cloned: the shard reports one error.
    let list = work.path().join("with-gone.txt");
    std::fs::write(
        &list,
        format!("{}\nfile:///nonexistent/gone.git\n", fleet.urls[1]),
    )
    .unwrap();
    let out = work.path().join("shard-0.json");
    let run = shard(&work, &[path_str(&list), "0", "1", path_str(&out)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = work.run(
        &["report", "merge", "--format", "json", path_str(&out)],
        &[],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("1 input could not be read"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json()["summary"]["errors"], 1);

    // Content over --max-file-size: refused, unless the merge accepts such skips.
    let out = work.path().join("sized.json");
    let run = shard(
        &work,
        &[
            path_str(&fleet.list),
            "0",
            "1",
            path_str(&out),
            "--max-file-size",
            "10",
        ],
    );
    // The audit itself fails closed (nothing found, content unread); its report is
    // written all the same.
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = work.run(&["report", "merge", path_str(&out)], &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("over --max-file-size"),
        "{}",
        run.stderr
    );
    let run = work.run(&["report", "merge", "--accept-skips", path_str(&out)], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn json_lines_shards_have_no_summary_and_are_refused_unless_accepted() {
    let work = Workspace::new();
    let fleet = fleet(&work);
    let out = work.path().join("shard.jsonl");
    let run = work.run(
        &[
            "history",
            "--repos",
            path_str(&fleet.list),
            "--format",
            "jsonl",
            "--output",
            path_str(&out),
        ],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let run = work.run(
        &["report", "merge", "--format", "json", path_str(&out)],
        &[],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("JSON Lines carry no summary"),
        "{}",
        run.stderr
    );
    let run = work.run(
        &[
            "report",
            "merge",
            "--accept-jsonl",
            "--format",
            "json",
            path_str(&out),
        ],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(anthropic(&run.json()).len(), 1);
}

#[test]
fn the_shard_script_refuses_bad_arguments() {
    let work = Workspace::new();
    let fleet = fleet(&work);
    let out = work.path().join("x.json");
    for args in [
        vec![path_str(&fleet.list), "2", "2", path_str(&out)],
        vec![path_str(&fleet.list), "0", "0", path_str(&out)],
        vec![path_str(&fleet.list), "3", "4", path_str(&out)],
    ] {
        let run = shard(&work, &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
    }
}
