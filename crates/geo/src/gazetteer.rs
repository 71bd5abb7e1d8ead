//! The cities, countries and regions of `data/`, and finding a city by the name people write.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::distance_km;
use crate::names::fold;

/// A city of the gazetteer.
#[derive(Debug, PartialEq)]
pub struct City {
    pub name: &'static str,
    /// ISO 3166 two-letter code ("DE").
    pub country: &'static str,
    /// GeoNames' code of its first-level region: a US state's postal code ("OR"), elsewhere a
    /// number ("16" is Berlin, "02" Bavaria).
    pub region: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub population: u32,
    /// Its other names in Latin script, `|` between them (kept for the larger cities only).
    other_names: &'static str,
}

impl City {
    /// Its name and the other names it is known by ("Munich", "München", "Monaco di Baviera"…).
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name).chain(self.other_names.split('|').filter(|n| !n.is_empty()))
    }
}

struct Gazetteer {
    /// Most populous first.
    cities: Vec<City>,
    /// A folded name's cities: those it is the name of before those it is another name of,
    /// each group most populous first.
    by_name: HashMap<String, Vec<u32>>,
    /// A folded country code, three-letter code or name: its two-letter code.
    countries: HashMap<String, &'static str>,
    /// A folded region name or code: (country, the cities' region code). Several regions may
    /// share a name.
    regions: HashMap<String, Vec<(&'static str, &'static str)>>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::parse(
        include_str!("../data/cities.tsv"),
        include_str!("../data/countries.tsv"),
        include_str!("../data/regions.tsv"),
    )
});

fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(|l| l.split('\t').collect())
}

impl Gazetteer {
    fn parse(cities: &'static str, countries: &'static str, regions: &'static str) -> Self {
        let cities: Vec<City> = rows(cities)
            .map(|f| City {
                name: f[0],
                country: f[1],
                region: f[2],
                lat: f[3].parse().expect("the gazetteer's latitudes are numbers"),
                lon: f[4].parse().expect("the gazetteer's longitudes are numbers"),
                population: f[5].parse().expect("the gazetteer's populations are numbers"),
                other_names: f.get(6).copied().unwrap_or_default(),
            })
            .collect();
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::with_capacity(cities.len() * 3);
        for (i, city) in cities.iter().enumerate() {
            by_name.entry(fold(city.name)).or_default().push(i as u32);
        }
        for (i, city) in cities.iter().enumerate() {
            for other in city.names().skip(1) {
                let with = by_name.entry(fold(other)).or_default();
                if !with.contains(&(i as u32)) {
                    with.push(i as u32);
                }
            }
        }
        let mut country_names = HashMap::new();
        for f in rows(countries) {
            let code = f[0];
            for name in [f[0], f[1]].into_iter().chain(f[2].split('|')) {
                country_names.insert(fold(name), code);
            }
        }
        let mut region_names: HashMap<String, Vec<(&str, &str)>> = HashMap::new();
        for f in rows(regions) {
            for name in [f[1], f[2]] {
                region_names.entry(fold(name)).or_default().push((f[0], f[1]));
            }
        }
        Gazetteer { cities, by_name, countries: country_names, regions: region_names }
    }

    /// Whether `qualifier` (folded) names the city's country or region.
    fn qualifies(&self, city: &City, qualifier: &str) -> bool {
        self.countries.get(qualifier) == Some(&city.country)
            || fold(city.region) == qualifier
            || self.regions.get(qualifier).is_some_and(|r| r.contains(&(city.country, city.region)))
    }

    /// Whether `qualifier` (folded) names a country or region the gazetteer knows.
    fn knows(&self, qualifier: &str) -> bool {
        self.countries.contains_key(qualifier) || self.regions.contains_key(qualifier)
    }
}

/// The city a place's text names: its first part the city's name, the rest (after commas) its
/// region or country ("Portland, OR", "Berlin, Germany"; see [`find_in`]).
pub fn find(place: &str) -> Option<&'static City> {
    let mut parts = place.split(',');
    let city = parts.next()?;
    find_in(city, parts)
}

/// The city named `name` within each of `qualifiers` (a region or country, by code or name;
/// blanks ignored). A name several cities have is the most populous one's, unless a
/// qualifier tells them apart ("Portland" is Oregon's, "Portland, ME" Maine's, "Paris"
/// France's), and a city's own name goes before another city's other name ("Vienne" is the
/// French town, though Vienna is called that in French). A qualifier the gazetteer does not
/// know ("Bavaria": it knows only US states by name) is passed over; one it knows that fits
/// none of the cities means the place is not in it (a "Berlin, US" of under 15,000 people).
pub fn find_in<'q>(name: &str, qualifiers: impl IntoIterator<Item = &'q str>) -> Option<&'static City> {
    let g = &*GAZETTEER;
    let mut found: Vec<&'static City> = g.by_name.get(&fold(name))?.iter().map(|&i| &g.cities[i as usize]).collect();
    for qualifier in qualifiers.into_iter().map(fold).filter(|q| !q.is_empty()) {
        let fitting: Vec<&City> = found.iter().copied().filter(|c| g.qualifies(c, &qualifier)).collect();
        if !fitting.is_empty() {
            found = fitting;
        } else if g.knows(&qualifier) {
            return None;
        }
    }
    found.first().copied()
}

/// The cities within `km` of `city` (itself among them), nearest first, with their distance.
pub fn near(city: &City, km: f64) -> Vec<(&'static City, f64)> {
    let mut out: Vec<(&City, f64)> =
        GAZETTEER.cities.iter().map(|c| (c, distance_km(city, c))).filter(|(_, d)| *d <= km).collect();
    out.sort_by(|a, b| a.1.total_cmp(&b.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(place: &str) -> (&'static str, &'static str, &'static str) {
        let c = find(place).unwrap_or_else(|| panic!("{place} is in the gazetteer"));
        (c.name, c.country, c.region)
    }

    #[test]
    fn a_city_is_found_by_its_name_in_any_case_or_spelling_with_or_without_its_country() {
        for place in ["Berlin", "berlin", "Berlin, DE", "Berlin, Germany", "BERLIN , deu"] {
            assert_eq!(at(place), ("Berlin", "DE", "16"), "{place}");
        }
        for place in ["München", "Munich", "Muenchen", "munchen, Bavaria, DE"] {
            assert_eq!(at(place), ("Munich", "DE", "02"), "{place}");
        }
        assert_eq!(at("Wien").0, "Vienna");
        assert_eq!(at("København, DK").0, "Copenhagen");
        assert_eq!(at("Zürich").1, "CH");
        assert_eq!(at("London, England, GB").1, "GB");
    }

    #[test]
    fn a_name_several_cities_have_is_the_most_populous_ones_unless_a_region_or_country_says_otherwise() {
        assert_eq!(at("Portland"), ("Portland", "US", "OR"));
        assert_eq!(at("Portland, ME"), ("Portland", "US", "ME"), "Maine, not Montenegro");
        assert_eq!(at("Portland, Maine, US"), ("Portland", "US", "ME"));
        assert_eq!(at("Paris"), ("Paris", "FR", "11"));
        assert_eq!(at("Paris, TX"), ("Paris", "US", "TX"));
        assert_eq!(at("Paris, US"), ("Paris", "US", "TX"));
        assert_eq!(at("Vienne").1, "FR", "a town's own name goes before Vienna's French name");
    }

    #[test]
    fn a_place_not_in_the_gazetteer_is_not_found_rather_than_guessed() {
        assert_eq!(find("Remote"), None);
        assert_eq!(find(""), None);
        assert_eq!(find("Atlantis, GR"), None);
        assert_eq!(find("Berlin, US"), None, "no Berlin of 15,000 people in the US");
        assert_eq!(
            find("Berlin, Freistaat Nirgendwo").map(|c| c.country),
            Some("DE"),
            "an unknown region is passed over"
        );
    }

    #[test]
    fn distances_are_as_the_crow_flies_in_km() {
        let berlin = find("Berlin").unwrap();
        let d = |place: &str| distance_km(berlin, find(place).unwrap());
        assert!((20.0..35.0).contains(&d("Potsdam")), "{}", d("Potsdam"));
        assert!((250.0..265.0).contains(&d("Hamburg")), "{}", d("Hamburg"));
        assert!((870.0..885.0).contains(&d("Paris")), "{}", d("Paris"));
        assert_eq!(d("Berlin"), 0.0);
        let around = near(berlin, 50.0);
        assert_eq!(around[0].0.name, "Berlin");
        assert!(around.iter().any(|(c, _)| c.name == "Potsdam"));
        assert!(!around.iter().any(|(c, _)| c.name == "Hamburg"));
    }
}
