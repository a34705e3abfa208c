//! The built-in rule files, compiled into the binary.
//!
//! An explicit `include_str!` list rather than a directory-embedding macro: such macros miss
//! new files on incremental builds. A test below checks that this list and the `rules/`
//! folder hold the same files, so a forgotten entry fails the suite.

/// `(file name, contents)` of every file in `rules/`.
pub const BUILTIN_RULE_FILES: &[(&str, &str)] = &[
    ("alibaba.toml", include_str!("../../rules/alibaba.toml")),
    ("anthropic.toml", include_str!("../../rules/anthropic.toml")),
    ("aws.toml", include_str!("../../rules/aws.toml")),
    ("azure.toml", include_str!("../../rules/azure.toml")),
    ("bitbucket.toml", include_str!("../../rules/bitbucket.toml")),
    ("buildkite.toml", include_str!("../../rules/buildkite.toml")),
    ("circleci.toml", include_str!("../../rules/circleci.toml")),
    (
        "cloudflare.toml",
        include_str!("../../rules/cloudflare.toml"),
    ),
    ("crates.toml", include_str!("../../rules/crates.toml")),
    ("databases.toml", include_str!("../../rules/databases.toml")),
    (
        "databricks.toml",
        include_str!("../../rules/databricks.toml"),
    ),
    (
        "digitalocean.toml",
        include_str!("../../rules/digitalocean.toml"),
    ),
    ("docker.toml", include_str!("../../rules/docker.toml")),
    ("doppler.toml", include_str!("../../rules/doppler.toml")),
    ("flyio.toml", include_str!("../../rules/flyio.toml")),
    ("gcp.toml", include_str!("../../rules/gcp.toml")),
    ("generic.toml", include_str!("../../rules/generic.toml")),
    ("github.toml", include_str!("../../rules/github.toml")),
    ("gitlab.toml", include_str!("../../rules/gitlab.toml")),
    ("heroku.toml", include_str!("../../rules/heroku.toml")),
    ("hetzner.toml", include_str!("../../rules/hetzner.toml")),
    ("ibm.toml", include_str!("../../rules/ibm.toml")),
    ("jfrog.toml", include_str!("../../rules/jfrog.toml")),
    ("jwt.toml", include_str!("../../rules/jwt.toml")),
    ("keys.toml", include_str!("../../rules/keys.toml")),
    ("linode.toml", include_str!("../../rules/linode.toml")),
    ("netlify.toml", include_str!("../../rules/netlify.toml")),
    ("npm.toml", include_str!("../../rules/npm.toml")),
    ("nuget.toml", include_str!("../../rules/nuget.toml")),
    (
        "onepassword.toml",
        include_str!("../../rules/onepassword.toml"),
    ),
    ("pulumi.toml", include_str!("../../rules/pulumi.toml")),
    ("pypi.toml", include_str!("../../rules/pypi.toml")),
    ("render.toml", include_str!("../../rules/render.toml")),
    ("rubygems.toml", include_str!("../../rules/rubygems.toml")),
    ("scaleway.toml", include_str!("../../rules/scaleway.toml")),
    ("speckle.toml", include_str!("../../rules/speckle.toml")),
    ("spell.toml", include_str!("../../rules/spell.toml")),
    ("supabase.toml", include_str!("../../rules/supabase.toml")),
    ("tailscale.toml", include_str!("../../rules/tailscale.toml")),
    ("tencent.toml", include_str!("../../rules/tencent.toml")),
    ("terraform.toml", include_str!("../../rules/terraform.toml")),
    ("urls.toml", include_str!("../../rules/urls.toml")),
    ("vault.toml", include_str!("../../rules/vault.toml")),
    ("vercel.toml", include_str!("../../rules/vercel.toml")),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_matches_the_rules_folder() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
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
}
