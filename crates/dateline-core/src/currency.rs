//! Currency prefixes: "US$460 million", "A$5", "NZ$12", "HK$3 billion" — the letters before
//! a dollar sign name a currency, not a place or an organisation.
//!
//! Rule **currency-prefix**: a name of one to three capital letters (dots allowed: "U.S.$")
//! that a "$" follows with no space between is a currency's prefix and no entity. A name
//! followed by a space and "$" ("the US $5 coin") is left alone, as is a longer name
//! ("Hong Kong$" is no currency prefix in English writing).

use crate::Entity;

/// Whether the entity text `name`, followed in the body by `after`, is a currency prefix.
pub fn is_currency_prefix(name: &str, after: &str) -> bool {
    let letters = name.chars().filter(|c| *c != '.').count();
    after.starts_with('$')
        && (1..=3).contains(&letters)
        && name.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Drop the entities of `out` that are currency prefixes in `body`.
pub fn drop_currency_prefixes(body: &str, out: &mut Vec<Entity>) {
    out.retain(|e| !is_currency_prefix(&e.text, body.get(e.end..).unwrap_or("")));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_right_before_a_dollar_sign_are_a_currency() {
        for (name, after) in [
            ("US", "$460 million"),
            ("A", "$5"),
            ("NZ", "$12 each"),
            ("HK", "$3 billion"),
            ("U.S.", "$7"),
        ] {
            assert!(is_currency_prefix(name, after), "{name}{after}");
        }
    }

    #[test]
    fn a_space_or_a_longer_name_is_no_currency() {
        assert!(!is_currency_prefix("US", " $5 coin"));
        assert!(!is_currency_prefix("Kenya", "$"));
        assert!(!is_currency_prefix("US", " said"));
        assert!(!is_currency_prefix("Hong Kong", "$4"));
    }
}
