//! Which fields of a record hold what: defaults that cover what scrapers and data
//! sets commonly write, each replaceable with `--field ROLE=NAME`.

/// What a field of a record can be for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Text,
    Date,
    Title,
    Url,
    Id,
    Author,
    Source,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Text,
        Role::Date,
        Role::Title,
        Role::Url,
        Role::Id,
        Role::Author,
        Role::Source,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Text => "text",
            Role::Date => "date",
            Role::Title => "title",
            Role::Url => "url",
            Role::Id => "id",
            Role::Author => "author",
            Role::Source => "source",
        }
    }

    /// The field names tried when none is given, in order of preference.
    fn defaults(self) -> &'static [&'static str] {
        match self {
            Role::Text => &["text", "body", "content", "article", "story", "maintext"],
            Role::Date => &[
                "date",
                "published",
                "published_at",
                "publish_date",
                "date_published",
                "datepublished",
                "pubdate",
            ],
            Role::Title => &["title", "headline"],
            Role::Url => &["url", "link", "canonical_url"],
            Role::Id => &["id", "guid", "uuid", "doc_id", "article_id"],
            Role::Author => &["author", "authors", "byline"],
            Role::Source => &["source", "publisher", "site", "outlet"],
        }
    }
}

/// For each role, the field names tried, in order; names match in any case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    names: [Vec<String>; 7],
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            names: Role::ALL.map(|r| r.defaults().iter().map(|s| (*s).to_string()).collect()),
        }
    }
}

impl Fields {
    /// The defaults, with each role given replacing its names (a role given twice
    /// tries both, in the order given).
    pub fn new(settings: &[(Role, String)]) -> Fields {
        let mut fields = Fields::default();
        let mut given = [false; 7];
        for (role, name) in settings {
            let i = *role as usize;
            if !given[i] {
                fields.names[i].clear();
                given[i] = true;
            }
            fields.names[i].push(name.clone());
        }
        fields
    }

    /// Reads a `ROLE=NAME` setting (`text=story`), or says why it is none.
    pub fn setting(text: &str) -> Result<(Role, String), String> {
        let (role, name) = text
            .split_once('=')
            .map(|(r, n)| (r.trim(), n.trim()))
            .filter(|(_, n)| !n.is_empty())
            .ok_or_else(|| format!("`{text}` is not ROLE=NAME, e.g. `text=story`"))?;
        let role = Role::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(role))
            .ok_or_else(|| {
                let roles: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
                format!(
                    "`{role}` is not a field role; roles are {}",
                    roles.join(", ")
                )
            })?;
        Ok((role, name.to_string()))
    }

    /// These fields with the text in `field` only: a record is read again from the
    /// field it was first read from.
    pub fn with_text(&self, field: &str) -> Fields {
        let mut fields = self.clone();
        fields.names[Role::Text as usize] = vec![field.to_string()];
        fields
    }

    /// The names tried for `role`.
    pub fn names(&self, role: Role) -> &[String] {
        &self.names[role as usize]
    }

    /// The first of `role`'s names among a record's `keys`, as the record spells it.
    pub fn find<'a>(
        &self,
        role: Role,
        keys: impl Iterator<Item = &'a str> + Clone,
    ) -> Option<&'a str> {
        self.names(role)
            .iter()
            .find_map(|name| keys.clone().find(|k| k.eq_ignore_ascii_case(name)))
    }

    /// A stable digest of the settings, for the cache key: what is extracted
    /// depends on which field is the text.
    pub fn digest(&self) -> String {
        self.names
            .iter()
            .map(|n| n.join(","))
            .collect::<Vec<_>>()
            .join(";")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_replace_a_roles_defaults() {
        let settings = ["text=story", "Date = when"].map(|s| Fields::setting(s).unwrap());
        let fields = Fields::new(&settings);
        assert_eq!(fields.names(Role::Text), ["story"]);
        assert_eq!(fields.names(Role::Date), ["when"]);
        assert_eq!(fields.names(Role::Title), ["title", "headline"]);
        let keys = ["Headline", "Story"];
        assert_eq!(fields.find(Role::Text, keys.iter().copied()), Some("Story"));
        assert_eq!(
            fields.find(Role::Title, keys.iter().copied()),
            Some("Headline")
        );
        assert_eq!(fields.find(Role::Id, keys.iter().copied()), None);
    }

    #[test]
    fn bad_settings_say_why() {
        assert!(Fields::setting("story").unwrap_err().contains("ROLE=NAME"));
        assert!(
            Fields::setting("body=story")
                .unwrap_err()
                .contains("roles are text")
        );
        assert!(Fields::setting("text=").is_err());
    }
}
