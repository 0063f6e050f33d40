//! The full-screen terminal prompter (dialoguer), drawn on standard error.

use dialoguer::console::{style, Term};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Input, MultiSelect, Select};

use crate::answers::Answer;
use crate::rules::model::{Question, QuestionKind};

use super::prompter::{Ask, CrisisChoice, PromptError, Prompter, Reply, ReviewChoice, ReviewItem};

use std::sync::atomic::{AtomicBool, Ordering};

/// True while a full-screen prompt reads keys. Ctrl-C then arrives as a key
/// and the prompt returns `Interrupted`, so a SIGINT handler must let it be.
pub static IN_PROMPT: AtomicBool = AtomicBool::new(false);

/// Marks a prompt as active for as long as it lives.
struct Active;

impl Active {
    fn new() -> Self {
        IN_PROMPT.store(true, Ordering::SeqCst);
        Active
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        IN_PROMPT.store(false, Ordering::SeqCst);
    }
}

const BACK: &str = "← Back";
const HELP: &str = "? What does this mean?";
const SKIP: &str = "Skip this question";

/// Prompts on the terminal behind standard error.
pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
}

impl Default for Terminal {
    fn default() -> Self {
        Self::new()
    }
}

impl Terminal {
    pub fn new() -> Self {
        let term = Term::stderr();
        // console honours NO_COLOR and non-terminals; pick a plain theme then.
        let theme: Box<dyn Theme> = if dialoguer::console::colors_enabled_stderr() {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Terminal { term, theme }
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).clamp(40, 100)
    }

    fn say(&self, text: &str) -> Result<(), PromptError> {
        let wrapped = crate::report::wrap_text(text, self.width());
        self.term.write_line(&wrapped).map_err(PromptError::from)
    }

    /// Map a dialoguer error, and give the cursor back after Ctrl-C.
    fn fail(&self, e: dialoguer::Error) -> PromptError {
        let dialoguer::Error::IO(e) = e;
        let _ = self.term.show_cursor();
        PromptError::from(e)
    }

    fn choose(
        &self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> Result<Option<usize>, PromptError> {
        Select::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact_on_opt(&self.term)
            .map_err(|e| self.fail(e))
    }

    fn help(&self, q: &Question) -> Result<(), PromptError> {
        let text = q
            .help
            .as_deref()
            .map_or("There is no more help for this question.", str::trim);
        self.say(&format!("{}", style(text).italic()))
    }

    fn ask_choice(&self, ask: &Ask<'_>) -> Result<Reply, PromptError> {
        let q = ask.question;
        let mut items: Vec<String> = q.options.iter().map(|o| o.label.clone()).collect();
        let n = items.len();
        let extra: Vec<&str> = [
            (!q.required).then_some(SKIP),
            ask.can_go_back.then_some(BACK),
            q.help.is_some().then_some(HELP),
        ]
        .into_iter()
        .flatten()
        .collect();
        items.extend(extra.iter().map(|s| s.to_string()));
        let default = match ask.current {
            Some(Answer::Code(c)) => q.option(c).map_or(0, |(i, _)| i),
            _ => 0,
        };
        loop {
            match self.choose("Your answer", &items, default)? {
                None if ask.can_go_back => return Ok(Reply::Back),
                None => continue,
                Some(i) if i < n => {
                    return Ok(Reply::Answer(Answer::Code(q.options[i].code.clone())))
                }
                Some(i) => match extra[i - n] {
                    SKIP => return Ok(Reply::Skip),
                    BACK => return Ok(Reply::Back),
                    _ => self.help(q)?,
                },
            }
        }
    }

    fn ask_multi(&self, ask: &Ask<'_>) -> Result<Reply, PromptError> {
        let q = ask.question;
        if q.help.is_some() {
            self.help(q)?;
        }
        let chosen: Vec<bool> = q
            .options
            .iter()
            .map(|o| matches!(ask.current, Some(Answer::Codes(cs)) if cs.contains(&o.code)))
            .collect();
        let labels: Vec<&str> = q.options.iter().map(|o| o.label.as_str()).collect();
        loop {
            let picked = MultiSelect::with_theme(self.theme.as_ref())
                .with_prompt("Your answers (Space selects, Enter confirms, Esc goes back)")
                .items(&labels)
                .defaults(&chosen)
                .interact_on_opt(&self.term)
                .map_err(|e| self.fail(e))?;
            let Some(picked) = picked else {
                if ask.can_go_back {
                    return Ok(Reply::Back);
                }
                continue;
            };
            let declines = picked.iter().any(|&i| q.options[i].declines);
            if declines && picked.len() > 1 {
                self.say("\"Prefer not to say\" cannot be combined with other answers.")?;
                continue;
            }
            return Ok(Reply::Answer(Answer::Codes(
                picked
                    .into_iter()
                    .map(|i| q.options[i].code.clone())
                    .collect(),
            )));
        }
    }

    fn ask_integer(&self, ask: &Ask<'_>) -> Result<Reply, PromptError> {
        let q = ask.question;
        let (lo, hi) = (q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX));
        let unit = q
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let mut keys = vec![format!("{lo}-{hi}{unit}")];
        if ask.can_go_back {
            keys.push("b = back".into());
        }
        if q.help.is_some() {
            keys.push("? = help".into());
        }
        if !q.required {
            keys.push("empty = skip".into());
        }
        loop {
            let mut input = Input::<String>::with_theme(self.theme.as_ref())
                .with_prompt(format!("Your answer ({})", keys.join(", ")))
                .allow_empty(!q.required)
                .validate_with(|s: &String| -> Result<(), String> {
                    let s = s.trim();
                    if s.is_empty() || matches!(s, "b" | "?") {
                        return Ok(());
                    }
                    match s.parse::<i64>() {
                        Ok(n) if (lo..=hi).contains(&n) => Ok(()),
                        _ => Err(format!("type a whole number from {lo} to {hi}")),
                    }
                });
            if let Some(Answer::Int(n)) = ask.current {
                input = input.with_initial_text(n.to_string());
            }
            let text = input
                .interact_text_on(&self.term)
                .map_err(|e| self.fail(e))?;
            match text.trim() {
                "" => return Ok(Reply::Skip),
                "b" if ask.can_go_back => return Ok(Reply::Back),
                "b" => self.say("This is the first question; there is nothing before it.")?,
                "?" => self.help(q)?,
                n => return Ok(Reply::Answer(Answer::Int(n.parse().unwrap_or(lo)))),
            }
        }
    }
}

/// `text` cut to `width` characters, with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

impl Prompter for Terminal {
    fn intro(&mut self, title: &str, text: &str) -> Result<(), PromptError> {
        self.say(&format!("{}\n", style(title).bold()))?;
        self.say(text)?;
        self.say(
            "\nUse the arrow keys and Enter to answer. Esc or \"← Back\" returns to the previous question; \"? What does this mean?\" explains a question. Ctrl-C stops.\n",
        )
    }

    fn ask(&mut self, ask: Ask<'_>) -> Result<Reply, PromptError> {
        let _active = Active::new();
        let heading = format!("Question {} of {}", ask.number, ask.total);
        self.say(&format!("\n{}", style(heading).dim()))?;
        self.say(&format!("{}", style(ask.question.prompt.trim()).bold()))?;
        match ask.question.kind {
            QuestionKind::YesNo | QuestionKind::Choice => self.ask_choice(&ask),
            QuestionKind::Multi => self.ask_multi(&ask),
            QuestionKind::Integer => self.ask_integer(&ask),
        }
    }

    fn notice(&mut self, text: &str) -> Result<(), PromptError> {
        self.say(&format!("{}", style(text).yellow()))
    }

    fn crisis(&mut self, message: &str) -> Result<CrisisChoice, PromptError> {
        let _active = Active::new();
        self.say(&format!(
            "\n{}",
            style("!! CRISIS: PLEASE GET HELP NOW !!").red().bold()
        ))?;
        self.say(&format!("{}\n", style(message).bold()))?;
        let items = [
            "Continue with the questions".to_owned(),
            "Stop here and see the result".to_owned(),
        ];
        loop {
            match self.choose("What would you like to do?", &items, 0)? {
                Some(0) => return Ok(CrisisChoice::Continue),
                Some(_) => return Ok(CrisisChoice::Stop),
                None => continue,
            }
        }
    }

    fn review(&mut self, items: &[ReviewItem]) -> Result<ReviewChoice, PromptError> {
        let _active = Active::new();
        self.say(&format!("\n{}", style("Your answers").bold()))?;
        let mut choices = vec!["✓ These are right: show the result".to_owned()];
        // One line per item: a wrapped menu line would break the redraw.
        let room = self.width().saturating_sub(6);
        choices.extend(items.iter().enumerate().map(|(i, it)| {
            let answer = fit(&it.answer, room / 2);
            let head = format!("{}. ", i + 1);
            let prompt_room =
                room.saturating_sub(head.chars().count() + answer.chars().count() + 5);
            format!("{head}{}  →  {answer}", fit(&it.prompt, prompt_room))
        }));
        choices.push(BACK.to_owned());
        match self.choose("Choose an answer to change it, or confirm", &choices, 0)? {
            Some(0) => Ok(ReviewChoice::Submit),
            Some(i) if i <= items.len() => Ok(ReviewChoice::Edit(items[i - 1].question)),
            _ => Ok(ReviewChoice::Back),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}
