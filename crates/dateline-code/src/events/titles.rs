//! Rule "an explicit title outranks a dated dictionary role".
//!
//! The actor dictionaries date a person's roles ("[KENGOVEDU >100601]": Kenya's education
//! minister from June 2010), and an open-ended or long range goes stale when the person moves
//! to another office the dictionary has not heard of. The article's own title for the person
//! is newer knowledge: "President William Ruto" in a 2024 story is his government's head
//! (KENGOV), not an education minister.
//!
//! The title (the words in front of the name that the agent dictionary gives a role: GOV for
//! "President", ELI for "former President", OPP for "opposition leader") replaces the role of
//! a *dated* dictionary code when they disagree:
//!
//! - a head of state's or government's title (`data/events/head-titles.txt`: "president",
//!   "prime minister", "king" …) names an office without a sector, so it replaces any other
//!   role, a ministry's sub-role included (GOVEDU → GOV);
//! - any other title replaces a role it is not the start of (GOV → OPP for "opposition leader
//!   X"; but "minister X" keeps the dictionary's more precise GOVEDU).
//!
//! The country stays the dictionary's. Undated dictionary codes (an identity, such as a UN
//! official's IGO code) are kept. Within the article, a person once titled keeps the title's
//! code when named again without it ("Ruto said").

use super::coder::{code_country, Coder};
use dateline_core::Entity;

impl Coder<'_, '_> {
    /// The code a person's title (tokens `[t0, t1)` in front of the name, whose agent role is
    /// `role`) gives when it outranks the dated role the dictionaries hold for the article's
    /// day; with no title, the code an earlier titled mention of the same person got.
    pub(super) fn titled_code(
        &self,
        e: &Entity,
        title: (usize, usize),
        role: Option<&str>,
    ) -> Option<String> {
        let entry = self.dict_entries(e).next().or_else(|| {
            // the one person in office with the surname (as `person_code` codes it)
            let surname = e.text.rsplit(' ').next()?;
            self.k.actors.person_in_office(surname, self.day)
        })?;
        let Some(role) = role else {
            return self.titled.borrow().get(&entry.name).cloned();
        };
        let dated = entry.dated_on(self.day)?;
        // a qualifier in front that the agent dictionary joins to the title ("former Prime
        // Minister": ELI) though the name's left context stopped at the title
        let extended = (title.0 > 0)
            .then(|| self.agent_of(title.0 - 1, title.1))
            .flatten();
        let role = extended.as_deref().unwrap_or(role);
        let phrase: Vec<&str> = (title.0..title.1).map(|i| self.ltok(i)).collect();
        let head = (0..phrase.len()).any(|i| {
            self.k
                .vocabulary
                .head_titles
                .contains(&phrase[i..].join(" "))
        });
        let code = outranks(&dated.code, role, head, |c| {
            code_country(c, self.k.gazetteer).is_some()
        })?;
        self.titled
            .borrow_mut()
            .insert(entry.name.clone(), code.clone());
        Some(code)
    }
}

/// The rule on codes: the dictionary's dated `dict` code (country and role), the title's
/// `title_role`, whether the title is a head of state's or government's. `Some(country +
/// title role)` when the title wins, `None` when the dictionary's code stands.
pub(super) fn outranks(
    dict: &str,
    title_role: &str,
    head_title: bool,
    is_country: impl Fn(&str) -> bool,
) -> Option<String> {
    let country = dict.get(..3)?;
    let dict_role = dict.get(3..)?;
    if title_role.is_empty() || !is_country(country) {
        return None;
    }
    let wins = if head_title {
        dict_role != title_role
    } else {
        !dict_role.starts_with(title_role)
    };
    wins.then(|| format!("{country}{title_role}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::testing::coded_on;

    fn country(c: &str) -> bool {
        matches!(c, "KEN" | "PER" | "NOR")
    }

    #[test]
    fn a_heads_title_replaces_a_sectors_role() {
        assert_eq!(
            outranks("KENGOVEDU", "GOV", true, country).as_deref(),
            Some("KENGOV")
        );
        assert_eq!(outranks("PERGOV", "GOV", true, country), None);
        assert_eq!(
            outranks("PERGOV", "ELI", true, country).as_deref(),
            Some("PERELI")
        );
    }

    #[test]
    fn another_title_replaces_only_a_role_it_disagrees_with() {
        assert_eq!(outranks("NORGOVEDU", "GOV", false, country), None);
        assert_eq!(
            outranks("NORGOV", "OPP", false, country).as_deref(),
            Some("NOROPP")
        );
        assert_eq!(outranks("NORGOV", "", false, country), None);
    }

    #[test]
    fn only_a_countrys_code_takes_a_title() {
        assert_eq!(outranks("IGOUNO", "GOV", true, country), None);
        assert_eq!(outranks("KE", "GOV", true, country), None);
    }

    #[test]
    fn a_former_heads_title_makes_an_elite() {
        // Uhuru Kenyatta: the dictionary's dated role is a minister's; "former President" is
        // the agent dictionary's ELI
        let events = coded_on(
            "Former President Uhuru Kenyatta criticized the new tax law on Friday.",
            "2024-03-14",
        );
        let codes: Vec<&str> = events
            .iter()
            .filter_map(|e| e.source.as_ref()?.code.as_deref())
            .collect();
        assert!(
            codes.iter().all(|c| !c.starts_with("KENGOV")),
            "{events:#?}"
        );
    }

    #[test]
    fn the_articles_title_outranks_a_stale_dictionary_role_also_when_named_again() {
        // The dictionary's newest dated role for William Ruto is an education ministry (2010).
        let events = coded_on(
            "President William Ruto of Kenya visited Addis Ababa on Monday. Ethiopia praised \
             Ruto on Tuesday for the visit.",
            "2024-03-14",
        );
        let ruto: Vec<&str> = events
            .iter()
            .flat_map(|e| [e.source.as_ref(), e.target.as_ref()])
            .flatten()
            .filter(|a| a.canonical.as_deref().is_some_and(|c| c.contains("Ruto")))
            .filter_map(|a| a.code.as_deref())
            .collect();
        assert!(ruto.len() >= 2, "{events:#?}");
        assert!(ruto.iter().all(|&c| c == "KENGOV"), "{ruto:?}");
    }
}
