//! A credential shown as a command's output in documentation: the command prints a
//! credential-named variable, secret or file, and the next line is what it printed.
//!
//! READMEs and runbooks copy terminal sessions:
//!
//! ```text
//! $ echo $MYSQL_ROOT_PASSWORD
//! v
//! $ kubectl get secret db -o jsonpath="{.data.password}" | base64 -d
//! v
//! $ cat /var/jenkins_home/secrets/initialAdminPassword
//! v
//! ```
//!
//! No `=` ties the value to a name; the command before it does. This pass reads a line that
//! is such a command (a prompt like `$ ` allowed), finds the name it prints (the variable of
//! `echo`/`printenv`, the last field of a `jsonpath`/`go-template`/`jq` expression, the file
//! name of `cat`), and when that name names a credential and the next line is one word alone,
//! gives that word under the name. The shared classifier drops words, placeholders and
//! references.

use super::names::names_secret;
use super::{Candidate, Origin};

/// Appends the output word below `line` (at `data[at..end]`) when `line` prints a
/// credential-named value.
pub(super) fn candidates(data: &[u8], line: &[u8], end: usize, out: &mut Vec<Candidate>) {
    if end >= data.len() || line.len() > 512 {
        return;
    }
    let Some(name) = printed_name(line) else {
        return;
    };
    if !names_secret(&name) {
        return;
    }
    let next_start = end + 1;
    let next_end =
        memchr::memchr(b'\n', &data[next_start..]).map_or(data.len(), |i| next_start + i);
    let next = &data[next_start..next_end];
    let next = next.strip_suffix(b"\r").unwrap_or(next);
    let word = next.trim_ascii();
    if word.is_empty()
        || word.len() > 256
        || word.iter().any(|b| b.is_ascii_whitespace())
        || word.starts_with(b"```")
        || word.starts_with(b"$")
        || word.starts_with(b"#")
        || word.starts_with(b">")
    {
        return;
    }
    let s = next_start + (next.len() - next.trim_ascii_start().len());
    out.push(Candidate::bare_word(
        name,
        s,
        s + word.len(),
        word,
        next_start,
        Origin::Assignment,
    ));
}

/// The name of what the command on `line` prints, if it prints one value.
fn printed_name(line: &[u8]) -> Option<String> {
    let mut t = line.trim_ascii();
    // A prompt or a comment marker before the command.
    for prompt in [&b"$ "[..], b"# ", b"> ", b"PS> ", b"% "] {
        if let Some(rest) = t.strip_prefix(prompt) {
            t = rest.trim_ascii_start();
            break;
        }
    }
    let text = std::str::from_utf8(t).ok()?;
    let mut words = text.split_ascii_whitespace();
    let program = words.next()?;
    let rest: Vec<&str> = words.collect();
    match program {
        // `echo $NAME`, `echo "${NAME}"`, `echo -n $NAME`, `printenv NAME`.
        "echo" | "printenv" => {
            let args: Vec<&str> = rest
                .iter()
                .copied()
                .filter(|w| !w.starts_with('-'))
                .collect();
            let [arg] = args.as_slice() else {
                return None;
            };
            let arg = arg.trim_matches(['"', '\'']);
            let var = if program == "echo" {
                let v = arg.strip_prefix('$')?;
                v.strip_prefix('{')
                    .and_then(|v| v.strip_suffix('}'))
                    .unwrap_or(v)
            } else {
                arg
            };
            (!var.is_empty() && var.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
                .then(|| var.to_string())
        }
        // `cat /run/secrets/db_password`, `cat secrets/initialAdminPassword`.
        "cat" | "sudo" => {
            let path = if program == "sudo" {
                let [cat, path] = rest.as_slice() else {
                    return None;
                };
                (*cat == "cat").then_some(*path)?
            } else {
                let [path] = rest.as_slice() else {
                    return None;
                };
                *path
            };
            let file = path.rsplit('/').next()?;
            let file = file.strip_suffix(".txt").unwrap_or(file);
            (!file.is_empty()).then(|| file.to_string())
        }
        // `kubectl get secret x -o jsonpath="{.data.password}" | base64 -d`, `oc ...`,
        // `... -o go-template='{{.data.token | base64decode}}'`, `vault kv get -field=password`.
        _ => selected_field(text),
    }
}

/// The field a command selects from a secret: `jsonpath={.data.admin-password}`,
/// `{{.data.token | base64decode}}`, `jq -r .data.password`, `-field=password`.
fn selected_field(text: &str) -> Option<String> {
    let prints_secret = ["kubectl ", "oc ", "vault ", "jq ", "op ", "gcloud ", "aws "]
        .iter()
        .any(|p| text.starts_with(p));
    if !prints_secret {
        return None;
    }
    for marker in ["{.data.", "{{.data.", "{{ .data.", ".data.", "-field="] {
        if let Some(at) = text.rfind(marker) {
            let rest = &text[at + marker.len()..];
            let field: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '\\'))
                .filter(|c| *c != '\\')
                .collect();
            if !field.is_empty() {
                return Some(field);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(String, String)> {
        let data = text.as_bytes();
        let end = memchr::memchr(b'\n', data).unwrap_or(data.len());
        let mut out = Vec::new();
        candidates(data, &data[..end], end, &mut out);
        out.into_iter().map(|c| (c.key, c.value)).collect()
    }

    #[test]
    fn printed_credentials_are_named_by_their_command() {
        let v = "Hq4tN7wZ2pK9mR3xL6";
        for (text, key) in [
            (format!("echo $MYSQL_ROOT_PASSWORD\n{v}\n"), "MYSQL_ROOT_PASSWORD"),
            (format!("$ echo \"${{API_TOKEN}}\"\n{v}\n"), "API_TOKEN"),
            (format!("$ printenv DB_PASSWORD\n  {v}\n"), "DB_PASSWORD"),
            (
                format!("$ sudo cat /var/jenkins_home/secrets/initialAdminPassword\n{v}\n"),
                "initialAdminPassword",
            ),
            (
                format!("kubectl get secret grafana -o jsonpath=\"{{.data.admin-password}}\" | base64 --decode\n{v}\n"),
                "admin-password",
            ),
            (
                format!("$ vault kv get -field=api_token secret/app\n{v}\n"),
                "api_token",
            ),
        ] {
            assert_eq!(shown(&text), vec![(key.to_string(), v.to_string())], "{text}");
        }
    }

    #[test]
    fn other_commands_and_lines_give_nothing() {
        for text in [
            "echo $MYSQL_ROOT_PASSWORD\nkubectl run mysql-client --rm\n",
            "echo $HOME\nHq4tN7wZ2pK9mR3xL6\n",
            "echo $API_TOKEN\n```\n",
            "echo $API_TOKEN $USER\nHq4tN7wZ2pK9mR3xL6\n",
            "cat README.md\nHq4tN7wZ2pK9mR3xL6\n",
            "echo $API_TOKEN\n$ next-command\n",
        ] {
            assert!(shown(text).is_empty(), "{text}");
        }
    }
}
