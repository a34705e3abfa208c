//! A header's value in a name/value list written over several lines: a Kubernetes probe's
//! `httpHeaders:` (`- name: Authorization` then `value: Bearer <token>`), a HAR file's or a
//! Postman collection's `"key": "Authorization"` above `"value": "Bearer <token>"`,
//! Insomnia's `headers:` list, Terraform's `header { name = "Authorization" value = ... }`.
//!
//! The lexer ties a `value` slot to its `name` when both sit on one line, and the rules
//! name a slot by its sibling line ([`super::structure::sibling_name`]); but a value sent in
//! a header is judged as the header's (the `header` and `scheme` anchors: a bearer token
//! is a token because it follows `Authorization: Bearer`), and a slot on a line of its own
//! never said which header it is. This pass gives such a slot its header: the name on the
//! sibling line above, when that name is a credential header
//! ([`super::lexer::is_credential_header`]), with the `Authorization` value's scheme
//! split off as on a header line.
//!
//! A value under a key or element named `Authorization` that no header extractor read as
//! one (an XML element `<Authorization>Basic v</Authorization>`) is given the header the
//! same way.
//!
//! Cheap by construction: it looks only at this line's candidates whose key is a slot
//! (`value`) or the header's name, and walks back at most the sibling walk's few lines.

use super::Candidate;

/// Names the header of each slot candidate in `out[first..]` whose sibling line names a
/// credential header. `data` is the whole blob (the sibling line is above the value's).
pub(super) fn candidates(data: &[u8], first: usize, out: &mut [Candidate]) {
    for cand in out.iter_mut().skip(first) {
        if cand.header.is_some() {
            continue;
        }
        // An element or key named for the header itself (`<Authorization>Basic v
        // </Authorization>` in a SOAP or API-tool export) is that header's value too.
        if is_authorization(&cand.key) && cand.scheme.is_none() && cand.decoded.is_none() {
            cand.header = Some(cand.key.clone());
            super::lexer::strip_auth_scheme(cand);
            continue;
        }
        if !is_slot(&cand.key) {
            continue;
        }
        let Some(name) = super::structure::sibling_name(data, cand.line_start) else {
            continue;
        };
        if !super::lexer::is_credential_header(&name) {
            continue;
        }
        cand.key = name.clone();
        cand.header = Some(name);
        // A scheme the lexer did not know as one (`SSWS <token>`, a provider's own) is
        // split off now that the value is known to be an Authorization value.
        if cand.scheme.is_none() {
            super::lexer::strip_auth_scheme(cand);
        }
    }
}

/// Whether `key` names the `Authorization` (or `Proxy-Authorization`) header.
fn is_authorization(key: &str) -> bool {
    key.eq_ignore_ascii_case("authorization") || key.eq_ignore_ascii_case("proxy-authorization")
}

/// Whether `key` is a list item's value slot, named by a sibling `name:` / `key:` line.
fn is_slot(key: &str) -> bool {
    key.eq_ignore_ascii_case("value")
}

#[cfg(test)]
mod tests {
    use crate::context::{extract_all, Kind};

    fn token() -> String {
        ["Hq4", "tN7", "wZ2", "pK9", "mR3", "xL6", "aB8"].concat()
    }

    /// A candidate's header and scheme.
    type HeaderAndScheme = (Option<String>, Option<String>);

    /// The header and scheme of the candidate that holds the token, in `text` read as `kind`.
    fn header_of(text: &str, kind: Kind) -> Option<HeaderAndScheme> {
        let text = text.replace("{T}", &token());
        extract_all(text.as_bytes(), kind)
            .into_iter()
            .find(|c| c.secret() == token())
            .map(|c| (c.header, c.scheme))
    }

    #[test]
    fn a_slot_below_a_header_name_is_that_header() {
        let bearer = Some((
            Some("Authorization".to_string()),
            Some("Bearer".to_string()),
        ));
        let rows: &[(&str, Kind, Option<HeaderAndScheme>)] = &[
            (
                "httpHeaders:\n  - name: Authorization\n    value: Bearer {T}\n",
                Kind::Yaml,
                bearer.clone(),
            ),
            (
                "{\n  \"key\": \"Authorization\",\n  \"value\": \"Bearer {T}\"\n}\n",
                Kind::Json,
                bearer.clone(),
            ),
            (
                "header {\n  name  = \"Authorization\"\n  value = \"Bearer {T}\"\n}\n",
                Kind::Hcl,
                bearer,
            ),
            (
                "- name: Authorization\n  value: SSWS {T}\n",
                Kind::Yaml,
                Some((Some("Authorization".to_string()), Some("SSWS".to_string()))),
            ),
            (
                "- name: X-Api-Key\n  value: {T}\n",
                Kind::Yaml,
                Some((Some("X-Api-Key".to_string()), None)),
            ),
        ];
        for (text, kind, want) in rows {
            assert_eq!(&header_of(text, *kind), want, "{text}");
        }
    }

    #[test]
    fn a_slot_below_another_name_has_no_header() {
        let rows: &[(&str, Kind)] = &[
            ("- name: X-Request-Id\n  value: {T}\n", Kind::Yaml),
            (
                "- name: Authorization\n  - other: x\n    value: {T}\n",
                Kind::Yaml,
            ),
            ("env:\n  - name: MODE\n    value: {T}\n", Kind::Yaml),
        ];
        for (text, kind) in rows {
            let got = header_of(text, *kind);
            assert!(
                got.as_ref().is_none_or(|(h, _)| h.is_none()),
                "{text}: {got:?}"
            );
        }
    }
}
