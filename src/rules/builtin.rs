//! The built-in rule files, compiled into the binary.
//!
//! An explicit `include_str!` list rather than a directory-embedding macro: such macros miss
//! new files on incremental builds. A test below checks that this list and the `rules/`
//! folder hold the same files, so a forgotten entry fails the suite.

/// `(file name, contents)` of every `.toml` file directly in `rules/`. Sub-folders are not
/// rule files: `rules/held-out/` holds test examples for `rules::held_out`.
pub const BUILTIN_RULE_FILES: &[(&str, &str)] = &[
    ("ably.toml", include_str!("../../rules/ably.toml")),
    ("adafruit.toml", include_str!("../../rules/adafruit.toml")),
    ("adobe.toml", include_str!("../../rules/adobe.toml")),
    ("adyen.toml", include_str!("../../rules/adyen.toml")),
    ("ai-keys.toml", include_str!("../../rules/ai-keys.toml")),
    ("ai.toml", include_str!("../../rules/ai.toml")),
    ("airtable.toml", include_str!("../../rules/airtable.toml")),
    ("algolia.toml", include_str!("../../rules/algolia.toml")),
    ("alibaba.toml", include_str!("../../rules/alibaba.toml")),
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
    ("aws.toml", include_str!("../../rules/aws.toml")),
    (
        "azure-devops.toml",
        include_str!("../../rules/azure-devops.toml"),
    ),
    ("azure.toml", include_str!("../../rules/azure.toml")),
    ("beamer.toml", include_str!("../../rules/beamer.toml")),
    ("bitbucket.toml", include_str!("../../rules/bitbucket.toml")),
    ("blynk.toml", include_str!("../../rules/blynk.toml")),
    ("box.toml", include_str!("../../rules/box.toml")),
    ("braintree.toml", include_str!("../../rules/braintree.toml")),
    ("brevo.toml", include_str!("../../rules/brevo.toml")),
    ("bugsnag.toml", include_str!("../../rules/bugsnag.toml")),
    ("buildkite.toml", include_str!("../../rules/buildkite.toml")),
    ("circleci.toml", include_str!("../../rules/circleci.toml")),
    ("clerk.toml", include_str!("../../rules/clerk.toml")),
    ("clickup.toml", include_str!("../../rules/clickup.toml")),
    ("clojars.toml", include_str!("../../rules/clojars.toml")),
    (
        "cloudflare.toml",
        include_str!("../../rules/cloudflare.toml"),
    ),
    (
        "cloudinary.toml",
        include_str!("../../rules/cloudinary.toml"),
    ),
    ("coinbase.toml", include_str!("../../rules/coinbase.toml")),
    ("confluent.toml", include_str!("../../rules/confluent.toml")),
    (
        "contentful.toml",
        include_str!("../../rules/contentful.toml"),
    ),
    ("crates.toml", include_str!("../../rules/crates.toml")),
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
    ("easypost.toml", include_str!("../../rules/easypost.toml")),
    (
        "elevenlabs.toml",
        include_str!("../../rules/elevenlabs.toml"),
    ),
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
    ("ghost.toml", include_str!("../../rules/ghost.toml")),
    ("github.toml", include_str!("../../rules/github.toml")),
    ("gitlab.toml", include_str!("../../rules/gitlab.toml")),
    ("gitter.toml", include_str!("../../rules/gitter.toml")),
    (
        "gocardless.toml",
        include_str!("../../rules/gocardless.toml"),
    ),
    ("grafana.toml", include_str!("../../rules/grafana.toml")),
    ("harvest.toml", include_str!("../../rules/harvest.toml")),
    ("heroku.toml", include_str!("../../rules/heroku.toml")),
    ("hetzner.toml", include_str!("../../rules/hetzner.toml")),
    ("honeycomb.toml", include_str!("../../rules/honeycomb.toml")),
    ("hubspot.toml", include_str!("../../rules/hubspot.toml")),
    (
        "huggingface.toml",
        include_str!("../../rules/huggingface.toml"),
    ),
    ("ibm.toml", include_str!("../../rules/ibm.toml")),
    ("infracost.toml", include_str!("../../rules/infracost.toml")),
    ("intercom.toml", include_str!("../../rules/intercom.toml")),
    ("jfrog.toml", include_str!("../../rules/jfrog.toml")),
    ("jwt.toml", include_str!("../../rules/jwt.toml")),
    ("kaggle.toml", include_str!("../../rules/kaggle.toml")),
    ("keys.toml", include_str!("../../rules/keys.toml")),
    ("klaviyo.toml", include_str!("../../rules/klaviyo.toml")),
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
        "mailersend.toml",
        include_str!("../../rules/mailersend.toml"),
    ),
    ("mailgun.toml", include_str!("../../rules/mailgun.toml")),
    ("mailjet.toml", include_str!("../../rules/mailjet.toml")),
    ("mandrill.toml", include_str!("../../rules/mandrill.toml")),
    ("mapbox.toml", include_str!("../../rules/mapbox.toml")),
    (
        "messagebird.toml",
        include_str!("../../rules/messagebird.toml"),
    ),
    ("meta.toml", include_str!("../../rules/meta.toml")),
    ("miro.toml", include_str!("../../rules/miro.toml")),
    ("mixpanel.toml", include_str!("../../rules/mixpanel.toml")),
    ("mollie.toml", include_str!("../../rules/mollie.toml")),
    ("netlify.toml", include_str!("../../rules/netlify.toml")),
    ("newrelic.toml", include_str!("../../rules/newrelic.toml")),
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
    ("particle.toml", include_str!("../../rules/particle.toml")),
    (
        "password-hashes.toml",
        include_str!("../../rules/password-hashes.toml"),
    ),
    ("pipedrive.toml", include_str!("../../rules/pipedrive.toml")),
    ("plaid.toml", include_str!("../../rules/plaid.toml")),
    (
        "planetscale.toml",
        include_str!("../../rules/planetscale.toml"),
    ),
    ("plivo.toml", include_str!("../../rules/plivo.toml")),
    ("posthog.toml", include_str!("../../rules/posthog.toml")),
    ("postman.toml", include_str!("../../rules/postman.toml")),
    ("postmark.toml", include_str!("../../rules/postmark.toml")),
    ("prefect.toml", include_str!("../../rules/prefect.toml")),
    ("pubnub.toml", include_str!("../../rules/pubnub.toml")),
    ("pulumi.toml", include_str!("../../rules/pulumi.toml")),
    ("pusher.toml", include_str!("../../rules/pusher.toml")),
    ("pypi.toml", include_str!("../../rules/pypi.toml")),
    ("rapidapi.toml", include_str!("../../rules/rapidapi.toml")),
    ("razorpay.toml", include_str!("../../rules/razorpay.toml")),
    ("readme.toml", include_str!("../../rules/readme.toml")),
    ("render.toml", include_str!("../../rules/render.toml")),
    ("resend.toml", include_str!("../../rules/resend.toml")),
    ("rollbar.toml", include_str!("../../rules/rollbar.toml")),
    ("rubygems.toml", include_str!("../../rules/rubygems.toml")),
    (
        "salesforce.toml",
        include_str!("../../rules/salesforce.toml"),
    ),
    ("sanity.toml", include_str!("../../rules/sanity.toml")),
    ("scaleway.toml", include_str!("../../rules/scaleway.toml")),
    ("segment.toml", include_str!("../../rules/segment.toml")),
    ("sendbird.toml", include_str!("../../rules/sendbird.toml")),
    ("sendgrid.toml", include_str!("../../rules/sendgrid.toml")),
    ("sentry.toml", include_str!("../../rules/sentry.toml")),
    ("shippo.toml", include_str!("../../rules/shippo.toml")),
    ("shopify.toml", include_str!("../../rules/shopify.toml")),
    ("slack.toml", include_str!("../../rules/slack.toml")),
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
    ("travis.toml", include_str!("../../rules/travis.toml")),
    ("trello.toml", include_str!("../../rules/trello.toml")),
    ("twilio.toml", include_str!("../../rules/twilio.toml")),
    ("twitch.toml", include_str!("../../rules/twitch.toml")),
    ("twitter.toml", include_str!("../../rules/twitter.toml")),
    ("typeform.toml", include_str!("../../rules/typeform.toml")),
    ("urls.toml", include_str!("../../rules/urls.toml")),
    ("vault.toml", include_str!("../../rules/vault.toml")),
    ("vercel.toml", include_str!("../../rules/vercel.toml")),
    ("vonage.toml", include_str!("../../rules/vonage.toml")),
    ("wandb.toml", include_str!("../../rules/wandb.toml")),
    ("webflow.toml", include_str!("../../rules/webflow.toml")),
    ("yandex.toml", include_str!("../../rules/yandex.toml")),
    ("zendesk.toml", include_str!("../../rules/zendesk.toml")),
    ("zoho.toml", include_str!("../../rules/zoho.toml")),
    ("zoom.toml", include_str!("../../rules/zoom.toml")),
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
}
