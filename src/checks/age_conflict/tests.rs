use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn interval(a: &str, b: &str) -> Interval {
    Interval {
        start: day(a),
        end: day(b),
    }
}

#[test]
fn an_age_at_a_date_is_a_year_of_birth_days() {
    let at = interval("2005-03-15", "2005-03-15");
    assert_eq!(born(at, 63), Some(interval("1941-03-16", "1942-03-15")));
    // 45 in May 2024 and 46 in April 2025 fit one birth date; 63 and 65 do not.
    let may = born(interval("2024-05-01", "2024-05-31"), 45).unwrap();
    let april = born(interval("2025-04-01", "2025-04-30"), 46).unwrap();
    assert!(may.overlaps(&april, 0));
    let a = born(at, 63).unwrap();
    let b = born(at, 65).unwrap();
    assert!(!a.overlaps(&b, 0));
    // Over a two-year range, ages two apart still fit.
    let range = interval("2004-01-01", "2005-12-31");
    assert!(
        born(range, 29)
            .unwrap()
            .overlaps(&born(range, 31).unwrap(), 0)
    );
    assert!(
        !born(range, 29)
            .unwrap()
            .overlaps(&born(range, 32).unwrap(), 0)
    );
}

#[test]
fn years_label_the_span_of_birth() {
    assert_eq!(years_of(&interval("1941-03-16", "1942-03-15")), "1941–1942");
    assert_eq!(years_of(&interval("1941-01-01", "1941-12-31")), "1941");
}
