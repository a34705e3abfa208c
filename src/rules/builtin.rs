//! The built-in rule files, compiled into the binary twice: as their TOML text
//! ([`BUILTIN_RULE_FILES`], which `leakgate rules check` and error messages read) and parsed
//! by the build script (`build.rs`) into a compact binary form ([`preparsed`]) that every
//! run loads instead of parsing 640 KB of TOML (issue 17: that parse was most of a
//! pre-commit hook's run).
//!
//! An explicit `include_str!` list rather than a directory-embedding macro: such macros miss
//! new files on incremental builds. `build.rs` reads this list, so it is the one list; a
//! test below checks that it and the `rules/` folder hold the same files, so a forgotten
//! entry fails the suite.

use super::syntax::{Deferred, KeywordBoundary, KnownPublicSpec, RuleFile, RuleSpec, SpecText};
use super::RuleError;
use crate::finding::{Confidence, Severity};

/// The built-in rule files as `build.rs` parsed them, in the order of [`BUILTIN_RULE_FILES`].
static PREPARSED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin-rules.postcard"));

// `FILE_ANCHORED`: the built-in rules with a `file` or `path` context anchor, sorted by id,
// each as `(id, its anchors' file patterns, their path patterns)` in anchor order.
include!(concat!(env!("OUT_DIR"), "/file-anchored.rs"));

// `RULE_SPANS`: per built-in rule, in order, its file's index in [`BUILTIN_RULE_FILES`]
// and the byte range of its table's encoding in [`PREPARSED`].
include!(concat!(env!("OUT_DIR"), "/rule-spans.rs"));

/// What building a built-in rule reads of its table (`Rule::build`), written by the build
/// script (`rule_starts` in `build.rs`) so that a start decodes no table: texts as
/// `(start, end)` in `START_TEXT` ([`NONE`] for a field the rule does not set), lists as
/// `(first, end)` in `START_KEYWORDS` / `START_KNOWN_PUBLIC`, and the `value` and `context`
/// fields as the ranges of their encoded bytes in [`PREPARSED`].
struct RuleStart {
    id: (u32, u32),
    provider: (u32, u32),
    regex: (u32, u32),
    checksum: (u32, u32),
    path: (u32, u32),
    content: (u32, u32),
    inspect: (u32, u32),
    keywords: (u32, u32),
    known_public: (u32, u32),
    keyword_boundary: Option<KeywordBoundary>,
    multiline: bool,
    fallback: bool,
    min_entropy: Option<f64>,
    severity: Option<Severity>,
    confidence: Option<Confidence>,
    value: Option<(u32, u32)>,
    context: (u32, u32),
}

/// A text field a rule does not set.
const NONE: (u32, u32) = (u32::MAX, u32::MAX);

// `START_TEXT`, `START_ORIGINS` (per file of [`BUILTIN_RULE_FILES`], `rules/<name>`),
// `START_KEYWORDS`, `START_KNOWN_PUBLIC`, `RULE_STARTS`: one [`RuleStart`] per built-in rule,
// in the order of [`RULE_SPANS`].
include!(concat!(env!("OUT_DIR"), "/rule-starts.rs"));

/// `rules/<name>` of the built-in rule file `file` (an index in [`BUILTIN_RULE_FILES`]),
/// from the build script's start records.
pub(crate) fn origin(file: usize) -> Option<&'static str> {
    let (from, to) = *START_ORIGINS.get(file)?;
    START_TEXT.get(from as usize..to as usize)
}

/// Built-in rule `index`'s table as far as building the rule reads it, from the build
/// script's [`RuleStart`] record: its texts borrowed from the binary, its `value` and
/// `context` still encoded, and what building does not read left out (an empty title; no
/// examples, remediation, verify or revoke table). The rule keeps its whole encoded table
/// ([`super::spec_cell`]), which is what anything read later decodes; this is only what
/// [`super::RuleSet::builtin`] builds the rule from, in place of decoding the table with
/// postcard. `None` for an index past the built-in rules or a record that does not fit the
/// embedded bytes (a binary built wrong).
pub(crate) fn start_spec(index: usize) -> Option<RuleSpec> {
    let start = RULE_STARTS.get(index)?;
    let text = |(from, to): (u32, u32)| -> Option<Option<SpecText>> {
        if (from, to) == NONE {
            return Some(None);
        }
        START_TEXT
            .get(from as usize..to as usize)
            .map(|text| Some(SpecText::borrowed(text)))
    };
    let texts = |(first, end): (u32, u32), list: &'static [(u32, u32)]| {
        list.get(first as usize..end as usize)?
            .iter()
            .map(|&range| text(range).flatten())
            .collect::<Option<Vec<SpecText>>>()
    };
    let encoded = |(from, to): (u32, u32)| PREPARSED.get(from as usize..to as usize);
    // An empty list's encoding: the one byte 0 (`Deferred::is_empty`).
    const EMPTY_LIST: &[u8] = &[0];
    // The examples' lists as an empty list's encoding: no value to box (`Deferred::default`
    // allocates one).
    let no_examples = || Deferred::encoded(EMPTY_LIST);
    let value = match start.value {
        None => None,
        Some(range) => Some(Deferred::encoded(encoded(range)?)),
    };
    Some(RuleSpec {
        id: text(start.id)??,
        title: SpecText::default(),
        provider: text(start.provider)?,
        regex: text(start.regex)?,
        keywords: texts(start.keywords, &START_KEYWORDS)?,
        keyword_boundary: start.keyword_boundary,
        multiline: start.multiline,
        fallback: start.fallback,
        min_entropy: start.min_entropy,
        checksum: text(start.checksum)?,
        path: text(start.path)?,
        content: text(start.content)?,
        inspect: text(start.inspect)?,
        examples: no_examples(),
        negative_examples: no_examples(),
        path_examples: no_examples(),
        path_negative_examples: no_examples(),
        remediation: None,
        verify: None,
        revoke: None,
        severity: start.severity,
        confidence: start.confidence,
        known_public: texts(start.known_public, &START_KNOWN_PUBLIC)?
            .into_iter()
            .map(|value_sha256| KnownPublicSpec {
                value_sha256,
                reason: SpecText::default(),
                example: SpecText::default(),
            })
            .collect(),
        value,
        // An empty list as the static byte, not as its byte among the pre-parsed rules:
        // asking each rule whether it has context anchors then touches none of their pages.
        context: Deferred::encoded(match encoded(start.context)? {
            EMPTY_LIST => EMPTY_LIST,
            bytes => bytes,
        }),
    })
}

// `KEYWORD_TEXT`, `KEYWORD_PATTERNS`, `KEYWORD_OWNERS`, `KEYWORD_OWNER_STARTS`,
// `KEYWORD_ALWAYS`: the built-in content rules' keywords as the prefilter files them.
include!(concat!(env!("OUT_DIR"), "/keyword-table.rs"));

/// The built-in content rules' keywords, deduplicated and lowercased as the keyword
/// prefilter files them (`scan::prefilter::Prefilter::new`), with the rules that own each:
/// worked out by the build script (`keyword_table` in `build.rs`) instead of at every start
/// (a hash map over ~900 keywords and a list per keyword were a tenth of a one-file scan's
/// start-up, issue 17). Plain integers and one string: the loader relocates nothing.
#[derive(Clone, Copy, Debug)]
pub struct KeywordTable {
    /// Every keyword, concatenated; [`KeywordTable::keyword`] cuts one out.
    text: &'static str,
    /// Per keyword (in order of first appearance, rule by rule), its range in `text`.
    patterns: &'static [(u32, u32)],
    /// Every keyword's owners, keyword after keyword: `(rule index, index of the keyword in
    /// that rule's list)`.
    owners: &'static [(u16, u16)],
    /// Keyword `i`'s owners are `owners[owner_starts[i]..owner_starts[i + 1]]`.
    owner_starts: &'static [u32],
    /// The content rules without keywords, by index.
    always: &'static [u16],
}

impl KeywordTable {
    /// How many distinct keywords.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Whether there is no keyword.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// How many owners all keywords have together.
    pub fn owner_count(&self) -> usize {
        self.owners.len()
    }

    /// Keyword `i`, lowercase.
    pub fn keyword(&self, i: usize) -> &'static str {
        let (start, end) = self.patterns[i];
        &self.text[start as usize..end as usize]
    }

    /// Every keyword, concatenated, and each one's range in that text: what the prefilter's
    /// searcher borrows (`scan::anchors::Anchors::builtin`).
    pub fn text_and_ranges(&self) -> (&'static str, &'static [(u32, u32)]) {
        (self.text, self.patterns)
    }

    /// The owners of keyword `i`: `(rule index, index of the keyword in the rule's list)`.
    pub fn owners(&self, i: usize) -> impl ExactSizeIterator<Item = (usize, usize)> {
        let (from, to) = (self.owner_starts[i], self.owner_starts[i + 1]);
        self.owners[from as usize..to as usize]
            .iter()
            .map(|&(rule, k)| (usize::from(rule), usize::from(k)))
    }

    /// The content rules that have no keyword.
    pub fn always(&self) -> impl ExactSizeIterator<Item = usize> {
        self.always.iter().map(|&rule| usize::from(rule))
    }
}

/// The build script's [`KeywordTable`], if `rules` are the built-in rules as
/// [`super::RuleSet::builtin`] loads them: the same count, each built from its own table in
/// the binary, in order (no rule disabled or added). Else `None`: the prefilter works the
/// table out from the rules.
pub fn keyword_table(rules: &[super::Rule]) -> Option<KeywordTable> {
    if rules.len() != RULE_SPANS.len() {
        return None;
    }
    let same = rules.iter().zip(rule_tables()).all(|(rule, (_, bytes))| {
        rule.spec
            .builtin_bytes()
            .is_some_and(|own| std::ptr::eq(own, bytes))
    });
    same.then_some(KeywordTable {
        text: KEYWORD_TEXT,
        patterns: &KEYWORD_PATTERNS,
        owners: &KEYWORD_OWNERS,
        owner_starts: &KEYWORD_OWNER_STARTS,
        always: &KEYWORD_ALWAYS,
    })
}

/// Every built-in rule's table, in the order of the rule set: the index of its file in
/// [`BUILTIN_RULE_FILES`] and its own encoded bytes inside the embedded pre-parsed rules,
/// which [`decode_rule`] reads (and `rules::spec_cell` keeps, to read again on first use).
pub(crate) fn rule_tables() -> impl ExactSizeIterator<Item = (usize, &'static [u8])> {
    RULE_SPANS.iter().map(|&(file, start, end)| {
        // The build script wrote both the ranges and the bytes; an out-of-range span
        // (a binary built wrong) reads as no bytes, which does not decode: a load error.
        let bytes = PREPARSED.get(start as usize..end as usize).unwrap_or(&[]);
        (usize::from(file), bytes)
    })
}

/// One built-in rule's table from its encoded bytes ([`rule_tables`]).
pub(crate) fn decode_rule(bytes: &'static [u8]) -> Result<super::RuleSpec, RuleError> {
    postcard::from_bytes(bytes).map_err(|e| RuleError::Syntax {
        file: "the pre-parsed built-in rules".into(),
        message: format!("{e} (the binary was built wrong: rebuild it)"),
    })
}

/// Whether the built-in rule `id` has a context anchor that names files by their path,
/// answered without decoding its anchors (`syntax::Deferred`).
pub(crate) fn has_file_anchor(id: &str) -> bool {
    file_anchor_patterns(id).is_some()
}

/// The `file` and `path` patterns of the built-in rule `id`'s context anchors, in anchor
/// order, as the build script read them from its table; `None` for a rule without such an
/// anchor. The scanner's path set reads them here: asking the rule's table for them decoded
/// the whole table of each such rule at the first file (issue 17, start-up).
pub(crate) fn file_anchor_patterns(
    id: &str,
) -> Option<(&'static [&'static str], &'static [&'static str])> {
    let at = FILE_ANCHORED
        .binary_search_by(|(other, _, _)| (*other).cmp(id))
        .ok()?;
    let (_, file, path) = FILE_ANCHORED[at];
    Some((file, path))
}

/// `bytes` as a `'static` string if they lie inside the embedded pre-parsed rules (a string
/// the postcard reader borrowed from them) and are UTF-8, else `None`. Lets
/// `syntax::SpecText` keep a reference instead of a copy, without `unsafe`: the bytes are
/// found again in the static, and checked as UTF-8 once (the reader hands them over as
/// bytes, not as an already checked `str`).
pub fn embedded(bytes: &[u8]) -> Option<&'static str> {
    let base = PREPARSED.as_ptr() as usize;
    let start = (bytes.as_ptr() as usize).checked_sub(base)?;
    let bytes = PREPARSED.get(start..start.checked_add(bytes.len())?)?;
    std::str::from_utf8(bytes).ok()
}

/// `bytes` as a `'static` slice if they lie inside the embedded pre-parsed rules, else
/// `None` (`syntax::Deferred` keeps such a slice to decode later).
pub fn embedded_bytes(bytes: &[u8]) -> Option<&'static [u8]> {
    let base = PREPARSED.as_ptr() as usize;
    let start = (bytes.as_ptr() as usize).checked_sub(base)?;
    PREPARSED.get(start..start.checked_add(bytes.len())?)
}

/// The built-in rule files, parsed (by the build script): one [`RuleFile`] per entry of
/// [`BUILTIN_RULE_FILES`], in its order.
pub fn preparsed() -> Result<Vec<RuleFile>, RuleError> {
    postcard::from_bytes(PREPARSED).map_err(|e| RuleError::Syntax {
        file: "the pre-parsed built-in rules".into(),
        message: format!("{e} (the binary was built wrong: rebuild it)"),
    })
}

/// `(file name, contents)` of every `.toml` file directly in `rules/`. Sub-folders are not
/// rule files: `rules/held-out/` holds test examples for `rules::held_out`.
pub const BUILTIN_RULE_FILES: &[(&str, &str)] = &[
    ("ably.toml", include_str!("../../rules/ably.toml")),
    (
        "activecampaign.toml",
        include_str!("../../rules/activecampaign.toml"),
    ),
    ("adafruit.toml", include_str!("../../rules/adafruit.toml")),
    ("adobe.toml", include_str!("../../rules/adobe.toml")),
    ("adyen.toml", include_str!("../../rules/adyen.toml")),
    ("aftership.toml", include_str!("../../rules/aftership.toml")),
    ("agora.toml", include_str!("../../rules/agora.toml")),
    ("ai-keys.toml", include_str!("../../rules/ai-keys.toml")),
    ("ai.toml", include_str!("../../rules/ai.toml")),
    ("ai21.toml", include_str!("../../rules/ai21.toml")),
    ("airtable.toml", include_str!("../../rules/airtable.toml")),
    ("alchemy.toml", include_str!("../../rules/alchemy.toml")),
    ("algolia.toml", include_str!("../../rules/algolia.toml")),
    ("alibaba.toml", include_str!("../../rules/alibaba.toml")),
    (
        "alphavantage.toml",
        include_str!("../../rules/alphavantage.toml"),
    ),
    ("amplitude.toml", include_str!("../../rules/amplitude.toml")),
    ("anthropic.toml", include_str!("../../rules/anthropic.toml")),
    ("apify.toml", include_str!("../../rules/apify.toml")),
    ("asana.toml", include_str!("../../rules/asana.toml")),
    (
        "assemblyai.toml",
        include_str!("../../rules/assemblyai.toml"),
    ),
    ("atlassian.toml", include_str!("../../rules/atlassian.toml")),
    ("auth0.toml", include_str!("../../rules/auth0.toml")),
    (
        "authorizenet.toml",
        include_str!("../../rules/authorizenet.toml"),
    ),
    ("aws.toml", include_str!("../../rules/aws.toml")),
    (
        "azure-devops.toml",
        include_str!("../../rules/azure-devops.toml"),
    ),
    ("azure.toml", include_str!("../../rules/azure.toml")),
    ("bandwidth.toml", include_str!("../../rules/bandwidth.toml")),
    ("beamer.toml", include_str!("../../rules/beamer.toml")),
    ("binance.toml", include_str!("../../rules/binance.toml")),
    ("bitbucket.toml", include_str!("../../rules/bitbucket.toml")),
    ("bitly.toml", include_str!("../../rules/bitly.toml")),
    ("blynk.toml", include_str!("../../rules/blynk.toml")),
    ("box.toml", include_str!("../../rules/box.toml")),
    ("braintree.toml", include_str!("../../rules/braintree.toml")),
    ("braze.toml", include_str!("../../rules/braze.toml")),
    ("brevo.toml", include_str!("../../rules/brevo.toml")),
    (
        "browserbase.toml",
        include_str!("../../rules/browserbase.toml"),
    ),
    ("bugsnag.toml", include_str!("../../rules/bugsnag.toml")),
    ("buildkite.toml", include_str!("../../rules/buildkite.toml")),
    ("calcom.toml", include_str!("../../rules/calcom.toml")),
    ("chargebee.toml", include_str!("../../rules/chargebee.toml")),
    ("checkout.toml", include_str!("../../rules/checkout.toml")),
    ("circleci.toml", include_str!("../../rules/circleci.toml")),
    ("clarifai.toml", include_str!("../../rules/clarifai.toml")),
    ("clearbit.toml", include_str!("../../rules/clearbit.toml")),
    ("clerk.toml", include_str!("../../rules/clerk.toml")),
    ("clicksend.toml", include_str!("../../rules/clicksend.toml")),
    ("clickup.toml", include_str!("../../rules/clickup.toml")),
    ("clockify.toml", include_str!("../../rules/clockify.toml")),
    ("clojars.toml", include_str!("../../rules/clojars.toml")),
    (
        "cloudflare.toml",
        include_str!("../../rules/cloudflare.toml"),
    ),
    (
        "cloudinary.toml",
        include_str!("../../rules/cloudinary.toml"),
    ),
    ("coda.toml", include_str!("../../rules/coda.toml")),
    ("coinbase.toml", include_str!("../../rules/coinbase.toml")),
    (
        "coinmarketcap.toml",
        include_str!("../../rules/coinmarketcap.toml"),
    ),
    ("confluent.toml", include_str!("../../rules/confluent.toml")),
    (
        "contentful.toml",
        include_str!("../../rules/contentful.toml"),
    ),
    (
        "convertkit.toml",
        include_str!("../../rules/convertkit.toml"),
    ),
    ("crates.toml", include_str!("../../rules/crates.toml")),
    ("crisp.toml", include_str!("../../rules/crisp.toml")),
    (
        "customerio.toml",
        include_str!("../../rules/customerio.toml"),
    ),
    ("databases.toml", include_str!("../../rules/databases.toml")),
    (
        "databricks.toml",
        include_str!("../../rules/databricks.toml"),
    ),
    ("datadog.toml", include_str!("../../rules/datadog.toml")),
    ("deepgram.toml", include_str!("../../rules/deepgram.toml")),
    ("deepl.toml", include_str!("../../rules/deepl.toml")),
    (
        "digitalocean.toml",
        include_str!("../../rules/digitalocean.toml"),
    ),
    ("discord.toml", include_str!("../../rules/discord.toml")),
    ("docker.toml", include_str!("../../rules/docker.toml")),
    ("docusign.toml", include_str!("../../rules/docusign.toml")),
    ("doppler.toml", include_str!("../../rules/doppler.toml")),
    ("drone.toml", include_str!("../../rules/drone.toml")),
    ("dropbox.toml", include_str!("../../rules/dropbox.toml")),
    ("dynatrace.toml", include_str!("../../rules/dynatrace.toml")),
    ("e2b.toml", include_str!("../../rules/e2b.toml")),
    ("easypost.toml", include_str!("../../rules/easypost.toml")),
    (
        "elevenlabs.toml",
        include_str!("../../rules/elevenlabs.toml"),
    ),
    ("etherscan.toml", include_str!("../../rules/etherscan.toml")),
    ("fal.toml", include_str!("../../rules/fal.toml")),
    ("figma.toml", include_str!("../../rules/figma.toml")),
    ("files.toml", include_str!("../../rules/files.toml")),
    ("finnhub.toml", include_str!("../../rules/finnhub.toml")),
    ("firebase.toml", include_str!("../../rules/firebase.toml")),
    ("flickr.toml", include_str!("../../rules/flickr.toml")),
    (
        "flutterwave.toml",
        include_str!("../../rules/flutterwave.toml"),
    ),
    ("flyio.toml", include_str!("../../rules/flyio.toml")),
    ("frameio.toml", include_str!("../../rules/frameio.toml")),
    (
        "frameworks.toml",
        include_str!("../../rules/frameworks.toml"),
    ),
    ("freshdesk.toml", include_str!("../../rules/freshdesk.toml")),
    ("gcp.toml", include_str!("../../rules/gcp.toml")),
    ("generic.toml", include_str!("../../rules/generic.toml")),
    ("getstream.toml", include_str!("../../rules/getstream.toml")),
    ("ghost.toml", include_str!("../../rules/ghost.toml")),
    ("giphy.toml", include_str!("../../rules/giphy.toml")),
    ("github.toml", include_str!("../../rules/github.toml")),
    ("gitlab.toml", include_str!("../../rules/gitlab.toml")),
    ("gitter.toml", include_str!("../../rules/gitter.toml")),
    (
        "gocardless.toml",
        include_str!("../../rules/gocardless.toml"),
    ),
    ("grafana.toml", include_str!("../../rules/grafana.toml")),
    ("gumroad.toml", include_str!("../../rules/gumroad.toml")),
    ("harvest.toml", include_str!("../../rules/harvest.toml")),
    ("hellosign.toml", include_str!("../../rules/hellosign.toml")),
    ("helpscout.toml", include_str!("../../rules/helpscout.toml")),
    ("heroku.toml", include_str!("../../rules/heroku.toml")),
    ("hetzner.toml", include_str!("../../rules/hetzner.toml")),
    (
        "honeybadger.toml",
        include_str!("../../rules/honeybadger.toml"),
    ),
    ("honeycomb.toml", include_str!("../../rules/honeycomb.toml")),
    ("hubspot.toml", include_str!("../../rules/hubspot.toml")),
    (
        "huggingface.toml",
        include_str!("../../rules/huggingface.toml"),
    ),
    ("hunter.toml", include_str!("../../rules/hunter.toml")),
    ("ibm.toml", include_str!("../../rules/ibm.toml")),
    ("ifttt.toml", include_str!("../../rules/ifttt.toml")),
    ("infobip.toml", include_str!("../../rules/infobip.toml")),
    ("infracost.toml", include_str!("../../rules/infracost.toml")),
    ("infura.toml", include_str!("../../rules/infura.toml")),
    ("intercom.toml", include_str!("../../rules/intercom.toml")),
    ("iterable.toml", include_str!("../../rules/iterable.toml")),
    ("jfrog.toml", include_str!("../../rules/jfrog.toml")),
    ("jotform.toml", include_str!("../../rules/jotform.toml")),
    ("jwt.toml", include_str!("../../rules/jwt.toml")),
    ("kaggle.toml", include_str!("../../rules/kaggle.toml")),
    ("keys.toml", include_str!("../../rules/keys.toml")),
    ("klaviyo.toml", include_str!("../../rules/klaviyo.toml")),
    ("kraken.toml", include_str!("../../rules/kraken.toml")),
    ("kucoin.toml", include_str!("../../rules/kucoin.toml")),
    (
        "kubernetes-bootstrap.toml",
        include_str!("../../rules/kubernetes-bootstrap.toml"),
    ),
    (
        "launchdarkly.toml",
        include_str!("../../rules/launchdarkly.toml"),
    ),
    ("linear.toml", include_str!("../../rules/linear.toml")),
    ("linkedin.toml", include_str!("../../rules/linkedin.toml")),
    ("linode.toml", include_str!("../../rules/linode.toml")),
    ("lob.toml", include_str!("../../rules/lob.toml")),
    ("mailchimp.toml", include_str!("../../rules/mailchimp.toml")),
    (
        "mailerlite.toml",
        include_str!("../../rules/mailerlite.toml"),
    ),
    (
        "mailersend.toml",
        include_str!("../../rules/mailersend.toml"),
    ),
    ("mailgun.toml", include_str!("../../rules/mailgun.toml")),
    ("mailjet.toml", include_str!("../../rules/mailjet.toml")),
    ("mandrill.toml", include_str!("../../rules/mandrill.toml")),
    ("mapbox.toml", include_str!("../../rules/mapbox.toml")),
    ("matrix.toml", include_str!("../../rules/matrix.toml")),
    (
        "mattermost.toml",
        include_str!("../../rules/mattermost.toml"),
    ),
    (
        "meilisearch.toml",
        include_str!("../../rules/meilisearch.toml"),
    ),
    (
        "mercadopago.toml",
        include_str!("../../rules/mercadopago.toml"),
    ),
    (
        "messagebird.toml",
        include_str!("../../rules/messagebird.toml"),
    ),
    ("meta.toml", include_str!("../../rules/meta.toml")),
    (
        "microsoft-teams.toml",
        include_str!("../../rules/microsoft-teams.toml"),
    ),
    ("midtrans.toml", include_str!("../../rules/midtrans.toml")),
    ("miro.toml", include_str!("../../rules/miro.toml")),
    ("mixpanel.toml", include_str!("../../rules/mixpanel.toml")),
    ("modal.toml", include_str!("../../rules/modal.toml")),
    ("mollie.toml", include_str!("../../rules/mollie.toml")),
    ("netlify.toml", include_str!("../../rules/netlify.toml")),
    ("newrelic.toml", include_str!("../../rules/newrelic.toml")),
    ("newsapi.toml", include_str!("../../rules/newsapi.toml")),
    ("ngrok.toml", include_str!("../../rules/ngrok.toml")),
    ("notion.toml", include_str!("../../rules/notion.toml")),
    ("npm.toml", include_str!("../../rules/npm.toml")),
    ("nuget.toml", include_str!("../../rules/nuget.toml")),
    ("octopus.toml", include_str!("../../rules/octopus.toml")),
    ("okta.toml", include_str!("../../rules/okta.toml")),
    (
        "onepassword.toml",
        include_str!("../../rules/onepassword.toml"),
    ),
    ("onesignal.toml", include_str!("../../rules/onesignal.toml")),
    ("openai.toml", include_str!("../../rules/openai.toml")),
    (
        "openweather.toml",
        include_str!("../../rules/openweather.toml"),
    ),
    ("paddle.toml", include_str!("../../rules/paddle.toml")),
    ("pagerduty.toml", include_str!("../../rules/pagerduty.toml")),
    ("pandadoc.toml", include_str!("../../rules/pandadoc.toml")),
    ("particle.toml", include_str!("../../rules/particle.toml")),
    (
        "password-hashes.toml",
        include_str!("../../rules/password-hashes.toml"),
    ),
    ("paystack.toml", include_str!("../../rules/paystack.toml")),
    ("pexels.toml", include_str!("../../rules/pexels.toml")),
    ("pinterest.toml", include_str!("../../rules/pinterest.toml")),
    ("pipedrive.toml", include_str!("../../rules/pipedrive.toml")),
    ("plaid.toml", include_str!("../../rules/plaid.toml")),
    (
        "planetscale.toml",
        include_str!("../../rules/planetscale.toml"),
    ),
    ("plausible.toml", include_str!("../../rules/plausible.toml")),
    ("plivo.toml", include_str!("../../rules/plivo.toml")),
    ("posthog.toml", include_str!("../../rules/posthog.toml")),
    ("postman.toml", include_str!("../../rules/postman.toml")),
    ("postmark.toml", include_str!("../../rules/postmark.toml")),
    ("prefect.toml", include_str!("../../rules/prefect.toml")),
    ("pubnub.toml", include_str!("../../rules/pubnub.toml")),
    ("pulumi.toml", include_str!("../../rules/pulumi.toml")),
    (
        "pushbullet.toml",
        include_str!("../../rules/pushbullet.toml"),
    ),
    ("pusher.toml", include_str!("../../rules/pusher.toml")),
    ("pushover.toml", include_str!("../../rules/pushover.toml")),
    ("pypi.toml", include_str!("../../rules/pypi.toml")),
    ("qdrant.toml", include_str!("../../rules/qdrant.toml")),
    ("rapidapi.toml", include_str!("../../rules/rapidapi.toml")),
    ("raygun.toml", include_str!("../../rules/raygun.toml")),
    ("razorpay.toml", include_str!("../../rules/razorpay.toml")),
    ("readme.toml", include_str!("../../rules/readme.toml")),
    ("rebrandly.toml", include_str!("../../rules/rebrandly.toml")),
    ("recurly.toml", include_str!("../../rules/recurly.toml")),
    ("render.toml", include_str!("../../rules/render.toml")),
    ("resend.toml", include_str!("../../rules/resend.toml")),
    ("roboflow.toml", include_str!("../../rules/roboflow.toml")),
    ("rollbar.toml", include_str!("../../rules/rollbar.toml")),
    ("rubygems.toml", include_str!("../../rules/rubygems.toml")),
    ("runpod.toml", include_str!("../../rules/runpod.toml")),
    (
        "salesforce.toml",
        include_str!("../../rules/salesforce.toml"),
    ),
    ("sanity.toml", include_str!("../../rules/sanity.toml")),
    ("scaleway.toml", include_str!("../../rules/scaleway.toml")),
    (
        "scrapingbee.toml",
        include_str!("../../rules/scrapingbee.toml"),
    ),
    ("segment.toml", include_str!("../../rules/segment.toml")),
    ("sendbird.toml", include_str!("../../rules/sendbird.toml")),
    ("sendgrid.toml", include_str!("../../rules/sendgrid.toml")),
    ("sentry.toml", include_str!("../../rules/sentry.toml")),
    ("serpapi.toml", include_str!("../../rules/serpapi.toml")),
    ("shippo.toml", include_str!("../../rules/shippo.toml")),
    ("shopify.toml", include_str!("../../rules/shopify.toml")),
    ("shortcut.toml", include_str!("../../rules/shortcut.toml")),
    ("sidekiq.toml", include_str!("../../rules/sidekiq.toml")),
    ("sinch.toml", include_str!("../../rules/sinch.toml")),
    ("slack.toml", include_str!("../../rules/slack.toml")),
    (
        "smartsheet.toml",
        include_str!("../../rules/smartsheet.toml"),
    ),
    ("snyk.toml", include_str!("../../rules/snyk.toml")),
    ("sonarqube.toml", include_str!("../../rules/sonarqube.toml")),
    (
        "sourcegraph.toml",
        include_str!("../../rules/sourcegraph.toml"),
    ),
    ("sparkpost.toml", include_str!("../../rules/sparkpost.toml")),
    ("speckle.toml", include_str!("../../rules/speckle.toml")),
    ("spell.toml", include_str!("../../rules/spell.toml")),
    ("spotify.toml", include_str!("../../rules/spotify.toml")),
    ("square.toml", include_str!("../../rules/square.toml")),
    (
        "squarespace.toml",
        include_str!("../../rules/squarespace.toml"),
    ),
    ("stability.toml", include_str!("../../rules/stability.toml")),
    ("storyblok.toml", include_str!("../../rules/storyblok.toml")),
    ("stripe.toml", include_str!("../../rules/stripe.toml")),
    ("stytch.toml", include_str!("../../rules/stytch.toml")),
    ("supabase.toml", include_str!("../../rules/supabase.toml")),
    ("tailscale.toml", include_str!("../../rules/tailscale.toml")),
    ("telegram.toml", include_str!("../../rules/telegram.toml")),
    ("telnyx.toml", include_str!("../../rules/telnyx.toml")),
    ("tencent.toml", include_str!("../../rules/tencent.toml")),
    ("terraform.toml", include_str!("../../rules/terraform.toml")),
    ("todoist.toml", include_str!("../../rules/todoist.toml")),
    ("toggl.toml", include_str!("../../rules/toggl.toml")),
    ("travis.toml", include_str!("../../rules/travis.toml")),
    ("trello.toml", include_str!("../../rules/trello.toml")),
    ("twilio.toml", include_str!("../../rules/twilio.toml")),
    ("twitch.toml", include_str!("../../rules/twitch.toml")),
    ("twitter.toml", include_str!("../../rules/twitter.toml")),
    ("typeform.toml", include_str!("../../rules/typeform.toml")),
    ("typesense.toml", include_str!("../../rules/typesense.toml")),
    ("unsplash.toml", include_str!("../../rules/unsplash.toml")),
    (
        "unstructured.toml",
        include_str!("../../rules/unstructured.toml"),
    ),
    ("urls.toml", include_str!("../../rules/urls.toml")),
    ("vault.toml", include_str!("../../rules/vault.toml")),
    ("vercel.toml", include_str!("../../rules/vercel.toml")),
    ("vimeo.toml", include_str!("../../rules/vimeo.toml")),
    ("vonage.toml", include_str!("../../rules/vonage.toml")),
    ("wandb.toml", include_str!("../../rules/wandb.toml")),
    ("weaviate.toml", include_str!("../../rules/weaviate.toml")),
    ("webex.toml", include_str!("../../rules/webex.toml")),
    ("webflow.toml", include_str!("../../rules/webflow.toml")),
    ("workos.toml", include_str!("../../rules/workos.toml")),
    ("xendit.toml", include_str!("../../rules/xendit.toml")),
    ("yandex.toml", include_str!("../../rules/yandex.toml")),
    ("zapier.toml", include_str!("../../rules/zapier.toml")),
    ("zendesk.toml", include_str!("../../rules/zendesk.toml")),
    ("zoho.toml", include_str!("../../rules/zoho.toml")),
    ("zoom.toml", include_str!("../../rules/zoom.toml")),
    ("zulip.toml", include_str!("../../rules/zulip.toml")),
    (
        "kubernetes-secrets.toml",
        include_str!("../../rules/kubernetes-secrets.toml"),
    ),
    (
        "mongodb-atlas.toml",
        include_str!("../../rules/mongodb-atlas.toml"),
    ),
    ("netrc.toml", include_str!("../../rules/netrc.toml")),
    (
        "observability.toml",
        include_str!("../../rules/observability.toml"),
    ),
    (
        "cloud-hosting.toml",
        include_str!("../../rules/cloud-hosting.toml"),
    ),
    ("devops-ci.toml", include_str!("../../rules/devops-ci.toml")),
    (
        "data-services.toml",
        include_str!("../../rules/data-services.toml"),
    ),
    (
        "security-tools.toml",
        include_str!("../../rules/security-tools.toml"),
    ),
    (
        "keys-encoded.toml",
        include_str!("../../rules/keys-encoded.toml"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_matches_the_rules_folder() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().unwrap().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = BUILTIN_RULE_FILES
            .iter()
            .map(|(name, _)| name.to_string())
            .collect();
        listed.sort();
        assert_eq!(
            listed, on_disk,
            "update BUILTIN_RULE_FILES in src/rules/builtin.rs"
        );
    }

    /// What every run loads is exactly what parsing the TOML sources gives, field by field:
    /// the build script's mirror of `Severity` and `Confidence` and the binary form of
    /// `equals` values lose nothing.
    #[test]
    fn the_preparsed_rules_equal_the_parsed_toml() {
        let preparsed = preparsed().unwrap();
        assert_eq!(preparsed.len(), BUILTIN_RULE_FILES.len());
        let mut rules = 0;
        for ((name, text), stored) in BUILTIN_RULE_FILES.iter().zip(&preparsed) {
            let parsed: RuleFile = toml::from_str(text).unwrap();
            assert_eq!(&parsed, stored, "rules/{name}");
            rules += parsed.rule.len();
        }
        assert!(rules > 400, "{rules} rules");
        let with_equals = preparsed
            .iter()
            .flat_map(|f| &f.rule)
            .filter_map(|r| r.verify.as_ref())
            .filter(|v| v.live_json_value.is_some() || v.when.iter().any(|w| !w.equals.is_empty()))
            .count();
        assert!(with_equals > 0, "the `equals` values were compared");
    }

    /// The pre-parsed rules' texts are references into the binary, not copies (issue 17:
    /// a copy per field and example was a third of a start-up's allocations).
    #[test]
    fn the_preparsed_texts_borrow_the_embedded_bytes() {
        let preparsed = preparsed().unwrap();
        let specs: Vec<_> = preparsed.iter().flat_map(|f| &f.rule).collect();
        assert!(specs.len() > 400);
        for spec in specs {
            // Read first, the seldom-read parts are still encoded (`syntax::Deferred`).
            assert!(spec.examples.is_encoded(), "{}", spec.id);
            assert!(spec.negative_examples.is_encoded(), "{}", spec.id);
            assert!(spec.path_examples.is_encoded(), "{}", spec.id);
            assert!(
                spec.verify.as_ref().is_none_or(|v| v.is_encoded()),
                "{}",
                spec.id
            );
            assert!(
                spec.revoke.as_ref().is_none_or(|v| v.is_encoded()),
                "{}",
                spec.id
            );
            assert!(spec.id.is_borrowed(), "{}", spec.id);
            assert!(spec.title.is_borrowed(), "{}", spec.id);
            assert!(spec.examples.iter().all(|e| e.is_borrowed()), "{}", spec.id);
            assert!(
                spec.regex.as_ref().is_none_or(|r| r.is_borrowed()),
                "{}",
                spec.id
            );
        }
        let parsed: RuleFile = toml::from_str(BUILTIN_RULE_FILES[0].1).unwrap();
        assert!(
            !parsed.rule[0].id.is_borrowed(),
            "TOML text owns its strings"
        );
        assert_eq!(super::embedded(b"not in the binary's rules"), None);
        assert!(parsed.rule[0].examples.iter().all(|e| !e.is_borrowed()));
        assert!(
            !parsed.rule[0].examples.is_encoded(),
            "TOML is read at once"
        );
    }
}
