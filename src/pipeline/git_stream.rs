//! Large git blobs streamed through `git cat-file` instead of read whole.
//!
//! gix inflates an object into one buffer, so a 2 GB blob would cost 2 GB of memory
//! while the scanner itself works in bounded windows (src/pipeline/window.rs). git can
//! stream a blob that is stored whole (loose, or packed without a delta), and git stores
//! large files that way: `core.bigFileThreshold` (512 MiB by default) keeps them out of
//! delta compression (git-config(1)). So blobs above [`STREAM_OVER`] are read from
//! `git cat-file blob <id>`, window by window, with git's streaming threshold lowered to
//! ours so that git streams them too; a delta-compressed blob (git makes them only below
//! its own 512 MiB threshold) is rebuilt whole in git's memory, as gix would.
//!
//! The stream fails closed: if git exits with an error, or the bytes it wrote do not add
//! up to the object's size, reading reports an error and the blob counts as unreadable,
//! never as scanned.

use std::io::Read;
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};

/// Blobs larger than this are streamed: four scanner windows.
pub const STREAM_OVER: u64 = 32 * 1024 * 1024;

/// The bytes of one blob as `git cat-file` writes them.
pub struct GitBlobStream {
    child: Child,
    stdout: ChildStdout,
    expected: u64,
    read: u64,
    finished: bool,
}

impl GitBlobStream {
    /// Starts `git cat-file blob <id>` in the repository at `git_dir`; `expected` is the
    /// object's size from its header.
    pub fn open(git_dir: &Path, id: &str, expected: u64) -> std::io::Result<GitBlobStream> {
        let mut command = Command::new("git");
        // git streams a packed blob stored whole only above `core.bigFileThreshold`
        // (512 MiB by default), and reads a smaller one whole into its own memory: a 300 MB
        // blob cost git 300 MB. At our threshold, git streams every blob we stream.
        // And git maps packs in windows of up to 1 GiB, kept mapped up to 8 GiB, so its
        // resident memory grew with the compressed blob (141 MB for a 944 MB blob): small
        // windows, few kept, hold it to a few tens of MB (git-config(1), core.packedGit*).
        command
            .arg("-c")
            .arg(format!("core.bigFileThreshold={STREAM_OVER}"))
            .args(["-c", "core.packedGitWindowSize=16m"])
            .args(["-c", "core.packedGitLimit=32m"])
            .arg("--git-dir")
            .arg(git_dir)
            .args(["cat-file", "blob", id]);
        GitBlobStream::spawn(command, expected)
    }

    fn spawn(mut command: Command, expected: u64) -> std::io::Result<GitBlobStream> {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| std::io::Error::other("git cat-file: no output pipe"))?;
        Ok(GitBlobStream {
            child,
            stdout,
            expected,
            read: 0,
            finished: false,
        })
    }

    /// At the end of git's output: did git succeed, and write the whole object?
    fn check_end(&mut self) -> std::io::Result<()> {
        self.finished = true;
        let status = self.child.wait()?;
        if !status.success() {
            return Err(std::io::Error::other(format!(
                "git cat-file failed ({status})"
            )));
        }
        if self.read != self.expected {
            return Err(std::io::Error::other(format!(
                "git cat-file wrote {} of {} bytes",
                self.read, self.expected
            )));
        }
        Ok(())
    }
}

impl Read for GitBlobStream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.finished {
            return Ok(0);
        }
        let n = self.stdout.read(buf)?;
        self.read += n as u64;
        if n == 0 && !buf.is_empty() {
            self.check_end()?;
        }
        Ok(n)
    }
}

impl Drop for GitBlobStream {
    fn drop(&mut self) {
        // Stopped early (an error elsewhere): do not leave git running or a zombie.
        if !self.finished {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shell(script: &str, expected: u64) -> GitBlobStream {
        let mut command = Command::new("sh");
        command.args(["-c", script]);
        GitBlobStream::spawn(command, expected).unwrap()
    }

    #[test]
    fn a_whole_object_reads_to_its_end() {
        let mut out = Vec::new();
        shell("printf abcdef", 6).read_to_end(&mut out).unwrap();
        assert_eq!(out, b"abcdef");
    }

    #[test]
    fn a_failing_git_is_an_error_not_a_short_blob() {
        let mut out = Vec::new();
        let err = shell("printf abc; exit 128", 3)
            .read_to_end(&mut out)
            .unwrap_err();
        assert!(err.to_string().contains("failed"), "{err}");
    }

    #[test]
    fn a_short_object_is_an_error() {
        let mut out = Vec::new();
        let err = shell("printf abc", 10).read_to_end(&mut out).unwrap_err();
        assert!(err.to_string().contains("3 of 10"), "{err}");
    }
}
