//! Whether two names are one name spelled two ways: the test `spelling/variant`
//! and the office checks use to tell a misspelling from another person.

/// Endings that make another word of the same name, not a misspelling of it:
/// `Awards`/`Award`, `American`/`America`, `Rooneys`/`Rooney`.
const INFLECTIONS: [&str; 4] = ["s", "es", "n", "an"];

/// Whether two words that differ between otherwise equal names look like one word
/// misspelt: same first letter, at least four letters, one edit apart (two for
/// words of eight letters or more), and not one word inflected.
pub fn similar_words(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 4 || a.chars().next() != b.chars().next() {
        return false;
    }
    let (short, long) = if la < lb { (&a, &b) } else { (&b, &a) };
    if long
        .strip_prefix(short.as_str())
        .is_some_and(|end| INFLECTIONS.contains(&end))
    {
        return false;
    }
    let allowed = if la.max(lb) >= 8 { 2 } else { 1 };
    strsim::damerau_levenshtein(&a, &b) <= allowed
}

/// Whether two names are spellings of one name: same number of words, all equal
/// but one, and that one [`similar_words`].
pub fn is_variant(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if wa.len() != wb.len() {
        return false;
    }
    let differing: Vec<(&&str, &&str)> = wa.iter().zip(&wb).filter(|(x, y)| x != y).collect();
    match differing.as_slice() {
        [] => true,
        [(x, y)] => similar_words(x, y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_differ_in_one_similar_word() {
        assert!(is_variant("Talal Chaudhary", "Talal Chaudhry"));
        assert!(is_variant("Mohin Naqvi", "Mohsin Naqvi"));
        assert!(is_variant("Jane Marriot", "Jane Marriott"));
        assert!(!is_variant("Mohsin Naqvi", "Mohsin Khan"));
        assert!(!is_variant("Wajid Khan", "Moazzam Ahmad Khan"));
        assert!(!is_variant("Ali Khan", "Alo Khan"));
        assert!(!is_variant("Mohsin Naqvi", "Nohsin Naqvi"));
        assert!(!is_variant("Jane Marriot", "June Marriott"));
        assert!(!is_variant("Brit Award", "Brit Awards"));
        assert!(!is_variant("Latin America", "Latin American"));
    }
}
