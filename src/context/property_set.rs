//! Values set through a property object rather than assigned: Gradle's lazy property API
//! (`credentials { username.set("deploy"); password.set("v") }`, the Nexus publishing
//! plugin's `sonatype { password.set("v") }`, `signingPassword.convention("v")`), Kotlin's
//! and Java's observable holders (`apiToken.set("v")`; `apiKey.value = ...` is an assignment the
//! lexer reads already).
//!
//! The lexer names a call's first argument by a setter in the call's own name
//! (`setApiKey("v")`); here the setter is generic (`set`, `convention`, `setValue`) and the
//! name is the receiver's (`password` in `password.set`). This pass gives such an argument
//! the receiver's name when that name names a credential
//! ([`super::names::names_secret`]). Only this line's unnamed string arguments of a call
//! whose callee ends so are looked at: a few byte comparisons per candidate.

use super::{Candidate, Origin};

/// The generic setters of property objects, as the callee's last part.
const SETTERS: &[&str] = &["set", "convention", "setValue"];

/// Names each unnamed argument in `out[first..]` passed to `<name>.set(...)` (and the other
/// [`SETTERS`]) by `<name>`, when `<name>` names a credential.
pub(super) fn candidates(first: usize, out: &mut [Candidate]) {
    for cand in out.iter_mut().skip(first) {
        if cand.origin != Origin::Argument || !cand.key.is_empty() {
            continue;
        }
        let Some(receiver) = cand.callee.as_deref().and_then(receiver_of_setter) else {
            continue;
        };
        if super::names::names_secret(receiver) {
            cand.key = receiver.to_string();
        }
    }
}

/// `password` in `password.set`, `credentials.password.set`, `this.apiKey.convention`.
fn receiver_of_setter(callee: &str) -> Option<&str> {
    let (path, setter) = callee.rsplit_once('.')?;
    if !SETTERS.contains(&setter) {
        return None;
    }
    let receiver = path.rsplit(['.', ':']).next()?;
    let word = receiver
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    (word && !receiver.is_empty()).then_some(receiver)
}

#[cfg(test)]
mod tests {
    use super::receiver_of_setter;

    #[test]
    fn the_receiver_of_a_generic_setter_names_the_value() {
        let rows = [
            ("password.set", Some("password")),
            ("credentials.password.set", Some("password")),
            ("signingPassword.convention", Some("signingPassword")),
            ("this.apiKey.setValue", Some("apiKey")),
            ("password.get", None),
            ("set", None),
            ("map.put", None),
            ("headers().set", None),
        ];
        for (callee, want) in rows {
            assert_eq!(receiver_of_setter(callee), want, "{callee}");
        }
    }
}
