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
}
