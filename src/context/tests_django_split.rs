//! The split of `django-secret-key` (session 16): the `django-insecure-` prefixed key stays a
//! one-regex rule under the old id; the setting read by its names (`DJANGO_SECRET_KEY`, a
//! settings module's bare `SECRET_KEY` under the comment `startproject` writes) is the context rule
//! `django-secret-key-named`.
//!
//! The old rule's examples and negatives are now the two rules' (each example moved to the
//! half that finds it), so the first test asks every one of them again: each example is found
//! by exactly one of the two rules (one secret, one finding: the prefixed rule owns a
//! `django-insecure-` key under `DJANGO_SECRET_KEY` too), and each negative by neither. The
//! probes then ask the forms the split adds or must keep, with values built at run time.

use super::probe_check::Rows;
use crate::rules::RuleSet;
use crate::scan::Scanner;

const HALVES: [&str; 2] = ["django-secret-key", "django-secret-key-named"];

#[test]
fn the_old_rule_s_examples_keep_their_verdicts() {
    let set = RuleSet::builtin().unwrap();
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let mut wrong = Vec::new();
    let (mut examples, mut negatives) = (0, 0);
    for rule in set.rules.iter().filter(|r| HALVES.contains(&&*r.id)) {
        for example in rule.spec.examples.iter() {
            examples += 1;
            let ids: Vec<String> = scanner
                .scan(None, example.as_bytes())
                .iter()
                .map(|m| scanner.rule(m.rule).id.to_string())
                .filter(|id| HALVES.contains(&id.as_str()))
                .collect();
            if ids.len() != 1 || ids[0] != *rule.id {
                wrong.push(format!("example of {}: {example:?} gave {ids:?}", rule.id));
            }
        }
        for negative in rule.spec.negative_examples.iter() {
            negatives += 1;
            let found = scanner
                .scan(None, negative.as_bytes())
                .iter()
                .any(|m| HALVES.contains(&&*scanner.rule(m.rule).id));
            if found {
                wrong.push(format!("negative of {}: {negative:?} is found", rule.id));
            }
        }
    }
    // The old rule had 4 examples and 9 negatives; the named half repeats one negative.
    assert_eq!((examples, negatives), (4, 10));
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A key of `get_random_secret_key`'s alphabet and length (50), built at run time.
fn key() -> String {
    [
        "q8#v2m!x", "7k@w4t^z", "p1&r9c(n", "5b)y3j=h", "6d+f0g-s", "e_u2l8a*", "i4",
    ]
    .concat()
}

/// `django-insecure-` and such a key.
fn insecure() -> String {
    ["django-", "insecure-", &key()].concat()
}

/// A key of that alphabet that starts with one of its marks (`!`, `%`, `+`): one key in
/// seven does.
fn marked(mark: &str) -> String {
    [mark, &key()[1..]].concat()
}

fn fill(text: &str) -> String {
    text.replace("{KEY}", &key())
        .replace("{INSECURE}", &insecure())
        .replace("{BANG}", &marked("!"))
        .replace("{PCT}", &marked("%"))
        .replace("{PLUS}", &marked("+"))
}

#[rustfmt::skip]
const FORMS: Rows<'static> = (
    &[
        // The settings module `startproject` writes, with a key from before the prefix.
        ("mysite/settings.py", "# Quick-start development settings - unsuitable for production\n# See https://docs.djangoproject.com/en/5.0/howto/deployment/checklist/\n\n# SECURITY WARNING: keep the secret key used in production secret!\nSECRET_KEY = '{KEY}'\n", "django-secret-key-named"),
        ("proj/settings.py", "# See https://docs.djangoproject.com/en/1.11/howto/deployment/checklist/\n# SECURITY WARNING: keep the secret key used in production secret!\nSECRET_KEY = \"{KEY}\"\n", "django-secret-key-named"),
        // A fallback under the environment variable's name.
        ("mysite/settings.py", "SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', '{KEY}')\n", "django-secret-key-named"),
        (".env", "DJANGO_SECRET_KEY={KEY}\n", "django-secret-key-named"),
        ("deploy/run.sh", "docker run -e DJANGO_SECRET_KEY='{KEY}' acme/web\n", "django-secret-key-named"),
        // A key that starts with a mark, unquoted: a guide's fenced `.env` block, a note
        // (the first `=` assigns, the mark starts the value).
        ("DEPLOY.md", "Set these in Vercel:\n\n```\nDJANGO_SECRET_KEY={BANG}\nDJANGO_DEBUG=False\n```\n", "django-secret-key-named"),
        ("notes.txt", "DJANGO_SECRET_KEY={PCT}\n", "django-secret-key-named"),
        ("docs/deploy.txt", "export DJANGO_SECRET_KEY={PLUS}\n", "django-secret-key-named"),
        // A Dockerfile value runs to the next blank, through the key's `(`, `&` and `)`:
        // reported whole, not cut with its rest shown in clear.
        ("Dockerfile", "FROM python:3.12\nENV DJANGO_SECRET_KEY={KEY} DJANGO_DEBUG=0\n", "django-secret-key-named"),
        ("Dockerfile", "FROM python:3.12\nARG DJANGO_SECRET_KEY={KEY}\n", "django-secret-key-named"),
        // The prefixed key is the prefixed rule's, under any name.
        ("mysite/settings.py", "SECRET_KEY = '{INSECURE}'\n", "django-secret-key"),
        (".env", "DJANGO_SECRET_KEY={INSECURE}\n", "django-secret-key"),
    ],
    &[
        // References and calls, with and without a Django marker near.
        ("mysite/settings.py", "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n"),
        ("mysite/settings.py", "# See https://docs.djangoproject.com/en/5.0/howto/deployment/checklist/\nSECRET_KEY = get_random_secret_key()\n"),
        (".env", "DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY}\n"),
    ],
);

#[test]
fn django_keys_go_to_the_half_that_owns_them() {
    let secrets = [key(), insecure(), marked("!"), marked("%"), marked("+")];
    super::probe_check::check_rows("django split", FORMS, &secrets, fill);
    // Exactly one finding for a prefixed key under the named setting.
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let text = fill("DJANGO_SECRET_KEY={INSECURE}\n");
    let ids: Vec<String> = scanner
        .scan(Some(".env"), text.as_bytes())
        .iter()
        .map(|m| scanner.rule(m.rule).id.to_string())
        .collect();
    assert_eq!(ids, ["django-secret-key"]);
    // A bare `SECRET_KEY` far from any Django marker is not the Django rule's.
    let text = fill("APP_NAME = 'web'\n\nSECRET_KEY = '{KEY}'\n");
    let found = scanner.scan(Some("app/config.py"), text.as_bytes());
    assert!(
        found
            .iter()
            .all(|m| !HALVES.contains(&&*scanner.rule(m.rule).id)),
        "{:?}",
        found
            .iter()
            .map(|m| scanner.rule(m.rule).id.to_string())
            .collect::<Vec<_>>()
    );
}
