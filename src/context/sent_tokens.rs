//! Hex and UUID credentials sent in an `Authorization` header after a token scheme.
//!
//! The shared classifier drops 32 to 128 hex digits (they read like a digest: a commit id, a
//! lockfile checksum) and [`super::shapes`] lets only a password's name vouch for them, since
//! under a key's or a token's name they are as often a test vector. A header is different:
//! `Authorization: Token <40 hex>` (Django REST framework's tokens are 40 hex,
//! django-rest-framework.org/api-guide/authentication/#tokenauthentication) and
//! `Authorization: Bearer <hex>` or `Bearer <uuid>` (many APIs issue random hex or UUID
//! tokens) *send* the value as the credential of a request, in code (`headers: {...}`),
//! `curl -H` lines and config alike. A digest is never sent under those schemes, so the
//! scheme vouches for the shape; stand-ins (`0000...`, `abcdef...`, few distinct digits)
//! stay dropped.

use super::shapes::Shape;
use super::Candidate;

/// The schemes that send a bearer credential as is (RFC 6750's `Bearer`, the `Token`
/// scheme of Django REST framework and other token-auth servers).
const TOKEN_SCHEMES: &[&str] = &["bearer", "token"];

/// Whether `cand`, whose value `value` has `shape`, is sent as a token by its header's
/// scheme, so that the shape is the credential's own.
pub(super) fn vouched(shape: Shape, value: &str, cand: &Candidate) -> bool {
    if !matches!(shape, Shape::Hex | Shape::Uuid) {
        return false;
    }
    let Some(scheme) = cand.scheme.as_deref() else {
        return false;
    };
    if !TOKEN_SCHEMES.iter().any(|s| scheme.eq_ignore_ascii_case(s)) {
        return false;
    }
    if super::stand_in::placeholder::is_placeholder(value)
        || super::stand_in::placeholder::is_sequence_filler(value)
    {
        return false;
    }
    let mut seen = [false; 256];
    value.bytes().for_each(|b| seen[b as usize] = true);
    seen.iter().filter(|s| **s).count() >= 10
}
