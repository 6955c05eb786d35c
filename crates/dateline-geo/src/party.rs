//! Legislators' homes in their party tags.
//!
//! Heuristics:
//! - One to three capitalised words after a party's letter and a hyphen, up to a comma,
//!   bracket, semicolon or line end (", R-Marshall,", "(R-Elbow Lake)", "(DFL-Cook)"; the
//!   tags of `PARTY_TAGS` in [`crate::words`]) name the legislator's home: a state's
//!   abbreviation is the state; another name is the town of that main name in the focus
//!   country, among the article's other places first, then the most populous.
//! - Places already found there are kept.

use crate::coherence::Coherence;
use crate::data;
use crate::index::Cand;
use crate::resolve::Resolver;
use crate::text::overlaps;
use crate::words::PARTY_TAGS;
use crate::Gazetteer;
use dateline_core::Place;

impl Resolver<'_, '_> {
    /// The legislators' homes (see the module notes), added to `out`.
    pub(crate) fn add_party_homes(&self, out: &mut Vec<Place>) {
        out.sort_by_key(|p| (p.start, p.end));
        let homes = self
            .g
            .party_homes(self.body, self.focus(), self.near.as_ref(), out);
        out.extend(homes);
    }
}

impl Gazetteer {
    /// The homes in legislators' party tags (", R-Marshall,", "(DFL-Cook)"): one to three
    /// capitalised words after the party's letter and a hyphen, up to a comma or bracket; a
    /// state's abbreviation is the state, other names the town of that main name in the focus
    /// country (among the article's other places first, then the most populous). Places
    /// already found (`sorted`) are kept.
    pub(crate) fn party_homes(
        &self,
        body: &str,
        focus: Option<&str>,
        near: Option<&Coherence>,
        sorted: &[Place],
    ) -> Vec<Place> {
        let mut out = Vec::new();
        for (at, _) in body.match_indices('-') {
            if !PARTY_TAGS.iter().any(|p| body[..at].ends_with(p)) {
                continue;
            }
            let start = at + 1;
            let rest = &body[start..];
            let end = rest.find([',', ')', ';', '\n']).unwrap_or(rest.len());
            let name = rest[..end].trim_end_matches(' ');
            let words: Vec<&str> = name.split(' ').collect();
            if name.is_empty()
                || words.len() > 3
                || !words.iter().all(|w| w.starts_with(char::is_uppercase))
                || overlaps(sorted, start, start + name.len())
            {
                continue;
            }
            let bare = name.trim_end_matches('.');
            let cand = if data::press_abbreviation(bare) || name.len() == 2 {
                self.division_named(&format!("{bare}."))
                    .or_else(|| self.division_named(bare))
                    .map(Cand::Place)
            } else {
                self.lookup(name)
                    .iter()
                    .filter_map(|&(c, main)| match c {
                        Cand::Place(i)
                            if main
                                && self.places[i].feature.starts_with("PPL")
                                && focus == Some(self.places[i].iso3) =>
                        {
                            Some((c, i))
                        }
                        _ => None,
                    })
                    .max_by_key(|&(_, i)| self.town_rank(name, i, focus, near))
                    .map(|(c, _)| c)
            };
            if let Some(c) = cand {
                out.push(self.place(c, start, name, None));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::EntityType;

    #[test]
    fn legislators_homes_in_party_tags() {
        let g = gazetteer();
        let body = "Officials in Minnesota met. Rep. Ann Doe, R-Elbow Lake, and Sen. Bo Roe \
                    (DFL-Moorhead) and Rep. Cy Poe, R-Ky., spoke.";
        let ents = vec![
            ent(body, "Minnesota", EntityType::Gpe),
            ent(body, "Ann Doe", EntityType::Person),
            ent(body, "Bo Roe", EntityType::Person),
        ];
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>)> = ps
            .iter()
            .map(|p| (&body[p.start..p.end], p.admin1.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Minnesota", Some("MN")),
                ("Elbow Lake", Some("MN")),
                ("Moorhead", Some("MN")),
                ("Ky.", Some("KY")),
            ]
        );
    }

    /// no party letter, no home: "Mercedes-Benz", "Jean-Pierre"
    #[test]
    fn no_party_letter_no_home_mercedes_benz_jean_pierre() {
        let g = gazetteer();
        let body = "Officials in Texas bought a Mercedes-Benz from Jean-Pierre Dupont.";
        let ps = g.resolve(body, &[ent(body, "Texas", EntityType::Gpe)]);
        assert_eq!(ps.len(), 1, "{ps:?}");
    }
}
