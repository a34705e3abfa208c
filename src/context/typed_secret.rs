//! Signing secrets a person picks, judged as typed passwords (issue 13, recall; session 15,
//! branch `recall15`, from `tuning_real10`'s misses).
//!
//! The generic rules take a value of letters in one case for a name (`uvzhmasqxezy` passes
//! for an identifier), and a value of words and digits for words. Under a password's name
//! [`super::password_value`] judges such a value by how rare its pieces are instead. A
//! secret that signs sessions or tokens is chosen the same way, by a person, in the
//! frameworks' own setup steps: Flask's `app.secret_key = "..."` and Django's
//! `SECRET_KEY` (the docs ask for "a long random string", and tutorials type one), the
//! second argument of `jwt.sign(payload, secret)` and `jwt.encode(payload, key)`, a
//! `JWT_SECRET`, `SESSION_SECRET` or `COOKIE_SECRET`, ASP.NET's `"Jwt": {"Key": ...}`. Real
//! code writes `hibbidybibiddyboo`, `minhachavesecreta` or a sentence run together there.
//!
//! [`names_typed_secret`] says which names vouch for a typed secret; the caller then asks
//! the same question as for a password ([`super::classify::judge_typed_password`]): words,
//! sequences, repeats, stand-ins (`secretkey`, `changeme`, `mysecret123`), code and
//! references stay unreported. Names of generated secrets (`client_secret`, `api_secret`,
//! `secret_access_key`, a token's `secret`) are not listed: a provider draws those, so one
//! that reads as a name is a name.

use super::rule::normalize;

/// Ends of a normalized name (lowercase, no separators) that name a signing secret someone
/// sets: `SECRET_KEY`, `app.secret_key`, `JWT_SECRET`, `jwtSecretKey`, `SESSION_SECRET`,
/// `cookie_secret`, `signing_key`, `JWT_KEY`.
const SIGNING_NAMES: [&str; 7] = [
    "secretkey",
    "jwtsecret",
    "jwtkey",
    "sessionsecret",
    "cookiesecret",
    "signingsecret",
    "signingkey",
];

/// Whether the value under `name` (normalized), nested under `parent` (as written, the
/// nearest enclosing key), is a signing secret a person may have typed. `from_call` says the
/// candidate is a signing call's argument (`super::positional` names those `secret`:
/// `jwt.sign(payload, "v")`, `hmac.new("v", msg)`).
pub(super) fn names_typed_secret(name: &str, parent: Option<&str>, from_call: bool) -> bool {
    if from_call && name == "secret" {
        return true;
    }
    if SIGNING_NAMES.iter().any(|n| name.ends_with(n)) {
        // Not a reference to one (`secret_key_ref`, `SECRET_KEY_FILE`, `jwt_key_id`): those
        // end past the signing name.
        return true;
    }
    // ASP.NET's `"Jwt": {"Key": "..."}` (`builder.Configuration["Jwt:Key"]`), a JWT
    // settings block's `secret`.
    parent_may_vouch(name) && parent.is_some_and(|p| normalize(p).contains("jwt"))
}

/// Whether `name` is one a JWT settings block's parent can vouch for: only then is the
/// parent worth finding, which may read back far through a large file.
pub(super) fn parent_may_vouch(name: &str) -> bool {
    matches!(name, "key" | "secret" | "signingkey" | "secretkey")
}

#[cfg(test)]
mod tests {
    use super::names_typed_secret;

    #[test]
    fn signing_names_vouch_and_others_do_not() {
        for name in [
            "secretkey",
            "appsecretkey",
            "jwtsecret",
            "sessionsecret",
            "jwtkey",
        ] {
            assert!(names_typed_secret(name, None, false), "{name}");
        }
        assert!(names_typed_secret("secret", None, true));
        assert!(names_typed_secret("key", Some("Jwt"), false));
        assert!(names_typed_secret("secret", Some("jwtSettings"), false));
        for name in [
            "secret",
            "clientsecret",
            "apisecret",
            "secretaccesskey",
            "secretkeyref",
            "secretkeyfile",
            "token",
            "key",
            "apikey",
        ] {
            assert!(!names_typed_secret(name, None, false), "{name}");
        }
        assert!(!names_typed_secret("key", Some("redis"), false));
    }
}
