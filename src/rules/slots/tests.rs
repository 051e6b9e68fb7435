use super::*;

static NONE: Subjects = Subjects::EMPTY;

fn offices() -> &'static Offices {
    static OFFICES: std::sync::LazyLock<Offices> = std::sync::LazyLock::new(Offices::default);
    &OFFICES
}

fn declared() -> Declared<'static> {
    Declared {
        subjects: &NONE,
        offices: offices(),
    }
}

fn normalise(kind: SlotType, text: &str, today: Option<PartialDate>) -> Option<String> {
    let around = Around {
        today,
        declared: declared(),
        sentence: text,
    };
    super::normalise(kind, text, &around)
}

fn expand(pattern: &str) -> (String, Vec<Slot>) {
    super::expand(pattern, &declared())
}

fn day(s: &str) -> Option<PartialDate> {
    PartialDate::parse(s).ok()
}

fn matched(kind: SlotType, text: &str) -> bool {
    let (pattern, _) = expand(&format!("^{{{}}}$", kind.name()));
    Regex::new(&pattern).unwrap().is_match(text)
}

#[test]
fn slots_become_named_captures_and_other_braces_stay() {
    let (pattern, slots) = expand(r"removed {count:number} in {period}, \d{4} {titles} \{date}");
    assert_eq!(
        slots,
        [
            Slot {
                name: "count".into(),
                kind: SlotType::Number,
                capture: "count".into(),
            },
            Slot {
                name: "period".into(),
                kind: SlotType::Period,
                capture: "period".into(),
            },
        ]
    );
    assert!(pattern.starts_with("removed (?P<count>"));
    assert!(pattern.contains(r"\d{4} {titles} \{date}"));
    let re = Regex::new(&pattern.replace("{titles}", "x")).unwrap();
    assert!(re.is_match(r"removed 10,741 in between 2019 and 2021, 2024 x {date}"));
}

#[test]
fn a_slot_written_again_is_the_same_slot_under_another_group() {
    let (pattern, slots) =
        expand(r"removed {count:number} criminals|{count:number} criminals were removed");
    let captures: Vec<(&str, &str, bool)> = slots
        .iter()
        .map(|s| (s.name.as_str(), s.capture.as_str(), s.is_repeat()))
        .collect();
    assert_eq!(
        captures,
        [("count", "count", false), ("count", "count__1", true)]
    );
    let re = Regex::new(&pattern).unwrap();
    let caps = re.captures("some 10,700 criminals were removed").unwrap();
    assert_eq!(&caps["count__1"], "some 10,700");
}

#[test]
fn periods_in_their_wordings_are_one_period() {
    let same = [
        "between January 2019 and December 2021",
        "from January 2019 to the end of 2021",
        "between 2019 and 2021",
        "in the three years to December 2021",
        "from 2019 to 2021",
        "from January 2019 to the year ending December 2021",
    ];
    for text in same {
        assert!(matched(SlotType::Period, text), "{text}");
        assert_eq!(
            normalise(SlotType::Period, text, None).as_deref(),
            Some("January 2019 to December 2021"),
            "{text}"
        );
    }
    assert_eq!(
        normalise(SlotType::Period, "in 2024", None).as_deref(),
        Some("January 2024 to December 2024")
    );
    assert_eq!(
        normalise(SlotType::Period, "in the 18 months to June 2022", None).as_deref(),
        Some("January 2021 to June 2022")
    );
    assert_eq!(
        normalise(SlotType::Period, "between 2021 and 2019", None),
        None
    );
}

#[test]
fn dates_absolute_or_relative_to_the_article() {
    let article = day("2022-08-18");
    for (text, want) in [
        ("17 August 2022", "2022-08-17"),
        ("August 17, 2022", "2022-08-17"),
        ("on Wednesday", "2022-08-17"),
        ("Wednesday, 17 August", "2022-08-17"),
        ("August 2022", "2022-08"),
        ("yesterday", "2022-08-17"),
        ("last Thursday", "2022-08-11"),
        ("last Wednesday", "2022-08-17"),
        ("today", "2022-08-18"),
        ("in 2022", "2022"),
        ("in August last year", "2021-08"),
    ] {
        assert!(matched(SlotType::Date, text), "{text}");
        assert_eq!(
            normalise(SlotType::Date, text, article).as_deref(),
            Some(want),
            "{text}"
        );
    }
    assert_eq!(normalise(SlotType::Date, "on Wednesday", None), None);
    // A year needs no article date to be read.
    assert_eq!(
        normalise(SlotType::Date, "in 2022", None).as_deref(),
        Some("2022")
    );
}

#[test]
fn people_numbers_and_ordinals_are_checked_and_normalised() {
    assert_eq!(
        normalise(SlotType::Person, "Mr Bernard Ebbers", None).as_deref(),
        Some("Bernard Ebbers")
    );
    assert_eq!(normalise(SlotType::Person, "But Bellamy", None), None);
    assert_eq!(normalise(SlotType::Person, "Ebbers", None), None);
    assert_eq!(
        normalise(SlotType::Number, "some 10,700", None),
        normalise(SlotType::Number, "some 10700", None)
    );
    assert!(matched(SlotType::Number, "12.5 mln") && matched(SlotType::Number, "£22m"));
    assert_eq!(
        normalise(SlotType::Ordinal, "third", None).as_deref(),
        Some("3")
    );
    assert_eq!(
        normalise(SlotType::Ordinal, "12th", None).as_deref(),
        Some("12")
    );
}

#[test]
fn slots_read_sentence_case() {
    assert_eq!(
        normalise(
            SlotType::Period,
            "From January 2019 to the year ending December 2021",
            None
        )
        .as_deref(),
        Some("January 2019 to December 2021")
    );
    assert_eq!(
        normalise(
            SlotType::Period,
            "In the Three years to December 2021",
            None
        )
        .as_deref(),
        Some("January 2019 to December 2021")
    );
    assert_eq!(
        normalise(SlotType::Date, "On Wednesday", day("2022-08-18")).as_deref(),
        Some("2022-08-17")
    );
}

#[test]
fn ages_lists_and_organisations() {
    assert_eq!(
        normalise(SlotType::Age, "45-year-old", None).as_deref(),
        Some("45")
    );
    assert_eq!(normalise(SlotType::Age, "450", None), None);
    assert!(matched(
        SlotType::List,
        "Serbia, Nigeria, Albania and India"
    ));
    assert_eq!(
        normalise(SlotType::List, "Serbia, Nigeria, Albania and India", None),
        normalise(SlotType::List, "India, Albania, Nigeria and Serbia", None)
    );
    assert!(
        matched(SlotType::Org, "Standard Oil Co")
            && matched(SlotType::Org, "Royal Bank of Scotland Group")
    );
    assert!(!matched(SlotType::Org, "Bernard Ebbers"));
    assert_eq!(
        normalise(SlotType::Org, "Texaco Inc.", None).as_deref(),
        Some("Texaco Inc")
    );
}

#[test]
fn countries_and_places_are_keyed_by_their_one_name() {
    assert!(matched(SlotType::Country, "Russian") && matched(SlotType::Country, "Britain's"));
    assert!(!matched(SlotType::Country, "London") && matched(SlotType::Place, "London"));
    assert_eq!(
        normalise(SlotType::Country, "British", None).as_deref(),
        Some("UK")
    );
    assert_eq!(
        normalise(SlotType::Country, "America's", None).as_deref(),
        Some("US")
    );
    assert_eq!(
        normalise(SlotType::Place, "Peking", None).as_deref(),
        Some("Beijing")
    );
    // Case tells a country from a word.
    assert!(!matched(SlotType::Country, "turkey"));
}

#[test]
fn a_person_may_have_a_middle_initial_and_a_possessive() {
    assert!(matched(SlotType::Person, "George W Bush"));
    assert_eq!(
        normalise(SlotType::Person, "Vladimir Putin's", None).as_deref(),
        Some("Vladimir Putin")
    );
}

#[test]
fn a_list_whose_and_may_be_inside_an_item_has_no_length() {
    assert!(matched(SlotType::List, "Marks and Spencer, Next and Boots"));
    assert_eq!(
        normalise(SlotType::List, "Marks and Spencer, Next and Boots", None),
        None
    );
}
