//! `robots.txt` (RFC 9309, the parts a news fetcher needs): groups of `User-agent` lines and
//! their `Allow`/`Disallow` rules; the group naming our product token wins over `*`; the
//! longest matching rule decides, `Allow` on a tie; `*` in a rule matches any run of
//! characters and a final `$` anchors it at the end of the path.

/// A group of robots.txt: its user agents, and its rules as (allow, pattern).
type Group = (Vec<String>, Vec<(bool, String)>);

/// The rules that apply to us on one host.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Robots {
    /// (allow, pattern)
    rules: Vec<(bool, String)>,
    /// Everything disallowed (robots.txt could not be fetched: a 5xx or no answer).
    all_disallowed: bool,
}

impl Robots {
    /// No rules: everything allowed (robots.txt missing, a 4xx).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// Nothing allowed (robots.txt answered 5xx or not at all: RFC 9309 says assume complete
    /// disallow until it can be read).
    pub fn disallow_all() -> Robots {
        Robots {
            rules: Vec::new(),
            all_disallowed: true,
        }
    }

    /// The rules of `text` for the product token `agent` (lower case, e.g. `dateline`).
    pub fn parse(text: &str, agent: &str) -> Robots {
        let agent = agent.to_ascii_lowercase();
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Vec::new()));
                        in_agents = true;
                    }
                    if let Some(g) = groups.last_mut() {
                        g.0.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut() {
                        // an empty Disallow allows everything: no rule
                        if !value.is_empty() {
                            g.1.push((key == "allow", value.to_string()));
                        }
                    }
                }
                _ => {}
            }
        }
        let ours = |g: &&Group| g.0.iter().any(|a| a != "*" && agent.contains(a.as_str()));
        let mut rules: Vec<(bool, String)> = groups
            .iter()
            .filter(ours)
            .flat_map(|g| g.1.clone())
            .collect();
        if rules.is_empty() && !groups.iter().any(|g| ours(&g)) {
            rules = groups
                .iter()
                .filter(|g| g.0.iter().any(|a| a == "*"))
                .flat_map(|g| g.1.clone())
                .collect();
        }
        Robots {
            rules,
            all_disallowed: false,
        }
    }

    /// Whether `path` (with its query, e.g. `/news/a?id=3`) may be fetched.
    pub fn allowed(&self, path: &str) -> bool {
        if self.all_disallowed {
            return false;
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pat) in &self.rules {
            if matches(pat, path) {
                let len = pat.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Does the rule `pat` match the start of `path` (`*` any run, final `$` the end)?
fn matches(pat: &str, path: &str) -> bool {
    let (pat, anchored) = match pat.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pat, false),
    };
    let parts: Vec<&str> = pat.split('*').collect();
    let Some(first) = parts.first() else {
        return true;
    };
    if !path.starts_with(first) {
        return false;
    }
    let mut at = first.len();
    let last = parts.len() - 1;
    for (i, part) in parts.iter().enumerate().skip(1) {
        if i == last && anchored {
            return path.len() >= at + part.len() && path[at..].ends_with(part);
        }
        match path[at..].find(part) {
            Some(k) => at += k + part.len(),
            None => return false,
        }
    }
    !anchored || parts.len() > 1 || at == path.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_rules_and_patterns() {
        let txt = "# a comment\nUser-agent: *\nDisallow: /private/\nDisallow: /*.pdf$\n\nUser-agent: otherbot\nDisallow: /\n";
        let r = Robots::parse(txt, "dateline");
        assert!(r.allowed("/news/a"));
        assert!(!r.allowed("/private/x"));
        assert!(!r.allowed("/files/report.pdf"));
        assert!(r.allowed("/files/report.pdf?x=1"));
        let ours = "User-agent: *\nDisallow: /\n\nUser-agent: Dateline\nAllow: /news/\nDisallow: /news/drafts\n";
        let r = Robots::parse(ours, "dateline");
        assert!(r.allowed("/news/a"));
        assert!(!r.allowed("/news/drafts/1"));
        assert!(r.allowed("/about"), "our group, not '*', applies");
        let tie = "User-agent: *\nDisallow: /a\nAllow: /a\nDisallow:\n";
        assert!(Robots::parse(tie, "dateline").allowed("/a/b"));
        assert!(!Robots::disallow_all().allowed("/"));
        assert!(Robots::parse("garbage\n\0\u{1}", "dateline").allowed("/"));
    }
}
