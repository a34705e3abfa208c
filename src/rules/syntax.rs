//! The on-disk rule format of SPEC §5, as serde types.
//!
//! These types are only the file's shape; [`super::Rule`] is the checked, ready-to-run form.
//! `deny_unknown_fields` everywhere: a misspelt key in a rule file is an error naming the
//! file, never a rule that silently does less than its author meant.

use crate::finding::{Confidence, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One rule file: a list of `[[rule]]` tables.
#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
}

/// One `[[rule]]` table.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: SpecText,
    pub title: SpecText,
    #[serde(default)]
    pub provider: Option<SpecText>,
    /// The pattern; group 1 or a group named `secret` is the secret.
    #[serde(default)]
    pub regex: Option<SpecText>,
    /// The rule runs only near one of these (matched case-insensitively).
    #[serde(default)]
    pub keywords: Vec<SpecText>,
    /// Where a keyword must sit to wake the rule: `word` (its name starts a word part:
    /// `box` wakes the rule in `BOX_SECRET`, `box.secret`, `boxSecret`, `myBoxSecret`, not
    /// in `inbox` or `CHECKBOX`) or `anywhere` (a token prefix inside other text). When
    /// omitted, `word` if the regex itself only accepts the name at a word start (the
    /// catalog's `(?:^|[^A-Za-z0-9])(?i:box)|[a-z0-9](?:Box)` form), else `anywhere`.
    #[serde(default)]
    pub keyword_boundary: Option<KeywordBoundary>,
    /// The keyword may sit on another line than the secret (a `discord` import above a
    /// token): run on a wide window around the keyword, not on its line alone. Rules whose
    /// regex itself spans lines get the wide window without saying so.
    #[serde(default)]
    pub multiline: bool,
    /// A catch-all rule (`password = ...`): its hit is dropped where a specific rule's hit
    /// overlaps it, so one secret is reported once, by the rule that knows its issuer.
    #[serde(default)]
    pub fallback: bool,
    /// Minimum Shannon entropy of the secret, in bits per character.
    #[serde(default)]
    pub min_entropy: Option<f64>,
    /// A named validator (see `rules::validator`); the key is `checksum` for history's
    /// sake, `validator` is accepted too.
    #[serde(default, alias = "validator")]
    pub checksum: Option<SpecText>,
    /// Only in paths that match this regex. With no `regex`, the rule is a sensitive-file rule.
    #[serde(default)]
    pub path: Option<SpecText>,
    /// For a sensitive-file rule: the file is a finding only if its content matches this
    /// regex (a `.npmrc` holding a token, a `.pem` holding a private key).
    #[serde(default)]
    pub content: Option<SpecText>,
    /// For a sensitive-file rule: a named inspector that reads the file and decides
    /// (`terraform-state`, `keystore`, `private-key`; see `rules::inspect`).
    #[serde(default)]
    pub inspect: Option<SpecText>,
    /// Texts the rule must match (real format, fake values).
    #[serde(default)]
    pub examples: Deferred<Vec<SpecText>>,
    /// Texts the rule must not match.
    #[serde(default)]
    pub negative_examples: Deferred<Vec<SpecText>>,
    /// For sensitive-file rules: paths that must match / must not match.
    #[serde(default)]
    pub path_examples: Deferred<Vec<SpecText>>,
    #[serde(default)]
    pub path_negative_examples: Deferred<Vec<SpecText>>,
    #[serde(default)]
    pub remediation: Option<SpecText>,
    /// How to ask the issuer whether the secret is live (`--verify`).
    #[serde(default)]
    pub verify: Option<Deferred<VerifySpec>>,
    /// How `leakgate revoke` asks the issuer to revoke the secret (docs/revoke.md).
    #[serde(default)]
    pub revoke: Option<Deferred<RevokeSpec>>,
    /// How much harm a leak of this secret does; `high` when omitted.
    #[serde(default)]
    pub severity: Option<Severity>,
    /// Overrides the confidence derived from the rule's shape (see `Rule::confidence`).
    #[serde(default)]
    pub confidence: Option<Confidence>,
    /// Published values of this format that are not secrets (emulator keys, documentation
    /// samples): never reported, by this rule or any other.
    #[serde(default)]
    pub known_public: Vec<KnownPublicSpec>,
    /// A context rule's value shape (`[rule.value]`): instead of a `regex`, the context
    /// engine finds key/value candidates and this says which values qualify. Deferred
    /// (read when the context rule is built, on first use).
    #[serde(default)]
    pub value: Option<Deferred<ValueSpec>>,
    /// A context rule's anchors (`[[rule.context]]`): a candidate qualifies if it meets
    /// every condition of any one of them. See docs/context-rules.md. Deferred: a start
    /// reads only whether there are any ([`Deferred::is_empty`]); the 814 built-in anchors'
    /// word lists were most of the pre-parsed form's 2,200 allocations (issue 17).
    #[serde(default)]
    pub context: Deferred<Vec<ContextSpec>>,
}

/// `keyword_boundary`: where a rule's keyword must sit in the text to wake the rule.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum KeywordBoundary {
    /// A keyword whose first character is a letter or digit must start a word part: the
    /// character before it is neither a letter nor a digit, or a lowercase letter or digit
    /// before an uppercase first letter (camelCase). Keywords that start with punctuation
    /// (`$1$`, `:$2`) are not affected.
    Word,
    /// Anywhere, also inside a longer word or token.
    Anywhere,
}

/// `[rule.value]`: what a context rule's secret looks like.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ValueSpec {
    /// The characters allowed, as the inside of a regex class (`0-9a-f`, `A-Za-z0-9_\-`).
    #[serde(default)]
    pub charset: Option<SpecText>,
    #[serde(default)]
    pub min_length: Option<usize>,
    /// A shorter value, down to this many characters, is accepted only when it looks
    /// drawn through and through: letters mixed with digits, at least three quarters of it
    /// outside words, sequences and repeats (a 10-character OAuth client secret). Unset: no
    /// value under `min_length`.
    #[serde(default)]
    pub rare_min_length: Option<usize>,
    #[serde(default)]
    pub max_length: Option<usize>,
    /// Minimum Shannon entropy, bits per character.
    #[serde(default)]
    pub min_entropy: Option<f64>,
    /// A named validator, as `checksum` of a regex rule.
    #[serde(default)]
    pub validator: Option<SpecText>,
    /// Require that the value looks generated, not made of words (default true).
    #[serde(default)]
    pub generated: Option<bool>,
    /// In minified bundles and source maps, only a quoted value qualifies (default true
    /// for `fallback` rules).
    #[serde(default)]
    pub quoted_in_bundles: Option<bool>,
    /// A regex the whole value must match, for a shape a charset cannot say
    /// (`[A-Za-z0-9]{6}\.[A-Za-z0-9]{6}:[A-Za-z0-9_\-]{43}`).
    #[serde(default)]
    pub pattern: Option<SpecText>,
    /// Values that start with one of these (ASCII case ignored) are not this rule's: the
    /// prefixed token a one-regex rule of the provider finds anywhere (`django-insecure-`,
    /// which `django-secret-key` reports; `django-secret-key-named` reads the same setting
    /// by name and leaves it), so one secret gives one finding.
    #[serde(default)]
    pub not_prefix: Vec<SpecText>,
}

/// One `[[rule.context]]` anchor. Words are compared case-insensitively with `_`, `-`, `.`
/// and spaces removed on both sides (`api_key` matches `X-Api-Key` and `apiKey`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ContextSpec {
    /// The value's own key holds one of these words.
    #[serde(default)]
    pub key: Vec<SpecText>,
    /// The key or one of the keys it is nested under holds one of these words.
    #[serde(default)]
    pub key_path: Vec<SpecText>,
    /// The value's own key holds none of these words.
    #[serde(default)]
    pub not_key: Vec<SpecText>,
    /// The value is passed to (or is a keyword argument of) a call whose name holds one of
    /// these words.
    #[serde(default)]
    pub callee: Vec<SpecText>,
    /// The value is sent in an HTTP header with one of these names.
    #[serde(default)]
    pub header: Vec<SpecText>,
    /// The value was written after one of these Authorization schemes (`SSWS`,
    /// `AccessKey`): a provider's own scheme names the provider.
    #[serde(default)]
    pub scheme: Vec<SpecText>,
    /// A URL on the value's line or the lines near it has a host holding one of these.
    #[serde(default)]
    pub host: Vec<SpecText>,
    /// One of these words is written on the value's line or on the few lines above it
    /// (`# deepgram` after the value, a `[deepgram]` heading, a provider-named call).
    #[serde(default)]
    pub near: Vec<SpecText>,
    /// The whole file is the secret when its path matches this regex.
    #[serde(default)]
    pub file: Option<SpecText>,
    /// The file's path matches this regex (an account store or a tool's config file, found
    /// by where it lives); such a file is read whole, keywords or not.
    #[serde(default)]
    pub path: Option<SpecText>,
}

/// One `known_public` entry: a value everyone can read (the Azurite emulator's account key,
/// AWS's documentation key), named by its SHA-256 so that the engine compares digests, with
/// the reason it is public and an example text in which the rule finds it. `rules check`
/// proves the example's secret has that digest and is not reported, and prints the reason.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct KnownPublicSpec {
    /// Lowercase hex SHA-256 of the secret as the rule captures it.
    pub value_sha256: SpecText,
    /// Why the value is public, with where it is published.
    pub reason: SpecText,
    /// A text in which the rule (without this entry) finds the value.
    pub example: SpecText,
}

/// The `[rule.verify]` table: HTTP requests and how to read their answers, or a named
/// built-in verifier.
///
/// Checked when the rule loads (`verify::spec::VerifyPlan::from_spec`), so a bad table is a
/// load error naming the file. docs/verify.md documents every field with an example.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct VerifySpec {
    /// A named built-in verifier (`speckle`, `spell`), for checks a table cannot say.
    #[serde(default)]
    pub builtin: Option<String>,
    /// The name under which `[verify.endpoints]` may override the base URL (the scheme,
    /// host and port of `url`).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// HTTP method; default `GET`.
    #[serde(default)]
    pub method: Option<String>,
    /// The issuer's URL; `{{secret}}` may appear in its path or query, never in its host.
    #[serde(default)]
    pub url: Option<String>,
    /// Request headers; values may hold `{{secret}}`.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Request body; may hold `{{secret}}` (escaped for JSON or form bodies).
    #[serde(default)]
    pub body: Option<String>,
    /// `user:password` template sent as HTTP Basic authentication, e.g. `"{{secret}}:"`.
    #[serde(default)]
    pub basic_auth: Option<String>,
    /// Several requests tried in order (`[[rule.verify.attempt]]`), each taking the table's
    /// request fields as defaults: the first that is accepted makes the secret live, and it
    /// is dead only if every attempt says dead.
    #[serde(default)]
    pub attempt: Vec<AttemptSpec>,
    /// How answers are read (`[[rule.verify.when]]`), first match wins; an answer no entry
    /// matches is `unknown`.
    #[serde(default)]
    pub when: Vec<WhenSpec>,
    /// Who else issues secrets of this shape that the rule's URLs cannot check (GitHub
    /// Enterprise Server, self-managed GitLab): a rejection from the default URLs is then
    /// `unknown`, naming the server asked and the `[verify.endpoints]` key to set.
    #[serde(default)]
    pub also_issued_by: Option<String>,
    /// A regex over the secret whose group 1 fills `{{label}}`, the first label of the
    /// issuer's host (`https://{{label}}.api.mailchimp.com`, the datacenter a Mailchimp key
    /// ends with). The value must be letters, digits and hyphens; the rest of the host is the
    /// rule's fixed suffix, https only.
    #[serde(default)]
    pub host_label: Option<String>,
    /// Fill `{{label}}` from a server the content names (`server_hint`) whose host is
    /// exactly `{label}.{the URL's fixed suffix}` (`acme.myshopify.com`): the customer's name
    /// in the issuer's own domain, nothing else.
    #[serde(default)]
    pub host_label_from_content: bool,
    /// A regex the secret must match to be sent to the rule's own URLs (without a
    /// `[verify.endpoints]` override): a GitLab token with an instance prefix
    /// (`acme-glpat-...`) belongs to a self-managed instance and is never sent to gitlab.com.
    #[serde(default)]
    pub default_accepts: Option<String>,
    /// A regex run over the file that holds the secret; its first group that takes part in a
    /// match is a server URL the
    /// content names (`SPECKLE_SERVER=...`). Never contacted: a rejection from another host
    /// is `unknown` and names it.
    #[serde(default)]
    pub server_hint: Option<String>,
    /// A regex run over the file that holds the secret; its first group that takes part in
    /// the match nearest the secret is the other part of a two-part credential (the access key id that goes
    /// with an AWS secret access key). Given only to a built-in verifier that needs it;
    /// never reported.
    #[serde(default)]
    pub companion: Option<String>,
    /// Recorded answers of the issuer (`[[rule.verify.sample]]`), replayed by `rules check`.
    #[serde(default)]
    pub sample: Vec<SampleSpec>,
    /// Old form: statuses that mean accepted (default `[200]`). Use `when` instead.
    #[serde(default)]
    pub live_status: Vec<u16>,
    /// Old form: statuses that mean rejected; must be given (there is no default).
    #[serde(default)]
    pub dead_status: Vec<u16>,
    /// Response header holding the token's scopes, comma- or space-separated.
    #[serde(default)]
    pub scopes_header: Option<String>,
    /// Old form: JSON pointer that must hold `live_json_value` (or, without it, any value
    /// other than `null` and `false`) for a live status to count as live.
    #[serde(default)]
    pub live_json_pointer: Option<String>,
    #[serde(default)]
    pub live_json_value: Option<TomlValue>,
    /// Old form: JSON pointer whose value, when one of `dead_json_values`, makes a
    /// live-status answer dead (Slack's `"error": "invalid_auth"`).
    #[serde(default)]
    pub dead_json_pointer: Option<String>,
    #[serde(default)]
    pub dead_json_values: Vec<String>,
    /// JSON pointer to an array or string of scopes in the answer.
    #[serde(default)]
    pub scopes_json_pointer: Option<String>,
    /// JSON pointer to who the token belongs to (a login, an email, an id), shown in the
    /// result's detail.
    #[serde(default)]
    pub identity_json_pointer: Option<String>,
}

/// One `[[rule.verify.attempt]]`: a request whose unset fields come from the table.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AttemptSpec {
    /// Names the attempt in details (`EU`, `account token`).
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// Replace the table's headers (not merged).
    #[serde(default)]
    pub headers: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub basic_auth: Option<String>,
}

/// One `[[rule.verify.when]]`: an answer shape and what it means.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WhenSpec {
    /// The statuses this entry matches (required).
    #[serde(default)]
    pub status: Vec<u16>,
    /// A JSON pointer into the answer's body that must hold one of `equals` (or, without
    /// `equals`, any value but `null` and `false`).
    #[serde(default)]
    pub json: Option<String>,
    #[serde(default)]
    pub equals: Vec<TomlValue>,
    /// Text the body must contain.
    #[serde(default)]
    pub body_contains: Option<String>,
    /// `live`, `dead` or `unknown`.
    pub means: String,
    /// Added to the detail (`the token lacks the scope this call needs`).
    #[serde(default)]
    pub note: Option<String>,
}

/// One `[[rule.verify.sample]]`: an answer the issuer gives, with where it is documented.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SampleSpec {
    /// What the secret is in this case: `live`, `missing-scope`, `invalid`, `revoked`,
    /// `expired`, `other-region`, `other-deployment`, `refresh-token` or `ip-restricted` (a
    /// live secret used from an address outside its allow-list).
    pub case: SpecText,
    pub status: u16,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    pub body: SpecText,
    /// The status the verifier must map it to: `live`, `dead` or `unknown`.
    pub expect: SpecText,
    /// The documentation page or server source file the answer is taken from.
    pub source: SpecText,
}

/// The `[rule.revoke]` table: the one request that asks the issuer to revoke the secret
/// (`leakgate revoke`), and how to read the answer; or a named built-in revoker.
///
/// Checked when the rule loads (`rules::revoke_plan::RevokePlan::from_spec`) by the same URL
/// policy as `[rule.verify]`. docs/revoke.md documents every field.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RevokeSpec {
    /// A named built-in revoker (`speckle`), for requests a table cannot say.
    #[serde(default)]
    pub builtin: Option<String>,
    /// The `[verify.endpoints]` name whose base URL replaces the origin of `url` (a
    /// self-managed GitLab, a self-hosted Speckle server).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// HTTP method; default `POST`.
    #[serde(default)]
    pub method: Option<String>,
    /// The issuer's revocation URL; `{{secret}}` may sit in its path or query only.
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Request body; may hold `{{secret}}` (escaped for JSON or form bodies).
    #[serde(default)]
    pub body: Option<String>,
    /// The provider's page that documents this request and its answers.
    #[serde(default)]
    pub docs: Option<String>,
    /// Who else issues secrets of this shape (see `VerifySpec::also_issued_by`): a rejection
    /// from the default URL then does not prove the secret invalid.
    #[serde(default)]
    pub also_issued_by: Option<String>,
    /// A regex the secret must match to be sent to the default URL (see
    /// `VerifySpec::default_accepts`).
    #[serde(default)]
    pub default_accepts: Option<String>,
    /// How answers are read (`[[rule.revoke.when]]`), first match wins; `means` is
    /// `revoked`, `submitted`, `invalid` or `failed`. An answer no entry matches is `failed`.
    #[serde(default)]
    pub when: Vec<WhenSpec>,
    /// Recorded answers of the issuer (`[[rule.revoke.sample]]`), replayed by the tests and
    /// `rules check`; `expect` is a `means`.
    #[serde(default)]
    pub sample: Vec<SampleSpec>,
}

/// A TOML value a verify table compares an answer with (`equals`, `live_json_value`).
///
/// In a rule file it is any TOML value. The built-in rules are also stored pre-parsed in a
/// compact binary form (`build.rs`, [`super::builtin`]) whose format cannot carry a value of
/// unknown type, so there (in any format that is not human-readable) it is written as the
/// value's JSON text, which is what the verifier turns it into anyway.
#[derive(Debug, Clone, PartialEq)]
pub struct TomlValue(pub toml::Value);

impl Serialize for TomlValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.0.serialize(serializer)
        } else {
            let json = serde_json::to_string(&self.0).map_err(serde::ser::Error::custom)?;
            serializer.serialize_str(&json)
        }
    }
}

impl<'de> Deserialize<'de> for TomlValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            toml::Value::deserialize(deserializer).map(TomlValue)
        } else {
            let json = String::deserialize(deserializer)?;
            serde_json::from_str(&json)
                .map(TomlValue)
                .map_err(serde::de::Error::custom)
        }
    }
}

/// A part of a rule table that a run seldom reads: the examples (read by `rules check`,
/// the tests and `--verify`'s sample replays) and the verify and revoke tables (read by
/// `--verify` and `revoke`). In the binary's pre-parsed built-in rules it is stored as its
/// own encoded bytes and decoded the first time it is read, so a start-up neither
/// allocates nor checks the text of 474 rules' examples and request tables (issue 17).
/// Parsed from a TOML file (user rules, `rules check`) it holds the value at once. Reads
/// as the value (`Deref`).
pub struct Deferred<T> {
    /// The value's encoded form, inside the embedded pre-parsed rules, until decoded.
    encoded: Option<&'static [u8]>,
    value: std::sync::OnceLock<Box<T>>,
}

impl<T> Deferred<T> {
    /// A value that is already decoded.
    pub fn new(value: T) -> Deferred<T> {
        let cell = std::sync::OnceLock::new();
        let _ = cell.set(Box::new(value));
        Deferred {
            encoded: None,
            value: cell,
        }
    }

    /// A value kept as its encoded bytes inside the embedded pre-parsed rules, decoded the
    /// first time it is read.
    pub(crate) fn encoded(bytes: &'static [u8]) -> Deferred<T> {
        Deferred {
            encoded: Some(bytes),
            value: std::sync::OnceLock::new(),
        }
    }

    /// Whether the value is still in its encoded form (never read yet).
    pub fn is_encoded(&self) -> bool {
        self.value.get().is_none()
    }

    /// The encoded bytes inside the embedded pre-parsed rules this value came from (kept
    /// once it is decoded too), `None` for a value parsed from TOML.
    pub(crate) fn encoded_bytes(&self) -> Option<&'static [u8]> {
        self.encoded
    }
}

impl<T: Deserialize<'static>> Deferred<Vec<T>> {
    /// Whether the list is empty, without decoding it: postcard writes a list as its
    /// length (a varint) and then its items, so the empty list is the single byte 0.
    pub fn is_empty(&self) -> bool {
        match (self.value.get(), self.encoded) {
            (Some(value), _) => value.is_empty(),
            (None, Some(encoded)) => encoded == [0],
            (None, None) => true,
        }
    }
}

impl<T: Deserialize<'static> + Default> std::ops::Deref for Deferred<T> {
    type Target = T;

    /// Decodes the value the first time. The encoded bytes are the build script's, and
    /// `rules::builtin::tests::the_preparsed_rules_equal_the_parsed_toml` decodes every one
    /// and compares it with the TOML; a binary in which one did not decode would read it
    /// as empty (no examples, no verify table), never panic.
    fn deref(&self) -> &T {
        self.value.get_or_init(|| {
            let decoded = self.encoded.map(postcard::from_bytes::<T>);
            debug_assert!(
                decoded.as_ref().is_none_or(Result::is_ok),
                "a pre-parsed rule table does not decode"
            );
            Box::new(decoded.and_then(Result::ok).unwrap_or_default())
        })
    }
}

impl<T: Deserialize<'static> + Default> Default for Deferred<T> {
    fn default() -> Self {
        Deferred::new(T::default())
    }
}

impl<T: Deserialize<'static> + Default> From<T> for Deferred<T> {
    fn from(value: T) -> Self {
        Deferred::new(value)
    }
}

impl<'a, T: Deserialize<'static>> IntoIterator for &'a Deferred<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: Clone> Clone for Deferred<T> {
    fn clone(&self) -> Self {
        Deferred {
            encoded: self.encoded,
            value: self.value.clone(),
        }
    }
}

impl<T: Deserialize<'static> + Default + PartialEq> PartialEq for Deferred<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Deserialize<'static> + Default + std::fmt::Debug> std::fmt::Debug for Deferred<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: Serialize + Deserialize<'static> + Default> Serialize for Deferred<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return (**self).serialize(serializer);
        }
        // Its own encoding, stored as bytes: the reader can keep them without decoding.
        let bytes = postcard::to_allocvec(&**self).map_err(serde::ser::Error::custom)?;
        serializer.serialize_bytes(&bytes)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Deferred<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            return T::deserialize(deserializer).map(Deferred::new);
        }
        let bytes = <&'de [u8]>::deserialize(deserializer)?;
        match crate::rules::builtin::embedded_bytes(bytes) {
            Some(encoded) => Ok(Deferred {
                encoded: Some(encoded),
                value: std::sync::OnceLock::new(),
            }),
            None => postcard::from_bytes(bytes)
                .map(Deferred::new)
                .map_err(serde::de::Error::custom),
        }
    }
}

/// A text value of a rule file. Read from the binary's pre-parsed built-in rules
/// (`rules::builtin::preparsed`) it borrows the embedded bytes: no allocation per field or
/// example, which was a third of a start-up's 44,000 allocations (issue 17). Parsed from a
/// TOML file (user rules, `rules check`) it owns its text. Reads as a `str`.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpecText(std::borrow::Cow<'static, str>);

impl SpecText {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the text is a reference into the embedded rules rather than a copy.
    pub fn is_borrowed(&self) -> bool {
        matches!(self.0, std::borrow::Cow::Borrowed(_))
    }
}

impl std::ops::Deref for SpecText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SpecText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for SpecText {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SpecText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for SpecText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&*self.0, f)
    }
}

impl SpecText {
    /// A text that lives as long as the program (the build script's tables): borrowed, not
    /// copied.
    pub(crate) fn borrowed(text: &'static str) -> SpecText {
        SpecText(std::borrow::Cow::Borrowed(text))
    }
}

impl From<&str> for SpecText {
    fn from(text: &str) -> Self {
        SpecText(std::borrow::Cow::Owned(text.to_string()))
    }
}

impl From<String> for SpecText {
    fn from(text: String) -> Self {
        SpecText(std::borrow::Cow::Owned(text))
    }
}

impl From<SpecText> for String {
    fn from(text: SpecText) -> Self {
        text.0.into_owned()
    }
}

impl PartialEq<str> for SpecText {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for SpecText {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for SpecText {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl Serialize for SpecText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SpecText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = SpecText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                text: &'de str,
            ) -> Result<SpecText, E> {
                // Borrowed from the embedded pre-parsed rules: keep the reference.
                Ok(match crate::rules::builtin::embedded(text.as_bytes()) {
                    Some(text) => SpecText(std::borrow::Cow::Borrowed(text)),
                    None => SpecText::from(text),
                })
            }
            fn visit_borrowed_bytes<E: serde::de::Error>(
                self,
                bytes: &'de [u8],
            ) -> Result<SpecText, E> {
                match crate::rules::builtin::embedded(bytes) {
                    Some(text) => Ok(SpecText(std::borrow::Cow::Borrowed(text))),
                    None => self.visit_bytes(bytes),
                }
            }
            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<SpecText, E> {
                match std::str::from_utf8(bytes) {
                    Ok(text) => Ok(SpecText::from(text)),
                    Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(bytes), &self)),
                }
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<SpecText, E> {
                Ok(SpecText::from(text))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<SpecText, E> {
                Ok(SpecText::from(text))
            }
        }
        // A binary form (postcard: the pre-parsed built-in rules) stores a string as its
        // length and bytes, as it stores bytes: read as bytes, the text is checked as UTF-8
        // once, by `embedded`, instead of by the reader and again by `embedded` (issue 17,
        // start-up: UTF-8 checks were the largest single symbol of the start-up profile).
        if !deserializer.is_human_readable() {
            return deserializer.deserialize_bytes(Visitor);
        }
        deserializer.deserialize_str(Visitor)
    }
}
