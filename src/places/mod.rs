//! A gazetteer of the places news names most: countries, with their other names
//! and the words for their peoples (`British`, `Britain`, `UK` are one country), and
//! cities, states and regions with the country each is in. The `{country}` and
//! `{place}` slots match its forms and key claims by the one name, so `the Russian
//! president` and `Russia's president` are about one post. The data are plain text
//! files beside this module, so a correction is a one-line edit.

use std::collections::HashMap;
use std::sync::LazyLock;

/// What a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Country,
    City,
}

/// One place of the gazetteer.
#[derive(Debug)]
pub struct Place {
    /// The name keys give it.
    pub name: &'static str,
    pub kind: Kind,
    /// The country it is part of: a city's country, or the UK for England.
    pub within: Option<&'static str>,
}

/// Every place, and each form that names one.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Form as written → place. Forms keep their capitals: `Turkey` is a country,
    /// `turkey` a bird.
    forms: HashMap<&'static str, usize>,
}

/// The gazetteer built from the data files, once.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
        let mut g = Gazetteer {
            places: Vec::new(),
            forms: HashMap::new(),
        };
        g.read(include_str!("countries.txt"), Kind::Country);
        g.read(include_str!("cities.txt"), Kind::City);
        g
    });
    &GAZETTEER
}

impl Gazetteer {
    /// Reads `name|other names|peoples' words|within` lines (cities have no
    /// peoples' words: `name|other names|country`); `#` starts a comment.
    fn read(&mut self, data: &'static str, kind: Kind) {
        for line in data
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let fields: Vec<&'static str> = line.split('|').collect();
            let list = |i: usize| -> Vec<&'static str> {
                fields
                    .get(i)
                    .map(|f| f.split(',').filter(|w| !w.is_empty()).collect())
                    .unwrap_or_default()
            };
            let (words, within) = match kind {
                Kind::Country => (list(2), fields.get(3).copied().filter(|w| !w.is_empty())),
                Kind::City => (Vec::new(), fields.get(2).copied()),
            };
            let index = self.places.len();
            self.places.push(Place {
                name: fields[0],
                kind,
                within,
            });
            // A city that shares its name with a country (Singapore) stays the country.
            for form in std::iter::once(fields[0]).chain(list(1)).chain(words) {
                self.forms.entry(form).or_insert(index);
            }
        }
    }

    /// A regex alternation of the forms of places of `kinds`, longest first, each
    /// whole (ASCII word boundaries keep the regex on its fast engines), with an
    /// optional possessive.
    pub fn pattern(&self, kinds: &[Kind]) -> String {
        let mut forms: Vec<&str> = self
            .forms
            .iter()
            .filter(|(_, i)| kinds.contains(&self.places[**i].kind))
            .map(|(f, _)| *f)
            .collect();
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let escaped: Vec<String> = forms
            .iter()
            .map(|f| regex::escape(f).replace(' ', r"\s+"))
            .collect();
        format!(r"(?-u:\b)(?:{})(?:['’]s)?(?-u:\b)", escaped.join("|"))
    }

    /// The place `text` names, possessive and spacing aside.
    pub fn find(&self, text: &str) -> Option<&Place> {
        let bare = text
            .strip_suffix("'s")
            .or_else(|| text.strip_suffix("’s"))
            .unwrap_or(text);
        let bare = bare.split_whitespace().collect::<Vec<_>>().join(" ");
        self.forms.get(bare.as_str()).map(|&i| &self.places[i])
    }

    /// The country `text` names (`British` → `UK`).
    pub fn country(&self, text: &str) -> Option<&'static str> {
        self.find(text)
            .filter(|p| p.kind == Kind::Country)
            .map(|p| p.name)
    }

    /// Whether two countries can both be right of one person's one post: the same
    /// country, or one part of the other (an England captain is a UK player).
    pub fn compatible(&self, a: &str, b: &str) -> bool {
        let within = |x: &str, y: &str| self.find(x).and_then(|p| p.within) == Some(y);
        a == b || within(a, b) || within(b, a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn a_people_word_and_another_name_are_the_country() {
        let g = gazetteer();
        assert_eq!(g.country("British"), Some("UK"));
        assert_eq!(g.country("Britain's"), Some("UK"));
        assert_eq!(g.country("United States"), Some("US"));
        assert_eq!(g.country("Russian"), Some("Russia"));
        assert_eq!(g.country("London"), None);
        assert_eq!(g.find("London").map(|p| p.within), Some(Some("UK")));
        assert_eq!(g.country("turkey"), None);
    }

    #[test]
    fn the_pattern_takes_the_longest_form_whole() {
        let g = gazetteer();
        let re = Regex::new(&g.pattern(&[Kind::Country])).unwrap();
        let found: Vec<&str> = re
            .find_iter("Nigeria and Niger, South Africa's team, Nigerians and Scotsmen")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, ["Nigeria", "Niger", "South Africa's", "Nigerians"]);
    }

    #[test]
    fn a_part_is_compatible_with_its_whole_only() {
        let g = gazetteer();
        assert!(g.compatible("England", "UK"));
        assert!(g.compatible("UK", "Wales"));
        assert!(!g.compatible("England", "Scotland"));
        assert!(!g.compatible("France", "UK"));
    }

    #[test]
    fn every_line_of_the_data_is_read() {
        let g = gazetteer();
        let lines = |data: &str| {
            data.lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .count()
        };
        let expected = lines(include_str!("countries.txt")) + lines(include_str!("cities.txt"));
        assert_eq!(g.places.len(), expected);
        assert!(g.places.iter().all(|p| !p.name.is_empty()));
    }
}
