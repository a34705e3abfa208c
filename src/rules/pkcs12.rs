//! What a PKCS#12 file (`.p12`, `.pfx`) holds, read without its password.
//!
//! The keystore inspector reports a key store only if it holds something to leak. A PKCS#12
//! file's outer structure is readable without the password (RFC 7292 §4): a `PFX` holds an
//! `AuthenticatedSafe`, a sequence of `ContentInfo`s, each either plain `data` (its
//! `SafeBag`s readable: private keys, certificates, secrets) or encrypted (`encryptedData`,
//! `envelopedData`: the bags are hidden). So a file is known empty of secrets only when
//! every part is readable and holds no key bag and no secret bag, as an empty store or a
//! trust store of certificates in the clear; anything encrypted, unreadable or unknown
//! counts as holding secrets.
//!
//! Parsing is BER (some tools write indefinite lengths), with `yasna`.

use yasna::models::ObjectIdentifier;
use yasna::{BERReader, Tag};

/// `id-data` (PKCS#7, RFC 2315 §14).
const DATA: &[u64] = &[1, 2, 840, 113549, 1, 7, 1];
/// `id-encryptedData` and `id-envelopedData` (RFC 2315 §14): bags hidden by the password.
const ENCRYPTED_DATA: &[u64] = &[1, 2, 840, 113549, 1, 7, 6];
const ENVELOPED_DATA: &[u64] = &[1, 2, 840, 113549, 1, 7, 3];
/// `pkcs-12 bagtypes` (RFC 7292 Appendix D): keyBag .1, pkcs8ShroudedKeyBag .2, certBag
/// .3, crlBag .4, secretBag .5, safeContentsBag .6.
const BAG_TYPES: &[u64] = &[1, 2, 840, 113549, 1, 12, 10, 1];

/// How many bags of each kind a file holds, as far as it can be read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Contents {
    pub private_keys: usize,
    pub certificates: usize,
    pub secrets: usize,
    /// Encrypted parts, whose bags cannot be counted without the password.
    pub encrypted_parts: usize,
    /// Bags of a type this reader does not know.
    pub unknown_bags: usize,
}

impl Contents {
    /// Nothing to leak: no key, no secret, nothing hidden or unknown.
    pub fn is_empty_of_secrets(&self) -> bool {
        self.private_keys == 0
            && self.secrets == 0
            && self.encrypted_parts == 0
            && self.unknown_bags == 0
    }

    /// What the file holds, for a finding's title: "1 private key, 2 certificates".
    pub fn describe(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.private_keys > 0 {
            parts.push(plural(self.private_keys, "private key", "private keys"));
        }
        if self.secrets > 0 {
            parts.push(plural(self.secrets, "secret", "secrets"));
        }
        if self.certificates > 0 {
            parts.push(plural(self.certificates, "certificate", "certificates"));
        }
        if self.encrypted_parts > 0 {
            parts.push(plural(
                self.encrypted_parts,
                "password-encrypted part",
                "password-encrypted parts",
            ));
        }
        if self.unknown_bags > 0 {
            parts.push(plural(self.unknown_bags, "unknown bag", "unknown bags"));
        }
        if parts.is_empty() {
            "nothing".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// Reads a PKCS#12 file's bags; `None` if `der` is not a PKCS#12 file this reader can
/// follow (the caller then reports it, unread).
pub fn contents(der: &[u8]) -> Option<Contents> {
    let auth_safe = yasna::parse_ber(der, |reader| {
        reader.read_sequence(|pfx| {
            let version = pfx.next().read_u64()?;
            let (content_type, content) = content_info(pfx.next())?;
            // macData (password integrity): present or not, it holds no secret.
            pfx.read_optional(|mac| mac.read_der())?;
            Ok((version, content_type, content))
        })
    })
    .ok()?;
    let (version, content_type, content) = auth_safe;
    // Version 3 is the only one RFC 7292 defines; public-key integrity mode (signedData)
    // is not followed.
    if version != 3 || content_type.components().as_slice() != DATA {
        return None;
    }
    let safe_bytes = octet_string(&content?)?;
    let mut found = Contents::default();
    let parts: Vec<(ObjectIdentifier, Option<Vec<u8>>)> =
        yasna::parse_ber(&safe_bytes, |r| r.collect_sequence_of(content_info)).ok()?;
    for (content_type, content) in parts {
        let oid = content_type.components().as_slice();
        if oid == DATA {
            let bags = octet_string(&content?)?;
            count_bags(&bags, &mut found, 0)?;
        } else if oid == ENCRYPTED_DATA || oid == ENVELOPED_DATA {
            found.encrypted_parts += 1;
        } else {
            return None;
        }
    }
    Some(found)
}

/// A `ContentInfo`: its type, and its `[0] EXPLICIT` content as raw BER, if present.
fn content_info(
    reader: BERReader<'_, '_>,
) -> yasna::ASN1Result<(ObjectIdentifier, Option<Vec<u8>>)> {
    reader.read_sequence(|info| {
        let content_type = info.next().read_oid()?;
        let content = info.read_optional(|r| r.read_tagged(Tag::context(0), |r| r.read_der()))?;
        Ok((content_type, content))
    })
}

/// The bytes of a BER OCTET STRING (constructed or not).
fn octet_string(ber: &[u8]) -> Option<Vec<u8>> {
    yasna::parse_ber(ber, |r| r.read_bytes()).ok()
}

/// Counts the bags of a `SafeContents` into `found`; a `safeContentsBag` nests another
/// one (followed to a bounded depth).
fn count_bags(safe_contents: &[u8], found: &mut Contents, depth: usize) -> Option<()> {
    if depth > 8 {
        return None;
    }
    let bags: Vec<(ObjectIdentifier, Vec<u8>)> = yasna::parse_ber(safe_contents, |r| {
        r.collect_sequence_of(|bag| {
            bag.read_sequence(|bag| {
                let bag_id = bag.next().read_oid()?;
                let value = bag.next().read_tagged(Tag::context(0), |r| r.read_der())?;
                bag.read_optional(|attributes| attributes.read_der())?;
                Ok((bag_id, value))
            })
        })
    })
    .ok()?;
    for (bag_id, value) in bags {
        let oid = bag_id.components().as_slice();
        let kind = match oid.split_last() {
            Some((&last, prefix)) if prefix == BAG_TYPES => last,
            _ => 0,
        };
        match kind {
            1 | 2 => found.private_keys += 1,
            3 | 4 => found.certificates += 1,
            5 => found.secrets += 1,
            6 => count_bags(&value, found, depth + 1)?,
            _ => found.unknown_bags += 1,
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use yasna::DERWriter;

    fn oid(components: &[u64]) -> ObjectIdentifier {
        ObjectIdentifier::from_slice(components)
    }

    fn bag_type(last: u64) -> ObjectIdentifier {
        let mut components = BAG_TYPES.to_vec();
        components.push(last);
        oid(&components)
    }

    /// A `SafeContents` with one bag per entry of `kinds` (bag type numbers).
    fn safe_contents(kinds: &[u64]) -> Vec<u8> {
        yasna::construct_der(|w| {
            w.write_sequence_of(|w| {
                for &kind in kinds {
                    w.next().write_sequence(|w| {
                        w.next().write_oid(&bag_type(kind));
                        w.next().write_tagged(Tag::context(0), |w| {
                            w.write_bytes(b"bag value");
                        });
                    });
                }
            });
        })
    }

    fn write_content_info(w: DERWriter<'_>, content_type: &[u64], octets: &[u8]) {
        w.write_sequence(|w| {
            w.next().write_oid(&oid(content_type));
            w.next()
                .write_tagged(Tag::context(0), |w| w.write_bytes(octets));
        });
    }

    /// A PFX whose `AuthenticatedSafe` holds `parts`: (content type, content octets).
    fn pfx(parts: &[(&[u64], Vec<u8>)]) -> Vec<u8> {
        let auth_safe = yasna::construct_der(|w| {
            w.write_sequence_of(|w| {
                for (content_type, octets) in parts {
                    write_content_info(w.next(), content_type, octets);
                }
            });
        });
        yasna::construct_der(|w| {
            w.write_sequence(|w| {
                w.next().write_u8(3);
                write_content_info(w.next(), DATA, &auth_safe);
                w.next().write_sequence(|w| w.next().write_bytes(b"mac"));
            });
        })
    }

    #[test]
    fn an_empty_store_holds_nothing() {
        let found = contents(&pfx(&[])).unwrap();
        assert!(found.is_empty_of_secrets());
        assert_eq!(found.describe(), "nothing");
    }

    #[test]
    fn a_trust_store_of_certificates_in_the_clear_holds_no_secret() {
        let found = contents(&pfx(&[(DATA, safe_contents(&[3, 3]))])).unwrap();
        assert!(found.is_empty_of_secrets());
        assert_eq!(found.certificates, 2);
    }

    #[test]
    fn keys_secrets_and_encrypted_parts_are_counted() {
        let file = pfx(&[
            (DATA, safe_contents(&[2, 3])),
            (ENCRYPTED_DATA, b"ciphertext".to_vec()),
            (DATA, safe_contents(&[5])),
        ]);
        let found = contents(&file).unwrap();
        assert!(!found.is_empty_of_secrets());
        assert_eq!(
            found.describe(),
            "1 private key, 1 secret, 1 certificate, 1 password-encrypted part"
        );
    }

    #[test]
    fn nested_safe_contents_are_followed() {
        let nested = yasna::construct_der(|w| {
            w.write_sequence_of(|w| {
                w.next().write_sequence(|w| {
                    w.next().write_oid(&bag_type(6));
                    w.next().write_tagged(Tag::context(0), |w| {
                        w.write_der(&safe_contents(&[1]));
                    });
                });
            });
        });
        let found = contents(&pfx(&[(DATA, nested)])).unwrap();
        assert_eq!(found.private_keys, 1);
    }

    #[test]
    fn what_cannot_be_followed_is_not_read_as_empty() {
        assert_eq!(contents(b"not der at all"), None);
        // Truncated: the inspector sees only the head of a file it could not read whole.
        let file = pfx(&[(DATA, safe_contents(&[3]))]);
        assert_eq!(contents(&file[..file.len() - 4]), None);
        // An unknown content type in the AuthenticatedSafe.
        assert_eq!(contents(&pfx(&[(&[1, 2, 3, 4], b"x".to_vec())])), None);
    }
}
