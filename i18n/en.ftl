# carelevel's own words in English. Each message has the same id and the
# same $variables in every catalog (a test checks). The rule file's texts
# (questions, levels, reasons, notes) come from the rule file, not from here.

## Reports

crisis-heading = !! CRISIS: PLEASE GET HELP NOW !!
record = Record: { $id }
answered-by-other = Answered by someone else, about the person. The answers are what they know or see.
recommended-level = Recommended level of care: { $level }
partial-result = Based only on the answers given: the questionnaire ended early.
next-step = Next step: { $step }
main-reason = Main reason: { $reason }
clinicians-decision = Clinician's decision: { $chosen }, instead of the recommended { $recommended }. Reason: { $reason } The recommendation and its reasons below are unchanged.
why-heading = Why this level
why-lead =
    { $count ->
        [one] This is what calls for this level:
       *[other] These are what call for this level:
    }
also-counted = Also counted:
on-its-own = On its own, this calls for: { $level }.
your-answers =
    { $count ->
        [one] Your answer:
       *[other] Your answers:
    }
answers-show-heading = What your answers show
in-practice-heading = What it means in practice
notes-heading = Things to keep in mind
comparison-heading = The levels of care side by side
recommended-mark = (recommended)
rules-line = Rules: { $id } { $version } (sha256 { $sha }); { $made-by }

## Markdown only

md-crisis-heading = Crisis: please get help now.
md-next-step = Next step
md-decision = Clinician's decision
md-decision-text = { $chosen }, instead of the recommended { $recommended }.
md-reason = Reason
md-unchanged = The recommendation and its reasons below are unchanged.
md-area = Area
md-concern = Concern
md-answers-behind = Answers behind it

## Ratings, in words

rating =
    { $rating ->
        [0] no concern
        [1] mild
        [2] moderate
        [3] serious
       *[4] severe
    }
rating-so-far = { $rating } so far
not-asked = not asked

## Why a level: sentences around the rule file's reasons

declined-self = You preferred not to answer { $titles }.
declined-other = You preferred not to say the answer to { $titles }.
unknown-self = You were not sure of the answer to { $titles }.
unknown-other = You did not know the answer to { $titles }.
declined-floor = { $declined } Because safety could not be checked, this screen suggests no less than this level.
ratings-agree-complete = Your answers overall point to this level too.
ratings-agree-partial = The answers given point to this level too.
without-deciding-complete =
    { $count ->
        [one] Without this, your answers overall would point to: { $level }.
       *[other] Without these, your answers overall would point to: { $level }.
    }
without-deciding-partial =
    { $count ->
        [one] Without this, the answers given would point to: { $level }.
       *[other] Without these, the answers given would point to: { $level }.
    }
ratings-sum = Your ratings add up to { $score }, and that total points to this level of care.
ratings-none = None of your answers points to a concern that needs more than this level of care.
ratings-lowest = Your answers show { $rating } concerns at most ({ $areas }), and nothing that calls for more than this level of care.
ratings-top =
    { $count ->
        [one] The most serious concern in your answers is { $areas }, rated { $rating }, which points to this level of care.
       *[other] The most serious concerns in your answers are { $areas }, rated { $rating }, which points to this level of care.
    }
a-question = a question
list-and = { $init } and { $last }

## Template comments

template-for = Answer file for: { $title }
template-rules = Rules: { $id } { $version }
template-fill-in = Fill it in: after each question's id, write one of the answer codes listed above it.
template-result = Then see the result: { $command }
template-guided = Or answer the questions one at a time in a terminal, saved as you go: { $command }
template-follow-up = Leave a follow-up blank when its condition does not hold: it is not asked.
template-other = Answered by someone about the person:
template-codes = Answer with a list of any of these codes, e.g. [a, b]:
template-code = Answer with one of these codes:
template-number = Answer with a whole number from { $min } to { $max }{ $unit }.
template-asked-when = Asked only when { $condition }.
template-optional = Optional.
cond-and = and
cond-or = or
cond-not = not { $condition }
cond-is = { $id } is { $value }
cond-in = { $id } is one of { $value }
cond-at-least = { $id } is at least { $value }
cond-at-most = { $id } is at most { $value }

## The guided questionnaire

flow-not-saving = Your answers are not saved as you go. To keep them, start with: { $command }
flow-saving = Your answers are saved to { $path } after each one.
flow-resuming =
    { $given ->
        [one] Resuming from { $path }: { $given } answer loaded, continuing with question { $number } of { $total }, the first one not answered yet. Your answers are saved there after each one.
       *[other] Resuming from { $path }: { $given } answers loaded, continuing with question { $number } of { $total }, the first one not answered yet. Your answers are saved there after each one.
    }
flow-resuming-all =
    { $given ->
        [one] Resuming from { $path }: all { $given } answer are there. Check them on the review screen, and change any you like; changes are saved there.
       *[other] Resuming from { $path }: all { $given } answers are there. Check them on the review screen, and change any you like; changes are saved there.
    }
flow-keep =
    { $given ->
        [one] Your { $given } answer is not saved. To keep it, type a file name, or press Enter for the one shown (Ctrl-C again: stop without saving)
       *[other] Your { $given } answers are not saved. To keep them, type a file name, or press Enter for the one shown (Ctrl-C again: stop without saving)
    }
flow-keep-default = my-answers.yaml
flow-keep-exists = { $path } already exists, so nothing was saved. Your answers are not kept.
not-saved = Not saved: { $why }
who-question = Who is answering these questions?
who-myself = I am answering about myself
who-other = I am answering about someone else, such as my child, partner or parent
flow-about-someone = You are answering about someone else. Answer for them as well as you can; where a question offers it, you may say you do not know.
first-question = This is the first question; there is nothing before it.
needs-answer = This question needs an answer.
flow-removed-one = Your answer to { $title } was removed: that question no longer applies after this change.
flow-removed-many = Your answers to these questions were removed, as they no longer apply after this change: { $titles }
skipped = (skipped)
answered = Your answer: { $answer }
no-more-help = There is no more help for this question.
menu-skip = Skip this question
menu-back = ← Back
menu-help = ? What does this mean?
your-answer-prompt = Your answer
multi-prompt = Your answers (Space selects, Enter confirms, Esc goes back)
multi-declines = "Prefer not to say" and "I don't know" cannot be combined with other answers.
key-back = b = back
key-help = ? = help
key-skip = empty = skip
whole-number = type a whole number from { $min } to { $max }
terminal-keys = Use the arrow keys and Enter to answer. Esc or "← Back" returns to the previous question; "? What does this mean?" explains a question. Ctrl-C stops.
question-of = Question { $number } of { $total }
crisis-continue = Continue with the questions
crisis-stop = Stop here and see the result
crisis-what-now = What would you like to do?
review-heading = Your answers
review-submit = These are right: show the result
review-prompt = Are these answers right?
after-full-report = Show the full report (the reasons, notes and what each level means)
after-save = Save the full report to a file
after-finish = Finish
after-prompt = What next?
result-saved = The result is saved in { $path }.
report-saved = The full report is saved in { $path } (only you can read it).
not-saved-plain = Not saved.
save-report-as = Save the full report as
save-report-default = carelevel-report.txt
replace-file = { $path } exists. Replace it?
type-number = Please type a number from 1 to { $max }.
not-an-answer = "{ $text }" is not one of the answers; type its number.
type-whole-number = Please type a whole number from { $min } to { $max }.
plain-keys =
    Type the number of your answer and press Enter. Type b to go back, ? for help.
    Press Ctrl-C to stop at any time.
hint-number = a whole number from { $min } to { $max }{ $unit }
hint-multi = the numbers of all that apply, separated by commas; 0 for none
key-skip-s = s = skip
key-keep = Enter = keep "{ $answer }"
plain-answer = Answer
type-an-answer = Please type an answer.
note = Note: { $text }
plain-review-prompt = Press Enter to see the result, type the number of an answer to change it, or b to go back:
plain-review-again = Please press Enter, type a number from 1 to { $max }, or b.
plain-full-report = Show the full report

## Stopping early

stopped-ctrl-c = stopped with Ctrl-C
stopped-sigterm = stopped by a request to end (SIGTERM)
stopped-sighup = stopped because the terminal closed (SIGHUP)
input-ended = the input ended before every question was answered
progress-not-saving = nothing was saved
progress-not-saving-help = to keep your answers as you go, start with `{ $command }`
progress-saved = your answers so far are saved in { $path }
progress-saved-help = resume with { $resume }
progress-nothing-saved = no answers were saved to { $path } in this run

## Details for clinicians

details-heading = Details for clinicians
details-level = Level: { $level }. Bands: the { $basis } of the ratings is { $score }, which the bands place at { $band }.
details-basis-sum = sum
details-basis-max = highest
details-ratings = Ratings: { $list }.
details-rules-none = Rules fired: none.
details-rules-fired = Rules fired: { $list }.
details-rule = { $id } (floor { $floor }{ $crisis }) because { $because }
details-md-rule = Rule { $id } (floor { $floor }{ $crisis }) fired because { $because }.
details-md-no-rule = No floor rule fired.
details-crisis-mark = , crisis
details-declined = Declined: { $list } (floor { $floor }).
details-unknown = Not known: { $list } (floor { $floor }).
details-ignored = Ignored answers (questions not asked): { $list }.
details-notes = Notes: { $list }.
details-rules = Rules: { $id } { $version }, sha256 { $sha }.
details-made-by = Made by { $who }.
this-file = THIS_FILE
saved-header = carelevel answers (rules `{ $id }` { $version }). These are health data: keep this file private.
saved-go-on = Go on answering (only what is missing is asked): { $command }
saved-result = Once every question is answered, the result alone: { $command }
file-placeholder = FILE
replace-answers =
    { $count ->
        [one] `{ $path }` already holds 1 answer. Replace it with the answers in `{ $from }`?
       *[other] `{ $path }` already holds { $count } answers. Replace them with the answers in `{ $from }`?
    }
yes = Yes
no = No
help-label = help
confirm-keys-yes = Y/n
confirm-keys-no = y/N
type-yes-no = Please type y or n.
review-change = Change an answer
review-which = Number of the answer to change (1 to { $max }; Enter: none)
rating-alone =
    { $rating ->
        [0] no concern
        [1] mild
        [2] moderate
        [3] serious
       *[4] severe
    }
ended-after-crisis = Thank you for answering what you could. Your answers suggest that someone may not be safe right now, so please reach out now: the help is just below.
quoted = "{ $text }"
ignored-note = Answers to questions that do not apply, given the other answers, were ignored: { $titles }.
ignored-safety =
    { $count ->
        [one] { $titles } is a safety question: check the answers with the person, because a safety concern must not be lost.
       *[other] { $titles } are safety questions: check the answers with the person, because a safety concern must not be lost.
    }
stopped-early-note = The questionnaire was stopped after the crisis message. Questions not answered were not scored; the level shown is already the most intensive one.
skip-key = s
file-name-prompt = File name
