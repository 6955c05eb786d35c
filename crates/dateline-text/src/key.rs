//! Name keys. Dependency-free on purpose: the gazetteer's build script compiles this file
//! too (crates/dateline-geo/build.rs), so that the name index it prebuilds uses the very
//! keys the program computes at run time.

/// Normalised lookup key of a name: upper case, hyphens, underscores and dots as spaces,
/// apostrophes dropped, whitespace collapsed ("Bashar al-Assad" and "BASHAR_AL_ASSAD" meet).
pub fn norm_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    norm_key_into(s, &mut out);
    out
}

/// [`norm_key`] appended to `out` (which should be empty), without allocating a new string.
pub fn norm_key_into(s: &str, out: &mut String) {
    key_into(s, out, false)
}

/// [`norm_key_into`] with Latin letters also stripped of their diacritics ("Québec" and
/// "Quebec", "Zürich" and "Zurich" meet): the gazetteer's keys, where news spells a place
/// either way and the gazetteer lists one.
pub fn norm_key_folded_into(s: &str, out: &mut String) {
    key_into(s, out, true)
}

fn key_into(s: &str, out: &mut String, fold: bool) {
    let mut space = true;
    for c in s.chars() {
        let c = match c {
            '-' | '_' | '.' | '\u{2010}' | '\u{2011}' => ' ',
            '\'' | '\u{2019}' => continue,
            c => c,
        };
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            if c.is_ascii() {
                out.push(c.to_ascii_uppercase());
            } else if let Some(base) = fold.then(|| fold_latin(c)).flatten() {
                out.push_str(base);
            } else {
                for u in c.to_uppercase() {
                    out.push(u);
                }
            }
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    if fold {
        expand_abbreviations(out);
    }
}

/// The gazetteer's keys spell out the abbreviations of place names' generic words before
/// another word: "St. George" and "Saint George", "Mt. Pleasant" and "Mount Pleasant",
/// "Ft. Worth" and "Fort Worth" meet ("MT" alone stays Montana's code).
fn expand_abbreviations(out: &mut String) {
    const LONG: [(&str, &str); 4] = [
        ("ST", "SAINT"),
        ("STE", "SAINTE"),
        ("MT", "MOUNT"),
        ("FT", "FORT"),
    ];
    let needs = out
        .split(' ')
        .rev()
        .skip(1)
        .any(|w| LONG.iter().any(|(a, _)| *a == w));
    if !needs {
        return;
    }
    let words: Vec<&str> = out.split(' ').collect();
    let last = words.len() - 1;
    let mut long = String::with_capacity(out.len() + 8);
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            long.push(' ');
        }
        match LONG.iter().find(|(a, _)| a == w) {
            Some((_, full)) if k < last => long.push_str(full),
            _ => long.push_str(w),
        }
    }
    *out = long;
}

/// The upper-case base letters of a Latin letter with a diacritic (Latin-1 Supplement and
/// Latin Extended-A), or `None` for any other character.
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => "A",
        'Æ' | 'æ' => "AE",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "C",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "D",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            "E"
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "G",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "H",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => {
            "I"
        }
        'Ĵ' | 'ĵ' => "J",
        'Ķ' | 'ķ' => "K",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "L",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "N",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' => "O",
        'Œ' | 'œ' => "OE",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "R",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' => "S",
        'ß' => "SS",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' => "T",
        'Þ' | 'þ' => "TH",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų' => "U",
        'Ŵ' | 'ŵ' => "W",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "Y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "Z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_folded_keys() {
        assert_eq!(norm_key("Bashar al-Assad"), norm_key("BASHAR_AL_ASSAD"));
        assert_eq!(norm_key("Québec"), "QUÉBEC");
        let folded = |s: &str| {
            let mut out = String::new();
            norm_key_folded_into(s, &mut out);
            out
        };
        assert_eq!(folded("Québec"), "QUEBEC");
        assert_eq!(folded("Zürich-Öst"), "ZURICH OST");
        assert_eq!(folded("Łódź"), "LODZ");
        assert_eq!(folded("Straße"), "STRASSE");
        assert_eq!(folded("St. George"), folded("Saint George"));
        assert_eq!(folded("Port St. Lucie"), "PORT SAINT LUCIE");
        assert_eq!(folded("Mt. Pleasant"), "MOUNT PLEASANT");
        assert_eq!(folded("Ste-Foy"), "SAINTE FOY");
        assert_eq!(folded("Helena MT"), "HELENA MT");
        assert_eq!(folded("MT"), "MT");
        assert_eq!(norm_key("St. George"), "ST GEORGE");
        assert_eq!(folded("Ærø"), "AERO");
        // other scripts keep their letters
        assert_eq!(folded("Москва"), "МОСКВА");
        assert_eq!(folded(" São  Paulo "), "SAO PAULO");
    }

    #[test]
    fn a_key_is_its_own_key() {
        // what lets the lexicon take the actor dictionaries' keys as they are, in any order
        // (crates/dateline-code/src/pipeline.rs, add_actor_names): every character, alone
        // and among others, gives a key that norm_key leaves as it is
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            for s in [
                c.to_string(),
                format!("a{c}b"),
                format!(" {c}-{c}. x{c}"),
                format!("{c}{c}_"),
            ] {
                let k = norm_key(&s);
                assert_eq!(norm_key(&k), k, "{:?}", s);
            }
        }
    }
}
