//! The printable runs of binary data, as `strings` shows them: what a token pasted into a
//! compiled binary, a SQLite file or a Java keystore looks like from outside.
//!
//! A run is at least [`MIN_RUN`] printable ASCII characters (space to `~`, and tab), or as
//! many UTF-16LE ones (each followed by a NUL byte; UTF-16BE text is the same pattern one
//! byte later, so it is found too, but for its last character). Each run becomes one line
//! of the text handed to the scanner: a finding in a binary blob is reported at the run's
//! number (its line in `strings` order) and its column within the run.

/// Shortest run kept: anything shorter cannot hold a token.
pub const MIN_RUN: usize = 8;
/// A run longer than this is cut, so a streamed file never carries more than this much
/// text from one piece to the next.
const MAX_CARRY: usize = 64 * 1024;

fn printable(byte: u8) -> bool {
    (0x20..=0x7e).contains(&byte) || byte == b'\t'
}

/// Appends the printable runs of `data` to `out`, one per line. With `at_end == false`
/// (more data follows), a run that reaches the end of `data` is left for the next call:
/// the return value is how many bytes of `data` were consumed.
pub fn runs(data: &[u8], out: &mut Vec<u8>, at_end: bool) -> usize {
    let n = data.len();
    let wide = |i: usize| i + 1 < n && printable(data[i]) && data[i + 1] == 0;
    let mut i = 0;
    while i < n {
        // Neither kind of run starts at a byte that is not printable, and most bytes of a
        // compiled binary are not: skip them in one tight loop (the checks below cost
        // several times more per byte, issue 17).
        match data[i..].iter().position(|&b| printable(b)) {
            Some(skipped) => i += skipped,
            None => break,
        }
        if wide(i) && wide(i + 2) {
            let start = i;
            let mark = out.len();
            while wide(i) {
                out.push(data[i]);
                i += 2;
            }
            if !at_end && i + 1 >= n && i - start < 2 * MAX_CARRY {
                out.truncate(mark);
                return start;
            }
            end_run(out, mark);
        } else {
            let start = i;
            while i < n && printable(data[i]) {
                i += 1;
            }
            if !at_end && i == n && i - start < MAX_CARRY {
                return start;
            }
            let mark = out.len();
            out.extend_from_slice(&data[start..i]);
            end_run(out, mark);
        }
    }
    n
}

/// Keeps the run written since `mark` (with a line end) if it is long enough.
fn end_run(out: &mut Vec<u8>, mark: usize) {
    if out.len() - mark >= MIN_RUN {
        out.push(b'\n');
    } else {
        out.truncate(mark);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(data: &[u8]) -> String {
        let mut out = Vec::new();
        assert_eq!(runs(data, &mut out, true), data.len());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn ascii_and_utf16_runs_become_lines() {
        let mut data = b"\x00\x01BIN\x00\x00GITHUB_TOKEN=abcdefgh\x00\xff".to_vec();
        for unit in "PASSWORD=hunter22".encode_utf16() {
            data.extend_from_slice(&unit.to_le_bytes());
        }
        data.extend_from_slice(b"\x00\x00short\x00");
        assert_eq!(all(&data), "GITHUB_TOKEN=abcdefgh\nPASSWORD=hunter22\n");
    }

    /// The loop before the skip of non-printable bytes (session 7), as the reference.
    fn reference(data: &[u8], out: &mut Vec<u8>, at_end: bool) -> usize {
        let n = data.len();
        let wide = |i: usize| i + 1 < n && printable(data[i]) && data[i + 1] == 0;
        let mut i = 0;
        while i < n {
            if wide(i) && wide(i + 2) {
                let start = i;
                let mark = out.len();
                while wide(i) {
                    out.push(data[i]);
                    i += 2;
                }
                if !at_end && i + 1 >= n && i - start < 2 * MAX_CARRY {
                    out.truncate(mark);
                    return start;
                }
                end_run(out, mark);
            } else if printable(data[i]) {
                let start = i;
                while i < n && printable(data[i]) {
                    i += 1;
                }
                if !at_end && i == n && i - start < MAX_CARRY {
                    return start;
                }
                let mark = out.len();
                out.extend_from_slice(&data[start..i]);
                end_run(out, mark);
            } else {
                i += 1;
            }
        }
        n
    }

    #[test]
    fn gives_what_the_byte_by_byte_loop_gave_on_random_binaries() {
        // Runs of every kind and length around the minimum, cut at every place.
        let alphabet = b"\x00\x00\x00\x01\xff\t\nabcXYZ=_ ~\x7f";
        let mut state = 0x853c_49e6_748f_ea9bu64;
        for round in 0..6000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Short pieces, and pieces long enough for whole chunks of either kind of byte.
            let len = (state % [64, 400][round % 2]) as usize;
            let stretch = (state >> 40).is_multiple_of(5);
            let data: Vec<u8> = (0..len)
                .map(|j| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let pick = (state >> 11) as usize;
                    // Mostly letters, with NULs (a letter-NUL pair is UTF-16 text) and other bytes.
                    match pick % 6 {
                        // Sometimes long stretches without printable bytes.
                        _ if stretch && (j / 50) % 2 == 0 => [0u8, 0xff, 0x80, 0x1f][pick % 4],
                        0 | 3 => alphabet[pick % alphabet.len()],
                        4 => 0,
                        _ => b'a' + (pick % 26) as u8,
                    }
                })
                .collect();
            for at_end in [true, false] {
                let (mut got, mut want) = (Vec::new(), Vec::new());
                let used = runs(&data, &mut got, at_end);
                assert_eq!(used, reference(&data, &mut want, at_end), "{data:?}");
                assert_eq!(got, want, "{data:?}");
            }
        }
    }

    #[test]
    fn a_run_cut_by_the_end_of_a_piece_is_carried_over() {
        let data = b"\x00\x00first-run-here\x00\x00second-run-cont";
        let mut out = Vec::new();
        let used = runs(data, &mut out, false);
        assert_eq!(&data[used..], b"second-run-cont");
        let mut rest = data[used..].to_vec();
        rest.extend_from_slice(b"inues\x00");
        runs(&rest, &mut out, true);
        assert_eq!(out, b"first-run-here\nsecond-run-continues\n");
    }
}
