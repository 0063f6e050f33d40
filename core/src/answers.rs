//! Answers as values: one answer, a person's answers by question, and a
//! parsed answer file. Reading them from files is [`crate::read`]'s job;
//! the engine scores these values and knows no file.

pub use crate::rules::model::Code;
use crate::rules::model::{Question, Respondent};
use crate::rules::Rules;

/// One validated answer. It serializes as it is written in an answer file:
/// a code, a list of codes, or a number.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// A `yes_no` or `choice` option code.
    Code(Code),
    /// The option codes of a `multi` question (possibly none).
    Codes(Vec<Code>),
    /// An `integer` answer within the question's range.
    Int(i64),
}

/// Answers by question index; `None` is "not answered".
#[derive(Debug, Clone, Eq)]
pub struct Answers {
    values: Vec<Option<Answer>>,
    /// Per question, its [mark](Answers::marks): the chosen option's index
    /// when the reader knew it, else [`OTHER`] for an answer and [`NONE`]
    /// for none. Scoring reads these bytes instead of the answers.
    marks: Vec<u8>,
}

/// A mark: the question has no answer.
pub const NONE: u8 = u8::MAX;
/// A mark: the question has an answer whose option the reader did not
/// give (a number, a list, or a code not yet looked up).
pub const OTHER: u8 = u8::MAX - 1;

/// Answers are equal when they answer alike, whatever was known of them.
impl PartialEq for Answers {
    fn eq(&self, other: &Answers) -> bool {
        self.values == other.values
    }
}

impl Answers {
    /// No answers yet for `rules`.
    pub fn empty(rules: &Rules) -> Self {
        let n = rules.file.questions.len();
        Answers {
            values: vec![None; n],
            marks: vec![NONE; n],
        }
    }

    #[inline]
    pub fn get(&self, question: usize) -> Option<&Answer> {
        self.values.get(question).and_then(Option::as_ref)
    }

    pub fn set(&mut self, question: usize, answer: Option<Answer>) {
        self.marks[question] = if answer.is_some() { OTHER } else { NONE };
        self.values[question] = answer;
    }

    /// Answer `question` with its option number `option`, whose code is `code`.
    pub fn set_option(&mut self, question: usize, code: Code, option: usize) {
        self.values[question] = Some(Answer::Code(code));
        self.marks[question] = match u8::try_from(option) {
            Ok(o) if o < OTHER => o,
            _ => OTHER,
        };
    }

    /// One byte per question: the index of the chosen option when the
    /// reader knew it (below [`OTHER`]), [`OTHER`] for another answer,
    /// [`NONE`] for no answer.
    #[inline]
    pub fn marks(&self) -> &[u8] {
        &self.marks
    }

    /// The option index of a one-code answer, when its reader knew it.
    #[inline]
    pub fn option(&self, question: usize) -> Option<usize> {
        match self.marks.get(question) {
            Some(&o) if o < OTHER => Some(usize::from(o)),
            _ => None,
        }
    }

    /// The indices of the options chosen in answer to `question`.
    pub fn chosen<'a>(
        &'a self,
        rules: &'a Rules,
        question: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let known = self.option(question);
        let lookup = match (known, self.get(question)) {
            (None, Some(a)) => Some(options_of(rules, question, a)),
            _ => None,
        };
        known.into_iter().chain(lookup.into_iter().flatten())
    }

    /// Answers in question order, as `(index, answer)`.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Answer)> {
        self.values
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.as_ref().map(|a| (i, a)))
    }
}

/// The indices of the options `answer` to `question` chooses.
pub fn options_of<'a>(
    rules: &'a Rules,
    question: usize,
    answer: &'a Answer,
) -> impl Iterator<Item = usize> + 'a {
    let q = &rules.file.questions[question];
    let codes: &[Code] = match answer {
        Answer::Code(c) => std::slice::from_ref(c),
        Answer::Codes(cs) => cs,
        Answer::Int(_) => &[],
    };
    codes
        .iter()
        .filter_map(move |c| q.option(c).map(|(i, _)| i))
}

/// A parsed answer file.
#[derive(Debug, Clone)]
pub struct AnswerDoc {
    /// The record's `id`, if the file gave one.
    pub id: Option<String>,
    /// Who answered, if the file says.
    pub respondent: Option<Respondent>,
    /// Whom the answers are about, when a FHIR QuestionnaireResponse names
    /// its `subject` (a FHIR Reference, kept as it was given).
    pub subject: Option<serde_json::Value>,
    pub answers: Answers,
}

/// An answer as the person saw it: option labels (several joined by `; `),
/// or the number. A number's unit is left to the question's title or prompt,
/// which names it in a grammatical form.
pub fn describe(q: &Question, answer: &Answer) -> String {
    let label = |c: &str| {
        q.option(c).map_or(c.to_owned(), |(_, o)| {
            o.label.split_whitespace().collect::<Vec<_>>().join(" ")
        })
    };
    match answer {
        Answer::Code(c) => label(c),
        Answer::Codes(cs) if cs.is_empty() => "(none of these)".into(),
        Answer::Codes(cs) => cs.iter().map(|c| label(c)).collect::<Vec<_>>().join("; "),
        Answer::Int(n) => n.to_string(),
    }
}
