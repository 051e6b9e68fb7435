use super::*;

fn mask_one(sentence: &str) -> Option<Sentence> {
    mask(sentence, &mut Scratch::default())
}

fn tokens(sentence: &str) -> Vec<(Kind, &str)> {
    mask_one(sentence)
        .map(|s| s.tokens)
        .unwrap_or_default()
        .into_iter()
        .map(|t| (t.kind, &sentence[t.span]))
        .collect()
}

#[test]
fn masks_figures_dates_ordinals_weekdays_names_and_titles() {
    assert_eq!(
        tokens("Profits at Time Warner rose to £4.5bn on Tuesday, 12 March 2005, the third rise."),
        [
            (Kind::Name, "Time Warner"),
            (Kind::Figure, "£4.5bn"),
            (Kind::Weekday, "Tuesday"),
            (Kind::Date, "12 March 2005"),
            (Kind::Ordinal, "third"),
        ]
    );
    assert_eq!(
        tokens("But Prime Minister Tony Blair's aides said 4.5 million people voted in 2004."),
        [
            (Kind::Title, "Prime Minister"),
            (Kind::Name, "Tony Blair"),
            (Kind::Figure, "4.5 million"),
            (Kind::Date, "2004"),
        ]
    );
    assert_eq!(
        tokens("Mr Smith came 21st in the race."),
        [
            (Kind::Title, "Mr"),
            (Kind::Name, "Smith"),
            (Kind::Ordinal, "21st")
        ]
    );
}

#[test]
fn sentences_differing_only_in_masked_tokens_share_a_hash() {
    let a = mask_one("Shares in Vodafone rose 5% to 140p on Monday after the results.").unwrap();
    let b = mask_one("Shares in Orange rose 7% to 150p on Friday after the results.").unwrap();
    assert_eq!(a.hash, b.hash);
    let c = mask_one("Shares in Vodafone climbed 5% to 140p on Monday after the results.").unwrap();
    assert_ne!(a.hash, c.hash);
}

#[test]
fn sentences_without_tokens_or_with_few_words_are_not_kept() {
    assert!(mask_one("The shares rose sharply after the results.").is_none());
    assert!(mask_one("Chelsea 2 Arsenal 1.").is_none());
    assert!(mask_one("The firm said it would cut 500 jobs.").is_some());
}

#[test]
fn possessives_are_left_off_names_but_apostrophes_inside_them_are_kept() {
    assert_eq!(
        tokens("The deal was Mr Blair’s idea, and O'Neill's, said 1,000 co-workers."),
        [
            (Kind::Title, "Mr"),
            (Kind::Name, "Blair"),
            (Kind::Name, "O'Neill"),
            (Kind::Figure, "1,000")
        ]
    );
}
