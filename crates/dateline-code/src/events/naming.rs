//! Actor codes from names and the words around them.
//!
//! - a name the actor dictionaries list, dated by the article ([`Coder::dict_code`]); a
//!   person by the titled name the dictionaries list ("President Bush") or by a surname one
//!   person in office has on the day ([`Coder::person_code`]);
//! - an organisation the dictionaries lack, by the longest listed actor its name starts with
//!   ("United Nations Mine Action Coordinator" -> IGOUNO…), else a country or nationality word
//!   in it, with the role its last words name ("Kenyan Interior Ministry" -> KENGOV)
//!   ([`Coder::name_code`]);
//! - a person with an apposition that names a country ("Omar Haddad, Kenya's chief
//!   negotiator," -> KENGOV) ([`Coder::apposition_code`]);
//! - a city or region's country; role words after a name ("rebels", "security forces");
//!   a nationality word that is an actor by itself ("Palestinians", "an Indian proposal");
//! - a group word's CAMEO code from data/nlp/group-demonyms.tsv ([`Coder::group_code`]).

use super::coder::{countryless, Coder};
use super::mentions::Mention;
use super::words::OWN_POSSESSIVES;
use dateline_core::{Entity, EntityType};
use dateline_nlp::Sentence;

impl Coder<'_, '_> {
    /// The dictionary entries of an entity's name as written and its canonical name ("the"
    /// dropped), in that order.
    pub(super) fn dict_entries<'e>(
        &'e self,
        e: &'e Entity,
    ) -> impl Iterator<Item = &'e crate::actors::ActorEntry> + 'e {
        [Some(e.text.as_str()), e.canonical.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(|n| {
                let n = n.trim_start_matches("the ").trim_start_matches("The ");
                self.k.actors.lookup(n)
            })
    }

    /// Code of an entity by name, dated by the article.
    pub(super) fn dict_code(&self, e: &Entity) -> Option<String> {
        self.dict_entries(e)
            .find_map(|a| a.code_on(self.day))
            .map(str::to_string)
    }

    /// A person's code on the article's day: the name as the dictionaries list it
    /// ("President Bush"), else the surname of `name` when one person in office has it.
    pub(super) fn person_code(&self, listed: &str, name: &str) -> Option<String> {
        self.k
            .actors
            .lookup(listed)
            .and_then(|a| a.code_on(self.day))
            .map(str::to_string)
            .or_else(|| {
                let surname = name.rsplit(' ').next()?;
                self.k.actors.person_by_surname(surname, self.day)
            })
    }

    /// An organisation or group the dictionaries do not list, coded from its name: the
    /// longest listed (non-person) actor its name starts with ("United Nations Refugee
    /// Envoy" -> IGOUNO, "Malawi Tobacco Growers Union" -> MWI), else a
    /// country or nationality word in it ("Ghanaian Finance Ministry" -> GHA); a country
    /// takes the role its last words name ("Nigerian Interior Ministry" -> NGAGOV).
    pub(super) fn name_code(&self, text: &str) -> Option<String> {
        let text = text.trim_start_matches("the ").trim_start_matches("The ");
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() < 2 {
            return None;
        }
        let role = |from: usize| -> String {
            (from..words.len())
                .find_map(|s| self.k.actors.agent(&words[s..].join(" ")))
                .unwrap_or("")
                .to_string()
        };
        for n in (1..words.len()).rev() {
            let listed = self
                .k
                .actors
                .lookup(&words[..n].join(" "))
                .filter(|a| !a.person)
                .and_then(|a| a.code_on(self.day));
            if let Some(c) = listed {
                return Some(if c.len() == 3 {
                    format!("{c}{}", role(n))
                } else {
                    c.to_string()
                });
            }
        }
        words.iter().enumerate().find_map(|(i, w)| {
            let c = self.k.gazetteer.country_of_name(w)?;
            Some(format!("{}{}", c.iso3, role(i + 1)))
        })
    }

    /// The code an apposition next to a name (tokens `[t0, t1)`) gives: the first country
    /// it names, with the last role word in it ("Kenya's chief negotiator" -> KENGOV).
    pub(super) fn apposition_code(
        &self,
        t0: usize,
        t1: usize,
        s: &Sentence,
        ents: &[&Entity],
    ) -> Option<String> {
        let after = (self.tok(t1) == ",")
            .then(|| (t1 + 1..s.tok_end.min(t1 + 14)).find(|&j| self.tok(j) == ","))
            .flatten()
            .map(|end| (t1 + 1, end));
        let before = (t0 > s.tok_start && self.tok(t0 - 1) == ",")
            .then(|| {
                let from = t0.saturating_sub(14).max(s.tok_start);
                let start = (from..t0 - 1)
                    .rev()
                    .find(|&j| self.tok(j) == ",")
                    .map_or(s.tok_start, |j| j + 1);
                // a description opening the sentence, or one between commas
                (start == s.tok_start || self.tok(t1) == ",").then_some((start, t0 - 1))
            })
            .flatten();
        let span = after.or(before)?;
        let country = ents
            .iter()
            .filter(|n| matches!(n.kind, EntityType::Norp | EntityType::Gpe))
            .filter(|n| {
                let (a, b) = self.tok_range(n.start, n.end);
                a >= span.0 && b <= span.1
            })
            .find_map(|n| self.country_of_entity(n))?;
        let role = (span.0..span.1)
            .rev()
            .find_map(|j| self.k.actors.agent(self.ltok(j)))
            .unwrap_or("");
        Some(format!("{country}{role}"))
    }

    /// A role-only actor in the possessive of its own side ("its troops", "their forces"), or
    /// any role-only actor of a force-posture act (CAMEO 15: "mobilized army reservists").
    pub(super) fn own_agent(&self, m: &Mention, cameo: &str) -> bool {
        !m.pronoun
            && m.t0 > 0
            && (OWN_POSSESSIVES.contains(&self.ltok(m.t0 - 1)) || cameo.starts_with("15"))
            && countryless(&m.actor)
    }

    /// Whether the mention at token `t0` follows a partitive "of" ("thousands of Iraqi
    /// Kurds", "leaders of the coalition", "a group of refugees"): the group is the phrase's
    /// head, not an object of the preposition.
    pub(super) fn after_partitive(&self, t0: usize) -> bool {
        let mut i = t0;
        if i > 0 && matches!(self.ltok(i - 1), "the" | "its" | "their") {
            i -= 1;
        }
        i >= 2
            && self.ltok(i - 1) == "of"
            && self.k.vocabulary.partitive_heads.contains(self.ltok(i - 2))
    }

    pub(super) fn country_of_entity(&self, e: &Entity) -> Option<String> {
        let g = self.k.gazetteer;
        if let Some(c) = g.country_of_name(&e.text) {
            return Some(c.iso3.clone());
        }
        if e.kind == EntityType::Gpe || e.kind == EntityType::Loc {
            // a city or region: its country
            let ps = dateline_core::starting_in(self.x.places, |p| p.start, e.start, e.start + 1);
            return ps
                .iter()
                .find(|p| p.start == e.start)
                .and_then(|p| p.country.clone());
        }
        None
    }

    /// Rule **led-by-qualifier**: the country a hyphenated qualifier of leadership names
    /// ("Saudi-led", "Kenyan-commanded": `leading-participles.txt`), whose group is that
    /// country's ("the Saudi-led coalition" SAU). Qualifiers of support or origin
    /// ("U.S.-backed", "Iranian-funded") name none: their group is someone else's.
    pub(super) fn leading_country(&self, text: &str) -> Option<String> {
        let (who, participle) = text.rsplit_once('-')?;
        if !self
            .k
            .vocabulary
            .leading_participles
            .contains(&participle.to_lowercase())
        {
            return None;
        }
        self.k
            .gazetteer
            .country_of_name(who)
            .map(|c| c.iso3.clone())
    }

    /// The country of a nationality word, a place, or a leading qualifier ("Saudi-led").
    pub(super) fn country_or_leader(&self, e: &Entity) -> Option<String> {
        self.country_of_entity(e).or_else(|| {
            (e.kind == EntityType::Misc)
                .then(|| self.leading_country(&e.text))
                .flatten()
        })
    }

    /// Role code of the words in token range [a, b) ("military" -> MIL, "leader" -> GOV).
    pub(super) fn agent_of(&self, a: usize, b: usize) -> Option<String> {
        // longest suffix of the phrase that is an agent
        for s in a..b {
            let words: Vec<&str> = (s..b).map(|i| self.tok(i)).collect();
            if let Some(c) = self.k.actors.agent(&words.join(" ")) {
                return Some(c.to_string());
            }
        }
        None
    }

    /// A nationality word that names an actor by itself: a plural people ("Palestinians",
    /// "Bosnian Serbs"), or a country's adjective before a noun that is no role word ("an
    /// Indian proposal": India's), but not a religion's ("Christian eastern Beirut").
    pub(super) fn norp_alone(&self, e: &Entity, t1: usize, s: &Sentence) -> bool {
        let plural = e.text.ends_with('s') && !e.text.ends_with("ss");
        let next = if t1 < s.tok_end { self.ltok(t1) } else { "" };
        let noun_follows = next.len() > 2 && next.chars().all(char::is_alphabetic);
        plural || (noun_follows && self.country_or_leader(e).is_some())
    }

    /// The end of role words right after token `t1` ("rebels", "security forces"), if the
    /// one or two lower-case words there are a role.
    pub(super) fn role_after(&self, t1: usize, s: &Sentence) -> Option<usize> {
        let mut j = t1;
        while j < s.tok_end
            && j < t1 + 2
            && self.tok(j).chars().all(char::is_alphabetic)
            && self.tok(j).chars().next().is_some_and(char::is_lowercase)
        {
            j += 1;
            let words: Vec<&str> = (t1..j).map(|i| self.tok(i)).collect();
            if self.k.actors.agent(&words.join(" ")).is_some() {
                return Some(j);
            }
        }
        None
    }

    /// CAMEO code of a group word ("European" -> EUR), from data/nlp/group-demonyms.tsv;
    /// "---" when it has none.
    pub(super) fn group_code(&self, text: &str) -> String {
        self.k.vocabulary.group_code(text).to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::events::testing::{assert_dyad, dyads};

    /// The source codes of the events of `text`.
    fn sources(text: &str) -> Vec<String> {
        dyads(text).into_iter().map(|(_, s, _)| s).collect()
    }

    #[track_caller]
    fn source_starts(text: &str, want: &str) {
        let s = sources(text);
        assert!(s.iter().any(|c| c.starts_with(want)), "{text}: {s:?}");
    }

    #[test]
    fn a_nationality_word_in_a_name_with_the_role_its_head_names() {
        let s = sources("The Ghanaian Finance Ministry criticised Togo for the tariffs.");
        assert!(s.iter().any(|c| c == "GHAGOV"), "{s:?}");
    }

    #[test]
    fn a_country_name_opening_an_organisations_name() {
        source_starts(
            "The Uganda Teachers Association accused Kenya of poaching staff.",
            "UGA",
        );
    }

    #[test]
    fn the_longest_listed_actor_a_name_starts_with() {
        source_starts(
            "The United Nations Refugee Envoy urged Chad to open its camps.",
            "IGOUNO",
        );
    }

    #[test]
    fn an_acronym_in_brackets_is_the_name_before_it() {
        source_starts(
            "The Malawi Tobacco Growers Union (MTGU) accused Zambia of smuggling leaf.",
            "MWI",
        );
    }

    #[test]
    fn a_person_after_an_international_organisations_name_and_title() {
        let s = sources("Arab League chief Karim Mansour urged Yemen to stop the shelling.");
        assert!(s.iter().any(|c| c == "IGOMEAARL"), "{s:?}");
    }

    #[test]
    fn organisations_of_datelines_supplement_to_the_dictionaries() {
        let s = sources("The European Community sent emergency aid to Bangladesh.");
        assert!(s.iter().any(|c| c == "IGOEUREEC"), "{s:?}");
    }

    #[test]
    fn brackets_round_a_sentence_are_no_part_of_its_first_name() {
        source_starts(
            "{The Security Council agreed to renew the peacekeeping force in Cyprus.}",
            "IGOUNO",
        );
    }

    #[test]
    fn a_countrys_short_form_tagged_as_an_organisation_is_the_country() {
        assert_dyad("The PRC urged Japan to drop its protest.", "CHN", "JPN");
    }

    #[test]
    fn a_person_by_the_country_an_apposition_before_names() {
        assert_dyad(
            "A senior Ghanaian diplomat, Kwame Mensah, criticised Togo over the arrests.",
            "GHA",
            "TGO",
        );
    }

    #[test]
    fn a_person_by_the_country_an_apposition_after_names() {
        assert_dyad(
            "Kwame Mensah, Ghana's trade envoy, criticised Togo over the tariffs.",
            "GHA",
            "TGO",
        );
    }

    #[test]
    fn a_group_led_by_a_country_is_that_countrys() {
        assert_dyad(
            "The Saudi-led coalition bombed a port in Yemen on Tuesday.",
            "SAU",
            "YEM",
        );
    }

    #[test]
    fn a_group_backed_by_a_country_is_not_that_countrys() {
        let got = sources("The French-backed coalition bombed a port in Mali on Tuesday.");
        assert!(got.iter().all(|s| !s.starts_with("FRA")), "{got:?}");
    }
}
