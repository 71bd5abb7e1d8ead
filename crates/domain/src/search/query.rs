//! The keyword query language of the search box.
//!
//! - words match as prefixes: `jav` finds Java and JavaScript; `java*` says the same;
//! - `"quoted words"` match as an exact phrase;
//! - words side by side must all match (AND); `AND`, `OR` and `NOT` (upper case) combine;
//!   `-word` is `NOT word`; parentheses group. NOT binds tighter than AND, AND than OR.
//!
//! Malformed queries get an error with the character position of the problem.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::DomainError;
use crate::error::QueryProblem;

/// Longest query we accept, in characters, and most terms in one query.
pub const MAX_QUERY_CHARS: usize = 1_000;
pub const MAX_TERMS: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "op", content = "args", rename_all = "snake_case")]
#[ts(export)]
pub enum Query {
    /// A word, matched as a prefix of an indexed word.
    Prefix(String),
    /// Words matched exactly and in this order.
    Phrase(String),
    And(Vec<Query>),
    Or(Vec<Query>),
    Not(Box<Query>),
}

impl Query {
    /// Every word or phrase in the query, in order.
    pub fn leaves(&self) -> Vec<&Query> {
        match self {
            Query::Prefix(_) | Query::Phrase(_) => vec![self],
            Query::And(qs) | Query::Or(qs) => qs.iter().flat_map(Query::leaves).collect(),
            Query::Not(q) => q.leaves(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Quoted(String),
    Open,
    Close,
    And,
    Or,
    Not,
    Minus,
}

/// Parses a query; `Ok(None)` when it holds no words at all (an empty search box).
pub fn parse(input: &str) -> Result<Option<Query>, DomainError> {
    if input.chars().count() > MAX_QUERY_CHARS {
        return Err(err(QueryProblem::QueryTooLong { limit: MAX_QUERY_CHARS as u32 }, MAX_QUERY_CHARS));
    }
    let tokens = tokenize(input)?;
    if tokens.is_empty() {
        return Ok(None);
    }
    let words = tokens.iter().filter(|(t, _)| matches!(t, Token::Word(_) | Token::Quoted(_))).count();
    if words > MAX_TERMS {
        return Err(err(QueryProblem::TooManyTerms { count: words as u32, limit: MAX_TERMS as u32 }, 0));
    }
    let mut parser = Parser { tokens, at: 0, end: input.chars().count() };
    let query = parser.or()?;
    match parser.peek() {
        None => Ok(Some(query)),
        Some((Token::Close, pos)) => Err(err(QueryProblem::UnmatchedClose, pos)),
        Some((_, pos)) => Err(err(QueryProblem::Unexpected, pos)),
    }
}

fn after(operator: &str) -> QueryProblem {
    QueryProblem::NothingAfter { operator: operator.into() }
}

fn err(problem: QueryProblem, position: usize) -> DomainError {
    DomainError::Query { problem, position: position as u32 }
}

fn tokenize(input: &str) -> Result<Vec<(Token, usize)>, DomainError> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                tokens.push((Token::Open, i));
                i += 1;
            }
            ')' => {
                tokens.push((Token::Close, i));
                i += 1;
            }
            '"' | '“' | '”' => {
                let start = i;
                let close = chars[i + 1..].iter().position(|c| matches!(c, '"' | '“' | '”'));
                let Some(len) = close else {
                    return Err(err(QueryProblem::QuoteNotClosed, start));
                };
                let phrase: String = chars[i + 1..i + 1 + len].iter().collect();
                if !has_word_chars(&phrase) {
                    return Err(err(QueryProblem::EmptyQuotes, start));
                }
                tokens.push((Token::Quoted(phrase.trim().to_owned()), start));
                i += len + 2;
            }
            '-' if chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) && starts_term(&tokens) => {
                tokens.push((Token::Minus, i));
                i += 1;
            }
            _ => {
                let start = i;
                while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '(' | ')' | '"' | '“' | '”')
                {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let token = match word.as_str() {
                    "AND" => Token::And,
                    "OR" => Token::Or,
                    "NOT" => Token::Not,
                    _ => {
                        let word = word.trim_end_matches('*');
                        if !has_word_chars(word) {
                            let word = chars[start..i].iter().collect();
                            return Err(err(QueryProblem::NoLettersOrDigits { word }, start));
                        }
                        Token::Word(word.to_owned())
                    }
                };
                tokens.push((token, start));
            }
        }
    }
    Ok(tokens)
}

/// A `-` is a NOT only where a term may begin (not inside `2019-2020`, which is one word).
fn starts_term(tokens: &[(Token, usize)]) -> bool {
    !matches!(tokens.last(), Some((Token::Minus, _)))
}

fn has_word_chars(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    at: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<(Token, usize)> {
        self.tokens.get(self.at).cloned()
    }

    fn bump(&mut self) -> Option<(Token, usize)> {
        let t = self.peek();
        self.at += 1;
        t
    }

    fn or(&mut self) -> Result<Query, DomainError> {
        let mut parts = vec![self.and()?];
        while let Some((Token::Or, pos)) = self.peek() {
            self.bump();
            if self.at_operand_end() {
                return Err(err(after("OR"), pos));
            }
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 { parts.remove(0) } else { Query::Or(parts) })
    }

    fn at_operand_end(&self) -> bool {
        matches!(self.peek(), None | Some((Token::Close | Token::Or | Token::And, _)))
    }

    fn and(&mut self) -> Result<Query, DomainError> {
        let mut parts = vec![self.unary()?];
        loop {
            match self.peek() {
                Some((Token::And, pos)) => {
                    self.bump();
                    if self.at_operand_end() {
                        return Err(err(after("AND"), pos));
                    }
                    parts.push(self.unary()?);
                }
                Some((Token::Word(_) | Token::Quoted(_) | Token::Open | Token::Not | Token::Minus, _)) => {
                    parts.push(self.unary()?);
                }
                _ => break,
            }
        }
        Ok(if parts.len() == 1 { parts.remove(0) } else { Query::And(parts) })
    }

    fn unary(&mut self) -> Result<Query, DomainError> {
        match self.peek() {
            Some((Token::Not | Token::Minus, pos)) => {
                self.bump();
                if self.at_operand_end() {
                    return Err(err(after("NOT"), pos));
                }
                Ok(Query::Not(Box::new(self.unary()?)))
            }
            _ => self.atom(),
        }
    }

    fn atom(&mut self) -> Result<Query, DomainError> {
        match self.bump() {
            Some((Token::Word(w), _)) => Ok(Query::Prefix(w)),
            Some((Token::Quoted(p), _)) => Ok(Query::Phrase(p)),
            Some((Token::Open, pos)) => {
                if let Some((Token::Close, _)) = self.peek() {
                    return Err(err(QueryProblem::EmptyParens, pos));
                }
                let inner = self.or()?;
                match self.bump() {
                    Some((Token::Close, _)) => Ok(inner),
                    _ => Err(err(QueryProblem::ParenNotClosed, pos)),
                }
            }
            Some((Token::And, pos)) => Err(err(QueryProblem::NothingBefore { operator: "AND".into() }, pos)),
            Some((Token::Or, pos)) => Err(err(QueryProblem::NothingBefore { operator: "OR".into() }, pos)),
            Some((Token::Close, pos)) => Err(err(QueryProblem::UnmatchedClose, pos)),
            Some((Token::Not | Token::Minus, pos)) => Err(err(after("NOT"), pos)),
            None => Err(err(QueryProblem::EndsEarly, self.end)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Query::*;

    fn p(s: &str) -> Query {
        parse(s).unwrap().unwrap()
    }
    fn w(s: &str) -> Query {
        Prefix(s.into())
    }

    #[test]
    fn parses_the_language() {
        assert_eq!(p("java"), w("java"));
        assert_eq!(p("java*"), w("java"));
        assert_eq!(p("java python"), And(vec![w("java"), w("python")]));
        assert_eq!(p("java AND python"), And(vec![w("java"), w("python")]));
        assert_eq!(p("java OR python"), Or(vec![w("java"), w("python")]));
        assert_eq!(p("\"data engineer\""), Phrase("data engineer".into()));
        assert_eq!(p("“data engineer”"), Phrase("data engineer".into()));
        assert_eq!(p("java NOT python"), And(vec![w("java"), Not(Box::new(w("python")))]));
        assert_eq!(p("java -python"), And(vec![w("java"), Not(Box::new(w("python")))]));
        assert_eq!(
            p("(java OR kotlin) AND \"new york\""),
            And(vec![Or(vec![w("java"), w("kotlin")]), Phrase("new york".into())])
        );
        // AND binds tighter than OR.
        assert_eq!(p("a b OR c"), Or(vec![And(vec![w("a"), w("b")]), w("c")]));
        assert_eq!(p("c++ node.js"), And(vec![w("c++"), w("node.js")]));
        assert_eq!(p("2019-2020"), w("2019-2020"));
        assert_eq!(p("São"), w("São"));
        assert_eq!(parse("   ").unwrap(), None);
    }

    #[test]
    fn malformed_queries_say_what_and_where() {
        for (q, message, position) in [
            ("\"data engineer", "this quote is never closed", 0),
            ("(java OR python", "this ( is never closed", 0),
            ("java)", "this ) has no matching (", 4),
            ("java AND", "AND needs a term after it", 5),
            ("OR java", "OR needs a term before it", 0),
            ("java OR", "OR needs a term after it", 5),
            ("java NOT", "NOT needs a term after it", 5),
            ("()", "these parentheses are empty", 0),
            ("java \"\"", "these quotes hold no words", 5),
            ("***", "has no letters or digits", 0),
            ("a (b OR ) c", "OR needs a term after it", 5),
        ] {
            match parse(q) {
                Err(DomainError::Query { problem, position: at }) => {
                    let m = problem.to_string();
                    assert!(m.contains(message), "{q}: {m}");
                    assert_eq!(at, position, "{q}");
                }
                other => panic!("{q}: expected an error, got {other:?}"),
            }
        }
    }

    #[test]
    fn oversized_queries_are_refused() {
        assert!(parse(&"a ".repeat(600)).is_err());
        let many: String = (0..65).map(|i| format!("w{i} ")).collect();
        assert!(parse(&many).unwrap_err().to_string().contains("65 terms"));
    }
}
