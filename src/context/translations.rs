//! Translation files: where a password's name maps to the word "password" in a language.
//!
//! A user interface's message catalog keys its strings by what they label
//! (`"yourpassword": "…"`, `login.password=…`, `msgid "Password"`), and the values are
//! that label in another language: Romansh `pled-clav`, Finnish `salasana`, Welsh
//! `cyfrinair`. Our word lists are English, so such a word reads as rare pieces, which is
//! exactly what [`super::password_value`] takes for a typed password. In a translation file
//! a value under a password's name is a translator's phrase, so the typed-password path
//! (which reports values that do not look generated) stays off there; a value that looks
//! generated is still judged by the shared classifier like anywhere else.
//!
//! A translation file is known by its path, as localisation tools lay them out: a folder
//! named for localisation (`i18n/`, `locales/`, `lang/`, `translations/`, Android's
//! `values-de/`), or a catalog format's extension (gettext `.po`, XLIFF, Flutter `.arb`,
//! Apple `.strings`), or a Java resource bundle named for a locale
//! (`messages_de.properties`).

/// Folder names that localisation tools and frameworks keep message catalogs in.
const FOLDERS: &[&str] = &[
    "i18n",
    "l10n",
    "locale",
    "locales",
    "lang",
    "langs",
    "languages",
    "translations",
    "translation",
    "nls",
];

/// Extensions of message-catalog formats (gettext, XLIFF, Flutter, Apple, Qt).
const EXTENSIONS: &[&str] = &[".po", ".pot", ".xlf", ".xliff", ".arb", ".strings", ".ts"];

/// Whether `path` is a translation file (a message catalog), by its folders and name.
pub fn is_translation_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let folders: Vec<&str> = lower.split(['/', '\\']).collect();
    let Some((name, folders)) = folders.split_last() else {
        return false;
    };
    if folders.iter().any(|f| is_android_values_folder(f)) {
        return !is_code(name);
    }
    // In a localisation folder, only a file named for a locale or kept under one
    // (`i18n/rm.json`, `locales/fi/translation.json`, `locale/de/LC_MESSAGES/django.po`):
    // `locale/settings.yml` beside them is a settings file, judged as any other.
    if folders.iter().any(|f| FOLDERS.contains(f)) {
        let stem = name.split('.').next().unwrap_or("");
        let under_locale = folders.iter().any(|f| is_locale(f));
        let named = is_locale(stem) || ends_with_locale(stem) || has_catalog_extension(name);
        return !is_code(name) && (under_locale || named);
    }
    has_catalog_extension(name) || is_locale_bundle(name)
}

/// A catalog format's extension. `.ts` is TypeScript far more often than a Qt catalog: it
/// counts only for a file named for a locale in a localisation folder (above).
fn has_catalog_extension(name: &str) -> bool {
    EXTENSIONS
        .iter()
        .filter(|e| **e != ".ts")
        .any(|e| name.ends_with(e))
}

/// Android's per-language resources (`values-de`, `values-pt-rBR`, `values-b+sr+Latn`);
/// not `values-night`, `values-land`, `values-sw600dp`, `values-v21`.
fn is_android_values_folder(folder: &str) -> bool {
    folder.strip_prefix("values-").is_some_and(|rest| {
        rest.starts_with("b+") || is_language(rest.split('-').next().unwrap_or(""))
    })
}

/// A Java resource bundle for one locale: `messages_de.properties`,
/// `Messages_pt_BR.properties`, `strings_zh-TW.properties` (not `application_dev`).
fn is_locale_bundle(name: &str) -> bool {
    name.strip_suffix(".properties")
        .is_some_and(ends_with_locale)
}

/// Whether `word` is a locale: a language code, alone or with a region (`de`, `pt-BR`,
/// `en_US`).
fn is_locale(word: &str) -> bool {
    let mut parts = word.split(['_', '-']);
    let language = parts.next().is_some_and(is_language);
    let region = parts
        .next()
        .is_none_or(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic()));
    language && region && parts.next().is_none()
}

/// Whether a file's stem ends in a locale: `_de`, `_pt_BR`, `_zh-TW`.
fn ends_with_locale(stem: &str) -> bool {
    let mut parts = stem.rsplit(['_', '-']);
    let last = parts.next().unwrap_or("");
    if is_language(last) {
        return parts.next().is_some();
    }
    let region = last.len() == 2 && last.bytes().all(|b| b.is_ascii_alphabetic());
    region && parts.next().is_some_and(is_language) && parts.next().is_some()
}

/// The two-letter language codes of ISO 639-1.
const LANGUAGES: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce \
ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he \
hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv \
kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny \
oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su \
sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Whether `code` is an ISO 639-1 language code (in any case).
fn is_language(code: &str) -> bool {
    code.len() == 2
        && LANGUAGES
            .split_ascii_whitespace()
            .any(|l| l.eq_ignore_ascii_case(code))
}

/// Source code kept beside catalogs (`i18n/index.js`, `locales/loader.py`) is code: its
/// literals are judged as code's are.
fn is_code(name: &str) -> bool {
    const CODE: &[&str] = &[
        ".js", ".mjs", ".cjs", ".jsx", ".tsx", ".py", ".rb", ".go", ".java", ".kt", ".cs", ".php",
        ".rs", ".swift", ".sh", ".c", ".h", ".cpp", ".scala", ".dart",
    ];
    CODE.iter().any(|e| name.ends_with(e))
        || name
            .strip_suffix(".ts")
            .is_some_and(|stem| !ends_with_locale(stem))
}

#[cfg(test)]
mod tests {
    use super::is_translation_file;

    #[test]
    fn message_catalogs_are_known_by_their_paths() {
        for path in [
            "languages/i18n/rm.json",
            "src/locales/fi/translation.json",
            "app/src/main/res/values-de/strings.xml",
            "res/values-pt-rBR/strings.xml",
            "po/cy.po",
            "locale/de/LC_MESSAGES/django.po",
            "Resources/fr.lproj/Localizable.strings",
            "lib/l10n/app_es.arb",
            "src/main/resources/messages_de.properties",
            "bundles/Messages_pt_BR.properties",
            "translations/app_de.ts",
            "config/locales/de.yml",
            "web/nls/ja/strings.js.json",
        ] {
            assert!(is_translation_file(path), "{path}");
        }
    }

    #[test]
    fn code_and_settings_are_not_catalogs() {
        for path in [
            "src/i18n/index.js",
            "app/locales/loader.py",
            "src/lang/detect.ts",
            "config/application.yml",
            "app/src/main/res/values/strings.xml",
            "res/values-v21/styles.xml",
            "src/main/resources/application.properties",
            "src/main/resources/application_prod.properties",
            "src/main/resources/application_dev.properties",
            "config/locale/settings.yml",
            "i18n/secrets.json",
            "lang/deploy.env",
            "config/settings_qa.properties",
            "app/src/main/res/values-night/colors.xml",
            "app/src/main/res/values-land/dimens.xml",
            "deploy/settings.json",
            "src/login.ts",
            ".env",
        ] {
            assert!(!is_translation_file(path), "{path}");
        }
    }
}
