//! A URL query parameter that carries a document of its own: a webhook or a tracking link
//! handed a whole percent-encoded command line, config section or manifest
//! (`…?job=nightly&payload=machine%20api.example.com%0A%20%20password%20…&retry=3`).
//!
//! The percent run is decoded whole as before, but then its document shares a text with
//! the URL around it: its first line starts after `payload=`, its last line runs on into
//! `&retry=3`, and a reader of lines takes those for part of the value (`password v&retry=3`).
//! Each parameter value that holds a space or a line break (`%20`, `+`, `%0A`) is therefore
//! also decoded on its own, cut at the raw `&` that ends it (an `&` inside the document is
//! encoded, `%26`), and scanned as its own text; findings are reported at the parameter.

/// The encoded spans of `run`'s parameter values (offsets in `run`) that hold a document.
pub(super) fn document_values(run: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    memchr::memchr2_iter(b'?', b'&', run).filter_map(move |sep| {
        let rest = &run[sep + 1..];
        let eq = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))?;
        if eq == 0 || rest[eq] != b'=' {
            return None;
        }
        let start = sep + 1 + eq + 1;
        let end = memchr::memchr(b'&', &run[start..]).map_or(run.len(), |i| start + i);
        let value = &run[start..end];
        let spaced = value.contains(&b'+')
            || value.windows(3).any(|w| {
                w[0] == b'%' && matches!(&w[1..], b"20" | b"0A" | b"0a" | b"0D" | b"0d" | b"09")
            });
        (spaced && end > start).then_some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::document_values;

    #[test]
    fn spaced_parameter_values_are_their_own_documents() {
        let run = b"https://h.example/notify?job=nightly&payload=ngrok%20config%20add-authtoken%20v1&retry=3";
        let got: Vec<&[u8]> = document_values(run).map(|(s, e)| &run[s..e]).collect();
        assert_eq!(got, vec![&b"ngrok%20config%20add-authtoken%20v1"[..]]);
        let last = b"https://h.example/?a=1&doc=machine%20h%0A%20%20password%20v";
        let got: Vec<&[u8]> = document_values(last).map(|(s, e)| &last[s..e]).collect();
        assert_eq!(got, vec![&b"machine%20h%0A%20%20password%20v"[..]]);
        for plain in [
            &b"https://h.example/path?q=a%2Fb&x=1"[..],
            b"https://h.example/a%20b",
            b"https://h.example/?=a%20b",
        ] {
            assert_eq!(
                document_values(plain).count(),
                0,
                "{}",
                String::from_utf8_lossy(plain)
            );
        }
    }
}
