//! The plain prompter: numbered options and typed answers, one line at a
//! time, with no cursor movement and no colour. Suits screen readers and
//! simple terminals, and can be driven through a pipe.

use std::io::{BufRead, Write};

use crate::answers::Answer;
use crate::rules::model::{Question, QuestionKind};

use super::prompter::{Ask, CrisisChoice, PromptError, Prompter, Reply, ReviewChoice, ReviewItem};

/// Reads answers from `input`, writes prompts to `output`.
pub struct Plain<R, W> {
    input: R,
    output: W,
}

impl<R: BufRead, W: Write> Plain<R, W> {
    pub fn new(input: R, output: W) -> Self {
        Plain { input, output }
    }

    fn say(&mut self, text: &str) -> Result<(), PromptError> {
        writeln!(self.output, "{text}")?;
        Ok(())
    }

    /// Print `prompt` and read one trimmed line; end of input is `Closed`.
    fn line(&mut self, prompt: &str) -> Result<String, PromptError> {
        write!(self.output, "{prompt}")?;
        self.output.flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            writeln!(self.output)?;
            return Err(PromptError::Closed);
        }
        Ok(line.trim().to_owned())
    }
}

fn is_back(s: &str) -> bool {
    matches!(s.to_ascii_lowercase().as_str(), "b" | "back")
}

fn is_help(s: &str) -> bool {
    matches!(s.to_ascii_lowercase().as_str(), "?" | "h" | "help")
}

/// Turn typed text into an answer, or say what is wrong.
fn parse(q: &Question, text: &str) -> Result<Answer, String> {
    let pick = |t: &str| -> Result<String, String> {
        if let Ok(n) = t.parse::<usize>() {
            return q
                .options
                .get(n.wrapping_sub(1))
                .map(|o| o.code.clone())
                .ok_or_else(|| format!("Please type a number from 1 to {}.", q.options.len()));
        }
        q.options
            .iter()
            .find(|o| o.code.eq_ignore_ascii_case(t) || o.label.eq_ignore_ascii_case(t))
            .map(|o| o.code.clone())
            .ok_or_else(|| format!("\"{t}\" is not one of the answers; type its number."))
    };
    match q.kind {
        QuestionKind::YesNo | QuestionKind::Choice => pick(text).map(Answer::Code),
        QuestionKind::Multi => {
            if matches!(text, "0" | "none") {
                return Ok(Answer::Codes(vec![]));
            }
            let mut codes = Vec::new();
            for part in text.split([',', ' ']).filter(|p| !p.is_empty()) {
                let c = pick(part)?;
                if !codes.contains(&c) {
                    codes.push(c);
                }
            }
            let declines = codes
                .iter()
                .any(|c| q.option(c).is_some_and(|(_, o)| o.declines));
            if declines && codes.len() > 1 {
                return Err("\"Prefer not to say\" cannot be combined with other answers.".into());
            }
            codes.sort_by_key(|c| q.option(c).map(|(i, _)| i));
            Ok(Answer::Codes(codes))
        }
        QuestionKind::Integer => {
            let (lo, hi) = (q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX));
            match text.parse::<i64>() {
                Ok(n) if (lo..=hi).contains(&n) => Ok(Answer::Int(n)),
                _ => Err(format!("Please type a whole number from {lo} to {hi}.")),
            }
        }
    }
}

fn shown(q: &Question, a: &Answer) -> String {
    let label = |c: &str| q.option(c).map_or(c.to_owned(), |(_, o)| o.label.clone());
    match a {
        Answer::Code(c) => label(c),
        Answer::Codes(cs) if cs.is_empty() => "none".into(),
        Answer::Codes(cs) => cs.iter().map(|c| label(c)).collect::<Vec<_>>().join(", "),
        Answer::Int(n) => n.to_string(),
    }
}

impl<R: BufRead, W: Write> Prompter for Plain<R, W> {
    fn intro(&mut self, title: &str, text: &str) -> Result<(), PromptError> {
        self.say(title)?;
        self.say(&"=".repeat(title.chars().count()))?;
        self.say(text)?;
        self.say("\nType the number of your answer and press Enter. Type b to go back, ? for help.\nPress Ctrl-C to stop at any time.")
    }

    fn ask(&mut self, ask: Ask<'_>) -> Result<Reply, PromptError> {
        let q = ask.question;
        self.say(&format!("\nQuestion {} of {}", ask.number, ask.total))?;
        self.say(q.prompt.trim())?;
        for (i, o) in q.options.iter().enumerate() {
            self.say(&format!("  {}. {}", i + 1, o.label))?;
        }
        let mut hint = match q.kind {
            QuestionKind::Integer => format!(
                "a whole number from {} to {}{}",
                q.min.unwrap_or(0),
                q.max.unwrap_or(0),
                q.unit
                    .as_deref()
                    .map(|u| format!(" ({u})"))
                    .unwrap_or_default()
            ),
            QuestionKind::Multi => {
                "the numbers of all that apply, separated by commas; 0 for none".into()
            }
            _ => format!("1-{}", q.options.len()),
        };
        if ask.can_go_back {
            hint.push_str(", b = back");
        }
        if q.help.is_some() {
            hint.push_str(", ? = help");
        }
        if !q.required {
            hint.push_str(", s = skip");
        }
        if let Some(a) = ask.current {
            hint.push_str(&format!(", Enter = keep \"{}\"", shown(q, a)));
        }
        loop {
            let text = self.line(&format!("Answer [{hint}]: "))?;
            if text.is_empty() {
                match ask.current {
                    Some(a) => return Ok(Reply::Answer(a.clone())),
                    None => continue,
                }
            }
            if is_back(&text) {
                if ask.can_go_back {
                    return Ok(Reply::Back);
                }
                self.say("This is the first question; there is nothing before it.")?;
                continue;
            }
            if is_help(&text) {
                let help = q
                    .help
                    .as_deref()
                    .map_or("There is no more help for this question.", str::trim);
                self.say(help)?;
                continue;
            }
            if !q.required && text.eq_ignore_ascii_case("s") {
                return Ok(Reply::Skip);
            }
            match parse(q, &text) {
                Ok(a) => return Ok(Reply::Answer(a)),
                Err(why) => self.say(&why)?,
            }
        }
    }

    fn notice(&mut self, text: &str) -> Result<(), PromptError> {
        self.say(&format!("Note: {text}"))
    }

    fn crisis(&mut self, message: &str) -> Result<CrisisChoice, PromptError> {
        self.say("\n!! CRISIS: PLEASE GET HELP NOW !!")?;
        self.say(message)?;
        loop {
            let text = self.line(
                "\nType c to continue the questions, or s to stop and see the result [c/s]: ",
            )?;
            match text.to_ascii_lowercase().as_str() {
                "c" | "continue" => return Ok(CrisisChoice::Continue),
                "s" | "stop" => return Ok(CrisisChoice::Stop),
                _ => {}
            }
        }
    }

    fn review(&mut self, items: &[ReviewItem]) -> Result<ReviewChoice, PromptError> {
        self.say("\nYour answers")?;
        for (i, item) in items.iter().enumerate() {
            self.say(&format!(
                "  {}. {}\n     -> {}",
                i + 1,
                item.prompt,
                item.answer
            ))?;
        }
        loop {
            let text = self.line("Press Enter to see the result, type a number to change that answer, or b to go back: ")?;
            if text.is_empty() {
                return Ok(ReviewChoice::Submit);
            }
            if is_back(&text) {
                return Ok(ReviewChoice::Back);
            }
            match text.parse::<usize>() {
                Ok(n) if (1..=items.len()).contains(&n) => {
                    return Ok(ReviewChoice::Edit(items[n - 1].question))
                }
                _ => self.say(&format!("Please type a number from 1 to {}.", items.len()))?,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    fn plain(input: &str) -> Plain<&[u8], Vec<u8>> {
        Plain::new(input.as_bytes(), Vec::new())
    }

    fn question(rules: &Rules, id: &str) -> Question {
        rules.question(id).unwrap().clone()
    }

    fn ask(q: &Question) -> Ask<'_> {
        Ask {
            question: q,
            number: 2,
            total: 5,
            current: None,
            can_go_back: true,
        }
    }

    #[test]
    fn numbered_options_and_a_typed_number() {
        let r = Rules::builtin().unwrap();
        let q = question(&r, "harm_others");
        let mut p = plain("9\n2\n");
        assert_eq!(
            p.ask(ask(&q)).unwrap(),
            Reply::Answer(Answer::Code("thoughts".into()))
        );
        let out = String::from_utf8(p.output).unwrap();
        assert!(
            out.contains("Question 2 of 5\nHave you had thoughts"),
            "{out}"
        );
        assert!(out.contains("  1. No\n  2. Yes, but"), "{out}");
        assert!(out.contains("Please type a number from 1 to 4."), "{out}");
    }

    #[test]
    fn help_back_and_codes() {
        let r = Rules::builtin().unwrap();
        let q = question(&r, "readiness");
        let mut p = plain("?\nunsure\n");
        assert_eq!(
            p.ask(ask(&q)).unwrap(),
            Reply::Answer(Answer::Code("unsure".into()))
        );
        let out = String::from_utf8(p.output).unwrap();
        assert!(out.contains(
            q.help
                .as_deref()
                .unwrap()
                .split_whitespace()
                .next()
                .unwrap()
        ));
        let mut p = plain("b\n");
        assert_eq!(p.ask(ask(&q)).unwrap(), Reply::Back);
    }

    #[test]
    fn integers_are_range_checked_and_enter_keeps_the_current_answer() {
        let r = Rules::builtin().unwrap();
        let q = question(&r, "hours_available");
        let mut p = plain("500\nten\n12\n");
        assert_eq!(p.ask(ask(&q)).unwrap(), Reply::Answer(Answer::Int(12)));
        assert!(String::from_utf8(p.output)
            .unwrap()
            .contains("Please type a whole number from 0 to 168."));
        let current = Answer::Int(7);
        let mut p = plain("\n");
        let a = Ask {
            current: Some(&current),
            ..ask(&q)
        };
        assert_eq!(p.ask(a).unwrap(), Reply::Answer(Answer::Int(7)));
    }

    #[test]
    fn end_of_input_is_closed() {
        let r = Rules::builtin().unwrap();
        let q = question(&r, "readiness");
        assert!(matches!(plain("").ask(ask(&q)), Err(PromptError::Closed)));
    }

    #[test]
    fn crisis_and_review_choices() {
        let mut p = plain("x\ns\n");
        assert_eq!(p.crisis("Call 988.").unwrap(), CrisisChoice::Stop);
        assert!(String::from_utf8(p.output)
            .unwrap()
            .starts_with("\n!! CRISIS: PLEASE GET HELP NOW !!\nCall 988.\n"));
        let items = vec![ReviewItem {
            question: 7,
            prompt: "P".into(),
            answer: "A".into(),
        }];
        assert_eq!(plain("1\n").review(&items).unwrap(), ReviewChoice::Edit(7));
        assert_eq!(plain("\n").review(&items).unwrap(), ReviewChoice::Submit);
    }
}
