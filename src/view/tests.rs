use super::*;
use proptest::prelude::*;

fn view(body: &str) -> View {
    View::of(body, &|w| w == "mohsin").expect("the body changes")
}

#[test]
fn plain_paragraphs_are_their_own_view() {
    assert!(View::of("One line.\n\nAnother, with one space.\n", &|_| false).is_none());
    assert!(View::of("", &|_| false).is_none());
}

#[test]
fn a_line_break_inside_a_paragraph_is_a_space() {
    let v = view("LONDON: The Home Secretary\nJames Cleverly met Pakistan's Interior Minister");
    assert_eq!(
        v.text,
        "LONDON: The Home Secretary James Cleverly met Pakistan's Interior Minister"
    );
    assert!(v.keeps_offsets());
}

#[test]
fn carriage_returns_indents_and_unicode_spaces_are_one_space() {
    let body = "In London the Home\r\nSecretary\u{A0}\u{A0}Yvette  \tCooper met the minister";
    let v = view(body);
    assert_eq!(
        v.text,
        "In London the Home Secretary Yvette Cooper met the minister"
    );
    for word in ["Home", "Secretary", "Yvette", "Cooper", "minister"] {
        let at = v.text.find(word).unwrap();
        assert_eq!(&body[v.span(&(at..at + word.len()))], word);
    }
    let whole = v.span(&(0..v.text.len()));
    assert_eq!(whole, 0..body.len());
}

#[test]
fn blank_lines_and_indented_lines_break_paragraphs() {
    assert_eq!(view("one.\n \n\ntwo").text, "one.\n\ntwo");
    assert_eq!(view("one.\n    two").text, "one.\n\ntwo");
    assert_eq!(view("one.\r\n\r\ntwo").text, "one.\n\ntwo");
}

#[test]
fn line_end_hyphens_join_known_words_and_keep_compounds() {
    let body = "Pakistan's Interior Minister Moh-\nsin Naqvi met the former MEP Robert Kilroy-\nSilk in London.";
    let v = view(body);
    assert_eq!(
        v.text,
        "Pakistan's Interior Minister Mohsin Naqvi met the former MEP Robert Kilroy-Silk in London."
    );
    let at = v.text.find("Mohsin Naqvi").unwrap();
    assert_eq!(&body[v.span(&(at..at + 12))], "Moh-\nsin Naqvi");
    let at = v.text.find("Kilroy-Silk").unwrap();
    assert_eq!(&body[v.span(&(at..at + 11))], "Kilroy-\nSilk");
}

#[test]
fn a_word_the_article_writes_whole_is_joined() {
    let body = "The two countries agreed closer co-\noperation on returns; cooperation began.";
    let v = View::of(body, &|_| false).unwrap();
    assert_eq!(
        v.text,
        "The two countries agreed closer cooperation on returns; cooperation began."
    );
}

#[test]
fn soft_hyphens_and_zero_width_characters_are_dropped() {
    let body = "Mohsin Na\u{AD}qvi and Tal\u{200B}al Chaud\u{AD}\nhry";
    let v = view(body);
    assert_eq!(v.text, "Mohsin Naqvi and Talal Chaudhry");
    let at = v.text.find("Naqvi").unwrap();
    assert_eq!(&body[v.span(&(at..at + 5))], "Na\u{AD}qvi");
    let at = v.text.find("Chaudhry").unwrap();
    assert_eq!(&body[v.span(&(at..at + 8))], "Chaud\u{AD}\nhry");
}

#[test]
fn lines_that_are_not_wrapped_prose_keep_their_breaks() {
    for body in [
        "N: 12 million\nN: 13 million",
        "Date: 2024-05-31\nSource: the Home Office press office",
        "The countries are:\nSerbia, Albania and Vietnam, with others to follow later",
        "The countries, in the order the deals were signed\n- Serbia\n- Albania",
        "1. Serbia, the first of the countries to sign a deal with the UK\n2. Albania",
        "John Smith\nBBC News, London",
    ] {
        assert!(View::of(body, &|_| false).is_none(), "{body:?}");
    }
}

#[test]
fn leading_and_trailing_whitespace_is_kept() {
    assert_eq!(
        view("\n\n  The first line of a wrapped paragraph\nand its second line  \n").text,
        "\n\n  The first line of a wrapped paragraph and its second line  \n"
    );
}

/// Text of words, punctuation and every kind of space the view rewrites.
fn texts() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mohsin", "Naqvi", "Kilroy-", "Silk", "moh-", "sin", "é", "’s", ".", ",", " ", "  ", "\n",
        "\n\n", "\r\n", "\t", "\u{A0}", "\u{AD}", "\u{200B}", "\n  ", " \n ",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    /// Every character the view writes that is not a space is the same character,
    /// at the place the view's offsets map it to.
    #[test]
    fn every_visible_character_maps_to_itself(body in texts()) {
        let Some(v) = View::of(&body, &|w| w == "mohsin") else {
            return Ok(());
        };
        for (i, c) in v.text.char_indices() {
            if c.is_whitespace() || c == '-' {
                continue;
            }
            let span = v.span(&(i..i + c.len_utf8()));
            prop_assert_eq!(&body[span.clone()], c.to_string(), "{:?} at {}", v.text, i);
        }
        let unseen = ['\u{AD}', '\u{200B}'];
        let inside = v.text.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
        prop_assert!(!inside.contains(unseen), "{:?}", v.text);
    }

    /// Spans keep their order and nest: a span's start never passes its end.
    #[test]
    fn spans_are_ordered(body in texts(), a in 0usize..200, b in 0usize..200) {
        let Some(v) = View::of(&body, &|_| false) else {
            return Ok(());
        };
        let (a, b) = (a.min(v.text.len()), b.min(v.text.len()));
        let (a, b) = (a.min(b), a.max(b));
        prop_assert!(v.start(a) <= v.start(b));
        prop_assert!(v.end(a) <= v.end(b));
        let span = v.span(&(a..b));
        prop_assert!(span.start <= span.end && span.end <= body.len());
    }
}
